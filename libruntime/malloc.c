/* malloc.c: runtime_mallocgc, the MCaches and the Centrals (malloc.h
   has the design tour).

   The fast path takes the next free object of the MCache's span for the
   size class from the span's cached bitmap word: a count-trailing-zeros,
   two stores, no lock, no atomic.  When the span is used up the MCache
   gives it back to its Central and takes a partial one, or a new span
   from the heap.  Large objects get their own span from the heap.

   Pacing: runtime_heap_live counts the bytes of allocated objects plus
   the free bytes of spans cached by MCaches (they are as good as
   allocated), so it moves only on the slow paths; when it reaches
   runtime_gc_trigger, the slow path collects before taking more
   memory.  */
#include "runtime.h"
#include "malloc.h"
#include "atomic.h"
#include "os.h"
#include "debug.h"
#include "proc.h"

uintptr runtime_zerobase;
uintptr runtime_heap_live;
uintptr runtime_gc_trigger = ~(uintptr) 0;
MCache *runtime_allcaches;
Central runtime_central[NumSizeClassesMax * 2];

static SpinLock allcaches_lock;
static _Bool malloc_ready;

/* Every MCache starts with this span in every slot: no free object, so
   the first allocation takes the slow path.  */
static Span emptyspan;

void
runtime_mallocinit (void)
{
  if (malloc_ready)
    return;
  runtime_initsizes ();
  runtime_gcstats.start_ns = runtime_nanotime ();
  runtime_gcinit ();
  malloc_ready = 1;
}

uintptr
runtime_roundupsize (uintptr size)
{
  if (!malloc_ready)
    runtime_mallocinit ();
  if (size <= MaxSmallSize)
    return size == 0 ? 0 : runtime_class_to_size[runtime_sizeclass (size)];
  if (size + PageSize < size)
    return size;
  return (size + PageSize - 1) & ~(uintptr) (PageSize - 1);
}

/* ---- MCaches.  */

static MCache *
mcache_new (void)
{
  MCache *c = runtime_persistentalloc (sizeof *c);
  for (uintptr i = 0; i < nelem (c->alloc); i++)
    c->alloc[i] = &emptyspan;
  runtime_spinlock (&allcaches_lock);
  c->next = runtime_allcaches;
  runtime_allcaches = c;
  runtime_spinunlock (&allcaches_lock);
  return c;
}

/* The allocating P's cache; an M without a P (start-up before the
   scheduler, a thread outside Go code) uses its own.  */
static inline MCache *
mycache (void)
{
  M *m = runtime_m ();
  MCache **slot = likely (m->p != NULL) ? &m->p->mcache : &m->mcache;
  if (unlikely (*slot == NULL))
    *slot = mcache_new ();
  return *slot;
}

static void
span_countmallocs (Span *s)
{
  uint32_t n = s->allocCount - s->cachedCount;
  if (n != 0)
    __atomic_add_fetch (&runtime_heap.nmalloc[s->sizeclass], n,
                        __ATOMIC_RELAXED);
  s->cachedCount = s->allocCount;
}

void
runtime_mcache_flushstats (MCache *c)
{
  for (uintptr i = 0; i < nelem (c->alloc); i++)
    if (c->alloc[i] != &emptyspan)
      span_countmallocs (c->alloc[i]);
}

static void
uncache (Span *s)
{
  span_countmallocs (s);
  __atomic_sub_fetch (&runtime_heap_live,
                      (uintptr) (s->nelems - s->allocCount) * s->elemsize,
                      __ATOMIC_RELAXED);
  s->cached = 0;
  runtime_central_put (s);
}

/* Give every span of C back to the Centrals (collection start).  */
void
runtime_mcache_release (MCache *c)
{
  for (uintptr i = 0; i < nelem (c->alloc); i++)
    if (c->alloc[i] != &emptyspan)
      {
        uncache (c->alloc[i]);
        c->alloc[i] = &emptyspan;
      }
}

/* ---- Centrals.  */

static void
span_push (Span **list, Span *s)
{
  s->prev = NULL;
  s->next = *list;
  if (*list != NULL)
    (*list)->prev = s;
  *list = s;
}

/* Put uncached small span S on its Central's partial or full list.  */
void
runtime_central_put (Span *s)
{
  Central *ct = &runtime_central[s->sizeclass * 2 + s->noscan];
  runtime_spinlock (&ct->lock);
  span_push (s->allocCount < s->nelems ? &ct->partial : &ct->full, s);
  runtime_spinunlock (&ct->lock);
}

