/* mheap.c: the page heap.

   Address space comes from the OS layer in HeapChunks (malloc.h): a
   reservation of whole arenas, committed at once (committing touches no
   page; the first write faults it in), registered in the arena map.
   Free page runs are Spans on free lists by page count (1..127) and on
   one list of bigger runs searched best-fit.  Freeing coalesces with
   free neighbours in the same chunk.  Memory goes back to the OS only
   through runtime_heapscavenge, which the collector calls with how much
   idle memory is worth keeping for the next cycle: faulting a page in
   again costs more than keeping it.

   All of it is guarded by runtime_heap.lock, except the arena map, which is written under the heap
   lock and read without one (an entry, once set, never changes).  */
#include "runtime.h"
#include "malloc.h"
#include "os.h"

HeapState runtime_heap;
#if ARCH_PTRSIZE == 8
HeapChunk **runtime_arenamap[1 << ArenaL1Bits];
#else
HeapChunk *runtime_arenamap[1 << ArenaL2Bits];
#endif

static Span *spanfree;          /* dead Span structs for reuse */

void
runtime_outofmemory (uintptr size)
{
  runtime_printlock ();
  runtime_prints ("runtime: out of memory: cannot allocate ");
  runtime_printuint (size);
  runtime_prints ("-byte block (");
  runtime_printuint (runtime_heap.sys);
  runtime_prints (" in use)\n");
  runtime_printunlock ();
  runtime_throw ("out of memory");
}

/* A Span struct; heap lock held.  */
Span *
runtime_spanalloc (void)
{
  Span *s = spanfree;
  if (s != NULL)
    spanfree = s->next;
  else
    {
      s = runtime_persistentalloc (sizeof *s);
      runtime_heap.nspans++;
    }
  memset (s, 0, sizeof *s);
  return s;
}

static void
spandead (Span *s)
{
  s->state = SpanDead;
  s->next = spanfree;
  spanfree = s;
}

/* ---- Free lists.  */

static Span **
freelist (uintptr npages)
{
  return npages < HeapFreeLists ? &runtime_heap.free[npages]
                                : &runtime_heap.freelarge;
}

static void
list_insert (Span **list, Span *s)
{
  s->prev = NULL;
  s->next = *list;
  if (*list != NULL)
    (*list)->prev = s;
  *list = s;
}

static void
list_remove (Span **list, Span *s)
{
  if (s->prev != NULL)
    s->prev->next = s->next;
  else
    *list = s->next;
  if (s->next != NULL)
    s->next->prev = s->prev;
  s->next = s->prev = NULL;
}

static HeapChunk *
chunk_of_span (Span *s)
{
  return runtime_chunkof (s->base);
}

static void
setspans (Span *s, _Bool all)
{
  HeapChunk *c = chunk_of_span (s);
  uintptr first = (s->base - c->base) >> PageShift;
  if (all)
    for (uintptr i = 0; i < s->npages; i++)
      c->spans[first + i] = s;
  else
    {
      c->spans[first] = s;
      c->spans[first + s->npages - 1] = s;
    }
}

static void
free_insert (Span *s)
{
  s->state = SpanFree;
  setspans (s, 0);
  list_insert (freelist (s->npages), s);
}

/* ---- Growing: reservations and the arena map.  */

#if ARCH_PTRSIZE == 8
static uintptr arena_hint = (uintptr) 0xc0 << 32;
#endif

/* SIZE bytes of ArenaSize-aligned address space, or NULL.  */
static void *
reserve_aligned (uintptr size)
{
  void *hint = NULL;
#if ARCH_PTRSIZE == 8
  hint = (void *) arena_hint;
#endif
  uintptr p = (uintptr) runtime_sysreserve (hint, size);
  if (p != 0 && (p & (ArenaSize - 1)) == 0)
    return (void *) p;
  if (p != 0)
    runtime_sysfree ((void *) p, size);
  p = (uintptr) runtime_sysreserve (NULL, size + ArenaSize);
  if (p == 0)
    return NULL;
  uintptr a = (p + ArenaSize - 1) & ~(ArenaSize - 1);
  if (a > p)
    runtime_sysfree ((void *) p, a - p);
  if (p + ArenaSize > a)
    runtime_sysfree ((void *) (a + size), p + ArenaSize - a);
  return (void *) a;
}