/* Lay out fresh span S for objects of class CL.  */
static void
span_init (Span *s, int32_t cl, _Bool noscan)
{
  s->sizeclass = (uint8_t) cl;
  s->noscan = noscan;
  s->elemsize = runtime_class_to_size[cl];
  s->scanlen = s->elemsize;
  s->nelems = (uint32_t) (s->npages * PageSize / s->elemsize);
  s->limit = s->base + s->nelems * s->elemsize;
  s->divmul = runtime_class_to_divmul[cl];
  s->freeindex = 0;
  s->allocCount = 0;
  s->cachedCount = 0;
  memset (s->bits, 0, sizeof s->bits);
  s->allocBits = s->bits[0];
  s->gcmarkBits = s->bits[1];
  /* Bits past nelems read as allocated, so the cache never offers them.  */
  for (uintptr i = s->nelems; i < SpanBitWords * WORDBITS; i++)
    s->allocBits[i / WORDBITS] |= (uintptr) 1 << (i % WORDBITS);
  s->allocCache = ~s->allocBits[0];
}

static Span *
central_get (int32_t spc)
{
  Central *ct = &runtime_central[spc];
  runtime_spinlock (&ct->lock);
  Span *s = ct->partial;
  if (s != NULL)
    {
      ct->partial = s->next;
      if (s->next != NULL)
        s->next->prev = NULL;
      s->next = NULL;
    }
  runtime_spinunlock (&ct->lock);
  if (s != NULL)
    return s;
  int32_t cl = spc / 2;
  s = runtime_heapalloc (runtime_class_to_pages[cl], 0);
  if (s == NULL)
    runtime_outofmemory (runtime_class_to_pages[cl] * PageSize);
  span_init (s, cl, spc & 1);
  return s;
}

/* The index of the next free object of S at or after freeindex, with
   allocCache shifted to it, or nelems.  Invariant: bit k of allocCache
   is object freeindex+k being free, for the rest of freeindex's word.  */
static uintptr
nextfreeindex (Span *s)
{
  uintptr idx = s->freeindex;
  uintptr cache = s->allocCache;
  while (cache == 0)
    {
      idx = (idx + WORDBITS) & ~(uintptr) (WORDBITS - 1);
      if (idx >= s->nelems)
        {
          s->freeindex = s->nelems;
          return s->nelems;
        }
      cache = ~s->allocBits[idx / WORDBITS];
    }
  uintptr b = (uintptr) __builtin_ctzl (cache);
  idx += b;
  if (idx >= s->nelems)
    {
      s->freeindex = s->nelems;
      s->allocCache = 0;
      return s->nelems;
    }
  s->freeindex = (uint32_t) idx;
  s->allocCache = cache >> b;
  return idx;
}

/* Take object IDX of S: the free object at bit 0 of allocCache.
   allocCache then describes the word holding the new freeindex.  */
static inline void *
take (Span *s, uintptr idx)
{
  uintptr n = idx + 1;
  if (likely (n % WORDBITS != 0))
    s->allocCache = s->allocCache >> 1;
  else
    s->allocCache = n < s->nelems ? ~s->allocBits[n / WORDBITS] : 0;
  s->freeindex = (uint32_t) n;
  s->allocCount++;
  return (void *) (s->base + idx * s->elemsize);
}

static inline void *
nextfree_fast (Span *s)
{
  uintptr cache = s->allocCache;
  if (likely (cache != 0))
    {
      uintptr b = (uintptr) __builtin_ctzl (cache);
      uintptr idx = s->freeindex + b;
      if (likely (idx < s->nelems))
        {
          s->allocCache = cache >> b;
          return take (s, idx);
        }
    }
  return NULL;
}

/* Slow path: a new span for slot SPC of C, and an object from it.  */
static void *
refill (MCache *c, int32_t spc, Span **sp)
{
  Span *s = c->alloc[spc];
  if (s != &emptyspan)
    {
      uintptr idx = nextfreeindex (s);
      if (idx < s->nelems)
        {
          *sp = s;
          return take (s, idx);
        }
    }
  runtime_gc_maybe ();
  s = c->alloc[spc];            /* a collection uncaches everything */
  if (s != &emptyspan)
    uncache (s);
  s = central_get (spc);
  s->cached = 1;
  s->cachedCount = s->allocCount;
  __atomic_add_fetch (&runtime_heap_live,
                      (uintptr) (s->nelems - s->allocCount) * s->elemsize,
                      __ATOMIC_RELAXED);
  c->alloc[spc] = s;
  uintptr idx = nextfreeindex (s);
  if (idx >= s->nelems)
    runtime_throw ("malloc: span from central has no free object");
  *sp = s;
  return take (s, idx);
}