static _Bool
arenamap_set (uintptr a, HeapChunk *c)
{
#if ARCH_PTRSIZE == 8
  HeapChunk ***l1 = &runtime_arenamap[a >> (ArenaShift + ArenaL2Bits)];
  if (*l1 == NULL)
    {
      uintptr n = sizeof (HeapChunk *) << ArenaL2Bits;
      HeapChunk **l2 = runtime_sysalloc (n);
      if (l2 == NULL)
        return 0;
      runtime_heap.metasys += n;
      __atomic_store_n (l1, l2, __ATOMIC_RELEASE);
    }
  (*l1)[(a >> ArenaShift) & ((1 << ArenaL2Bits) - 1)] = c;
#else
  runtime_arenamap[a >> ArenaShift] = c;
#endif
  return 1;
}

/* Add a chunk of at least NPAGES pages; heap lock held.  */
static _Bool
heap_grow (uintptr npages)
{
  uintptr size = (npages * PageSize + ArenaSize - 1) & ~(ArenaSize - 1);
  if (size < npages * PageSize)
    return 0;
  void *base = reserve_aligned (size);
  if (base == NULL)
    return 0;
  uintptr pages = size >> PageShift;
  uintptr metasize = pages * sizeof (Span *) + size / PTRSIZE / 8;
  void *meta = NULL;
  if (runtime_sysmap (base, size) != 0
      || (meta = runtime_sysalloc (metasize)) == NULL)
    {
      runtime_sysfree (base, size);
      return 0;
    }
  HeapChunk *c = runtime_persistentalloc (sizeof *c);
  c->base = (uintptr) base;
  c->end = c->base + size;
  c->spans = meta;
  c->ptrbits = (uint8_t *) meta + pages * sizeof (Span *);
  for (uintptr a = c->base; a < c->end; a += ArenaSize)
    if (!arenamap_set (a, c))
      runtime_outofmemory (size);
#if ARCH_PTRSIZE == 8
  if (c->end > arena_hint)
    arena_hint = c->end;
#endif
  c->next = runtime_heap.chunks;
  runtime_heap.chunks = c;
  runtime_heap.sys += size;
  runtime_heap.metasys += metasize;

  /* Fresh pages are not resident until touched: they count as
     released, so the scavenger leaves them alone.  */
  Span *s = runtime_spanalloc ();
  s->base = c->base;
  s->npages = pages;
  s->needzero = 0;
  s->nreleased = pages;
  runtime_heap.released += size;
  free_insert (s);
  return 1;
}

/* ---- Allocation and freeing of page runs.  */

static Span *
heap_find (uintptr npages)
{
  for (uintptr n = npages; n < HeapFreeLists; n++)
    if (runtime_heap.free[n] != NULL)
      return runtime_heap.free[n];
  Span *best = NULL;
  for (Span *s = runtime_heap.freelarge; s != NULL; s = s->next)
    if (s->npages >= npages
        && (best == NULL || s->npages < best->npages
            || (s->npages == best->npages && s->base < best->base)))
      best = s;
  return best;
}

/* Split the tail beyond NPAGES off free span S (not on a list).  Which
   of S's pages were released is not recorded: the tail is taken to
   hold them first (fresh chunks are used from the front).  */
static void
heap_split (Span *s, uintptr npages)
{
  if (s->npages == npages)
    return;
  Span *t = runtime_spanalloc ();
  t->base = s->base + npages * PageSize;
  t->npages = s->npages - npages;
  t->needzero = s->needzero;
  t->freegen = s->freegen;
  t->nreleased = s->nreleased < t->npages ? s->nreleased : t->npages;
  s->nreleased -= t->nreleased;
  s->npages = npages;
  free_insert (t);
}

/* An in-use span of NPAGES pages, or NULL when the OS refuses memory.
   Its memory is zero unless needzero is set.  */
Span *
runtime_heapalloc (uintptr npages, _Bool large)
{
  runtime_spinlock (&runtime_heap.lock);
  Span *s = heap_find (npages);
  if (s == NULL && heap_grow (npages))
    s = heap_find (npages);
  if (s == NULL)
    {
      runtime_spinunlock (&runtime_heap.lock);
      return NULL;
    }
  list_remove (freelist (s->npages), s);
  heap_split (s, npages);
  /* Released pages fault in again as zero pages when touched.  */
  runtime_heap.released -= s->nreleased * PageSize;
  s->nreleased = 0;
  s->state = SpanInUse;
  setspans (s, 1);
  HeapChunk *c = chunk_of_span (s);
  s->ptrbits = c->ptrbits + (s->base - c->base) / PTRSIZE / 8;
  runtime_heap.inuse += npages * PageSize;
  if (large)
    list_insert (&runtime_heap.large, s);
  runtime_spinunlock (&runtime_heap.lock);
  return s;
}

/* Merge free span T into S (T directly after S); T dies.  */
static void
heap_merge (Span *s, Span *t)
{
  list_remove (freelist (t->npages), t);
  s->npages += t->npages;
  s->needzero |= t->needzero;
  s->nreleased += t->nreleased;
  if (t->freegen > s->freegen)
    s->freegen = t->freegen;
  spandead (t);
}

static void
heap_coalesce (Span *s)
{
  HeapChunk *c = chunk_of_span (s);
  if (s->base > c->base)
    {
      Span *p = c->spans[((s->base - c->base) >> PageShift) - 1];
      if (p != NULL && p->state == SpanFree
          && p->base + p->npages * PageSize == s->base)
        {
          list_remove (freelist (p->npages), p);
          p->npages += s->npages;
          p->needzero |= s->needzero;
          p->nreleased += s->nreleased;
          if (s->freegen > p->freegen)
            p->freegen = s->freegen;
          spandead (s);
          s = p;
        }
    }
  uintptr end = s->base + s->npages * PageSize;
  if (end < c->end)
    {
      Span *n = c->spans[(end - c->base) >> PageShift];
      if (n != NULL && n->state == SpanFree && n->base == end)
        heap_merge (s, n);
    }
  free_insert (s);
}

/* Give in-use span S back to the heap.  Its memory counts as dirty.  */
void
runtime_heapfree (Span *s)
{
  runtime_spinlock (&runtime_heap.lock);
  if (s->state != SpanInUse)
    runtime_throw ("heapfree: span not in use");
  if (s->sizeclass == 0)
    list_remove (&runtime_heap.large, s);
  runtime_heap.inuse -= s->npages * PageSize;
  s->needzero = 1;
  s->nreleased = 0;
  s->freegen = runtime_heap.gen;
  s->sizeclass = 0;
  heap_coalesce (s);
  runtime_spinunlock (&runtime_heap.lock);
}

/* ---- Returning memory to the OS.  */

/* Free spans the last ScavengeAge collections left unused are
   released; younger ones are likely to be reused by the next cycle.  */
enum { ScavengeAge = 4 };

static void
span_release (Span *s)
{
  if (runtime_heap.gen - s->freegen < ScavengeAge)
    return;
  uintptr lo = (s->base + runtime_physpagesize - 1) & ~(runtime_physpagesize - 1);
  uintptr hi = (s->base + s->npages * PageSize) & ~(runtime_physpagesize - 1);
  if (s->nreleased == s->npages || hi <= lo)
    return;
  runtime_sysunused ((void *) lo, hi - lo);
  runtime_heap.released += (s->npages - s->nreleased) * PageSize;
  s->nreleased = s->npages;
  if (lo == s->base && hi == s->base + s->npages * PageSize)
    s->needzero = 0;
}

/* Release free spans unused for ScavengeAge collections, biggest
   first, until at most RETAIN bytes of idle memory are still backed by
   the OS.  */
void
runtime_heapscavenge (uintptr retain)
{
  runtime_spinlock (&runtime_heap.lock);
  HeapState *h = &runtime_heap;
  for (Span *s = h->freelarge; s != NULL; s = s->next)
    {
      if (h->sys - h->inuse - h->released <= retain)
        break;
      span_release (s);
    }
  for (uintptr n = HeapFreeLists - 1; n > 0; n--)
    for (Span *s = h->free[n]; s != NULL; s = s->next)
      {
        if (h->sys - h->inuse - h->released <= retain)
          goto done;
        span_release (s);
      }
done:
  runtime_spinunlock (&runtime_heap.lock);
}