static void *
mallocsmall (uintptr size, const Type *type, uint32_t flags, _Bool noscan)
{
  int32_t spc = runtime_sizeclass (size) * 2 + noscan;
  MCache *c = mycache ();
  Span *s = c->alloc[spc];
  if (unlikely (runtime_debug.mcacheoff) && s != &emptyspan)
    {
      /* GODEBUG=mcacheoff=1: through the Central every time.  */
      uncache (s);
      s = c->alloc[spc] = &emptyspan;
    }
  void *p = nextfree_fast (s);
  if (unlikely (p == NULL))
    p = refill (c, spc, &s);
  if (s->needzero && !(flags & FlagNoZero))
    memset (p, 0, s->elemsize);
  if (!noscan && !runtime_heapbits_setsmall (s, (uintptr) p, size, type))
    runtime_heapbits_settype ((uintptr) p, size, type, s);
  return p;
}

static void *
malloclarge (uintptr size, const Type *type, uint32_t flags, _Bool noscan)
{
  uintptr npages = (size + PageSize - 1) >> PageShift;
  runtime_gc_maybe ();
  Span *s = runtime_heapalloc (npages, 1);
  if (s == NULL)
    runtime_outofmemory (size);
  s->sizeclass = 0;
  s->noscan = noscan;
  s->elemsize = npages * PageSize;
  s->scanlen = 0;
  s->nelems = 1;
  s->limit = s->base + s->elemsize;
  s->divmul = 0;
  s->freeindex = 1;
  s->allocCount = 1;
  memset (s->bits, 0, sizeof s->bits);
  s->allocBits = s->bits[0];
  s->gcmarkBits = s->bits[1];
  s->allocBits[0] = ~(uintptr) 0;
  s->allocCache = 0;
  if (s->needzero && !(flags & FlagNoZero))
    memset ((void *) s->base, 0, size);
  if (!noscan)
    runtime_heapbits_settype (s->base, size, type, s);
  runtime_spinlock (&runtime_heap.lock);
  runtime_heap.nlargealloc++;
  runtime_heap.largealloc += s->elemsize;
  runtime_spinunlock (&runtime_heap.lock);
  __atomic_add_fetch (&runtime_heap_live, s->elemsize, __ATOMIC_RELAXED);
  return (void *) s->base;
}

/* GODEBUG=gcevery=N: a collection at every N-th allocation, where
   the slow path could collect anyway (no runtime lock held).  */
static void
debug_gcevery (void)
{
  static uint32_t nalloc;
  uint32_t n = __atomic_add_fetch (&nalloc, 1, __ATOMIC_RELAXED);
  if (n % (uint32_t) runtime_debug.gcevery == 0 && runtime_m ()->locks == 0)
    runtime_gc (0);
}

void *
runtime_mallocgc (uintptr size, const Type *type, uint32_t flags)
{
  if (unlikely (size == 0))
    return &runtime_zerobase;
  if (unlikely (!malloc_ready))
    runtime_mallocinit ();
  if (unlikely (runtime_debug.gcevery > 0))
    debug_gcevery ();
  /* A safe point: forced preemption never parks a thread in the
     runtime's code (sigpreempt.h), and a goroutine that mostly
     allocates is mostly there.  */
  G *gp = runtime_g ();       /* NULL before the scheduler starts */
  if (gp != NULL)
    runtime_preemptcheck_g (gp);
  if (unlikely (size > MaxAlloc))
    runtime_outofmemory (size);
  _Bool noscan = (flags & FlagNoScan) != 0
                 || (type != NULL && type->ptrdata == 0);
  /* The P's cache and the new object's bits are half updated until
     the object is returned: no forced preemption in between.  */
  runtime_nosigpark_enter ();
  void *p = likely (size <= MaxSmallSize)
            ? mallocsmall (size, type, flags, noscan)
            : malloclarge (size, type, flags, noscan);
  runtime_nosigpark_exit ();
  return p;
}
