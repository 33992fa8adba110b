/* mgc.c: the stop-the-world, parallel mark-sweep collector.

   A collection (runtime_gc):
     1. stops the world and gives every MCache's spans back to the
        Centrals, so every span is on a Central list or the heap's large
        list and every object's allocation state is in its span;
     2. decides the number of procs (runtime_gcprocs) and wakes helpers
        (runtime_helpgc), each running the same worker as the caller
        if it joins while marking is open (late ones do not: JOIN);
     3. marks: the workers take root jobs from a shared counter (the
        globals gccgo registered, the stacks, runtime roots, the
        finalizer table), then drain grey objects from work buffers.
        A worker's current buffer is private; full buffers go to a shared
        list other workers take them from (stealing), and a worker with
        a big buffer hands half of it over when another one is idle.
        Marking ends when every joined worker waits and no full buffer
        is left.
        Heap objects are scanned precisely through the pointer bitmap
        mallocgc wrote (mbitmap.c), globals through their gcdata,
        stacks, registers and runtime roots conservatively;
     4. queues the finalizers of unreachable finalizable objects (they
        and what they reach stay marked for this cycle);
     5. sweeps at once, in parallel, one Central (or the large-object
        list) per job: the mark bits become the allocation bits, empty
        spans go back to the heap;
     6. sets the next trigger from GOGC, returns idle memory above what
        the next cycle needs to the OS, prints the gctrace line, starts
        the world.
   Sweeping at once costs a few ns per span (no object memory is
   touched: see malloc.h) and keeps the allocator free of sweep checks.

   GODEBUG=gctrace=1 prints, per collection, to stderr:
     gc N @T.TTTs P%: X.XXX ms pause, B->L MB, G MB goal, K procs
   N the collection number from 1; T seconds since the allocator
   started; P percent of wall time spent with the world stopped since
   then; X the pause of this collection; B the heap (live objects and
   cached spans) when it started; L the bytes marked live; G the heap
   goal of the next cycle; K the procs decided for it (the collector
   and the helpers woken; one whose thread ran too late did not join).  */
#include "runtime.h"
#include "debug.h"
#include "sanitizer.h"
#include "malloc.h"
#include "atomic.h"
#include "os.h"
#include "gcroots.h"
#include "stack.h"
#include "panic.h"
#include "chan.h"

GCStats runtime_gcstats;

/* ---- Roots: the globals gccgo registers (gcroots.h) and the
   runtime's own (runtime_gcroot_add).  */

static SpinLock rootlock;
static struct { const void *p; uintptr size; } extraroots[MaxExtraRoots];
static uint32_t nextraroots;       /* guarded by rootlock */

void
runtime_gcroot_add (const void *p, uintptr size)
{
  runtime_spinlock (&rootlock);
  if (nextraroots == MaxExtraRoots)
    runtime_throw ("too many runtime GC roots");
  extraroots[nextraroots].p = p;
  extraroots[nextraroots].size = size;
  nextraroots++;
  runtime_spinunlock (&rootlock);
}

/* Is P inside a registered global?  (SetFinalizer on a global.)  */
_Bool runtime_in_dataroots (uintptr p) HIDDEN;
_Bool
runtime_in_dataroots (uintptr p)
{
  for (GcRootList *l = runtime_gcroots; l != NULL; l = l->next)
    for (intgo i = 0; i < l->count; i++)
      {
        uintptr d = (uintptr) l->roots[i].decl;
        if (p >= d && p < d + l->roots[i].size)
          return 1;
      }
  return 0;
}

/* ---- Work buffers.
   Invariant: a buffer is on exactly one of the full list, the empty
   list, or a worker; the lists are guarded by wblock.  */

enum { WorkbufEntries = (4096 - 2 * PTRSIZE) / PTRSIZE };

typedef struct Workbuf {
  struct Workbuf *next;
  uintptr nobj;
  uintptr obj[WorkbufEntries];
} Workbuf;

typedef struct Worker {
  Workbuf *wb;                 /* current buffer, private */
  uint64_t scanned;            /* bytes scanned (statistics) */
  char pad[ARCH_CACHELINE];
} Worker;

static SpinLock wblock;
static Workbuf *wbfull, *wbempty;

static Workbuf *
getempty (void)
{
  runtime_spinlock (&wblock);
  Workbuf *b = wbempty;
  if (b != NULL)
    wbempty = b->next;
  runtime_spinunlock (&wblock);
  if (b == NULL)
    {
      b = runtime_persistentalloc (sizeof *b);
      __atomic_add_fetch (&runtime_gcstats.gcsys, sizeof *b, __ATOMIC_RELAXED);
    }
  b->nobj = 0;
  b->next = NULL;
  return b;
}

static void
putlist (Workbuf **list, Workbuf *b)
{
  runtime_spinlock (&wblock);
  b->next = *list;
  *list = b;
  runtime_spinunlock (&wblock);
}

static Workbuf *
trygetfull (void)
{
  if (__atomic_load_n (&wbfull, __ATOMIC_RELAXED) == NULL)
    return NULL;
  runtime_spinlock (&wblock);
  Workbuf *b = wbfull;
  if (b != NULL)
    wbfull = b->next;
  runtime_spinunlock (&wblock);
  return b;
}

/* ---- The state of one collection, set up by the caller of runtime_gc
   before helpers start and read-only for them except the counters.

   Joining: JOIN packs the number of the collection (high 32 bits),
   JoinClosed, and the count of workers that joined it (the collector
   first, so a helper's count before its own is its worker id).  A
   helper joins only the collection it was woken for, and only while
   marking is open; the worker that sees every joined worker waiting
   closes it.  So a helper whose thread the kernel has not run yet does
   not hold up a collection it would find nothing to do in: it finds
   it closed or over and goes back to sleep.  A helper that joined is
   waited for (NDONE) before the collection ends, so nothing of WORK is
   read after it by a helper but JOIN.  */

enum { PhaseIdle, PhaseMark, PhaseSweep };
enum { RootData, RootStacks, RootRuntime, RootFinalizers, NumRootJobs };
enum { JoinClosed = 1u << 31 };

static struct {
  uint32_t nproc;              /* procs decided (runtime_gcprocs) */
  uint32_t cycle;              /* this collection's number, never 0 */
  uint64_t join;               /* cycle << 32 | JoinClosed | joined */
  uint32_t nwait;              /* workers out of work */
  uint32_t rootnext;           /* next root job */
  uint32_t ndone;              /* helpers finished */
  uint32_t phase;
  uint32_t sweepnext;          /* next sweep job */
  G *collector;                /* the collecting goroutine (or g0) */
  uintptr stack_lo;            /* the collecting goroutine's stack */
  uintptr stack_hi;
  uint64_t marked;             /* bytes live after sweep */
  uint64_t rootbytes;          /* stack and global bytes scanned (pacing) */
  uintptr heapmin, heapmax;    /* bounds of every chunk */
} work;

static Worker workers[MaxGcproc];

static inline void
push (Worker *w, uintptr obj)
{
  Workbuf *b = w->wb;
  if (unlikely (b->nobj == WorkbufEntries))
    {
      putlist (&wbfull, b);
      b = w->wb = getempty ();
    }
  b->obj[b->nobj++] = obj;
}

/* Grey the object holding address P, if P points into the heap.  */
static inline void
markptr (uintptr p, Worker *w)
{
  if (p < work.heapmin || p >= work.heapmax)
    return;
  Span *s = runtime_spanof (p);
  if (s == NULL)
    return;
  uintptr idx = s->sizeclass != 0 ? runtime_objindex (s, p) : 0;
  if (!runtime_isallocated (s, idx))
    return;
  uintptr *word = &s->gcmarkBits[idx / WORDBITS];
  uintptr bit = (uintptr) 1 << (idx % WORDBITS);
  uintptr old = __atomic_load_n (word, __ATOMIC_RELAXED);
  if (old & bit)
    return;
  if (work.nproc == 1)
    *word = old | bit;           /* alone: no locked instruction */
  else if (__atomic_fetch_or (word, bit, __ATOMIC_RELAXED) & bit)
    return;
  if (!s->noscan)
    push (w, s->base + idx * s->elemsize);
}

/* Every aligned word of [LO, HI) may be a pointer.  Stacks hold ASan
   redzones: reading them is the point.  */
static void NO_SANITIZE_ADDRESS
scan_conservative (uintptr lo, uintptr hi, Worker *w)
{
  lo = (lo + PTRSIZE - 1) & ~(uintptr) (PTRSIZE - 1);
  for (uintptr *p = (uintptr *) lo; (uintptr) (p + 1) <= hi; p++)
    markptr (*p, w);
}

/* The words of [B, B+N) in span S whose heap bitmap bits are set.  */
static void
scan_bitmap (Span *s, uintptr b, uintptr n, Worker *w)
{
  const uint8_t *ptrbits = s->ptrbits;
  const uintptr *words = (const uintptr *) b;
  uintptr w0 = (b - s->base) / PTRSIZE, nw = n / PTRSIZE;
  for (uintptr i = 0; i < nw;)
    {
      uintptr pos = w0 + i;
      uintptr take = 8 - pos % 8;
      if (take > nw - i)
        take = nw - i;
      unsigned bits = (ptrbits[pos / 8] >> (pos % 8)) & ((1u << take) - 1);
      while (bits != 0)
        {
          unsigned k = (unsigned) __builtin_ctz (bits);
          markptr (words[i + k], w);
          bits &= bits - 1;
        }
      i += take;
    }
  w->scanned += n;
}

enum { ObletSize = 128 << 10 };  /* large objects are scanned in pieces */

/* Scan the object at base B, or the oblet of a large object at B.  */
static void
scanobject (uintptr b, Worker *w)
{
  Span *s = runtime_spanof (b);
  if (s == NULL)
    runtime_throw ("gc: grey object outside the heap");
  if (s->sizeclass != 0)
    {
      scan_bitmap (s, b, s->elemsize, w);
      return;
    }
  uintptr end = s->base + s->scanlen;
  if (b == s->base && s->scanlen > ObletSize)
    for (uintptr o = b + ObletSize; o < end; o += ObletSize)
      push (w, o);
  uintptr n = end - b < ObletSize ? end - b : ObletSize;
  if (b < end)
    scan_bitmap (s, b, n, w);
}

/* ---- Roots.  */

static void
scan_dataroots (Worker *w)
{
  for (GcRootList *l = runtime_gcroots; l != NULL; l = l->next)
    for (intgo i = 0; i < l->count; i++)
      {
        const GcRoot *r = &l->roots[i];
        const uintptr *words = r->decl;
        __atomic_add_fetch (&work.rootbytes, r->ptrdata, __ATOMIC_RELAXED);
        for (uintptr j = 0; j < r->ptrdata / PTRSIZE; j++)
          if ((r->gcdata[j / 8] >> (j % 8)) & 1)
            markptr (words[j], w);
      }
}

/* Goroutine stacks and saved registers, conservatively, through
   runtime_stack_visit_from, each from its stacksp: the collecting
   goroutine's is the bottom of gc_body's frame (where its callee-saved
   registers were spilled), so the collector's own frames below are
   never scanned, whichever thread scans it (a pointer the marking code
   left in them would keep its object alive through every later cycle:
   those frames come back at the same addresses); every other live
   one's is the sp its switch saved, with its registers below it.
   Then what each G reaches outside its stack: the G itself (arg,
   param), its heap defer records and panics (persistent memory the
   collector does not otherwise see), the wait records of its select.  */
static void
visit_range (uintptr lo, uintptr hi, void *w)
{
  scan_conservative (lo, hi, w);
  if (hi > lo)
    __atomic_add_fetch (&work.rootbytes, hi - lo, __ATOMIC_RELAXED);
}

static void
scan_g (G *gp, Worker *w)
{
  scan_conservative ((uintptr) gp, (uintptr) (gp + 1), w);
  runtime_stack_visit_from (gp, gp->stacksp, visit_range, w);
  for (Defer *d = gp->defer; d != NULL; d = d->link)
    scan_conservative ((uintptr) d, (uintptr) (d + 1), w);
  for (Panic *p = gp->panic; p != NULL; p = p->link)
    scan_conservative ((uintptr) p, (uintptr) (p + 1), w);
  for (Sudog *sg = gp->waiting; sg != NULL; sg = sg->waitlink)
    scan_conservative ((uintptr) sg, (uintptr) (sg + 1), w);
}

/* The one place that walks the scheduler's list of Gs (the world is
   stopped: the list and every G's state are still).  */
static void
scan_stacks (Worker *w)
{
  G *self = work.collector;
  _Bool selfseen = 0;
  for (uintptr i = 0; i < runtime_allglen; i++)
    {
      G *gp = runtime_allgs[i];
      uint32_t st = __atomic_load_n (&gp->status, __ATOMIC_ACQUIRE);
      if (st == Gdead || st == Gidle)
        continue;
      selfseen |= gp == self;
      scan_g (gp, w);
    }
  /* Before the scheduler runs (or on g0) the caller is not in allgs.  */
  if (!selfseen)
    scan_conservative (work.stack_lo, work.stack_hi, w);
}

static void
markobj_cb (uintptr p, void *w)
{
  markptr (p, w);
}

static void
scanobj_cb (uintptr p, void *w)
{
  Span *s = runtime_spanof (p);
  if (s != NULL && !s->noscan)
    scanobject (p, w);
}

static void
scan_runtimeroots (Worker *w)
{
  for (uint32_t i = 0; i < nextraroots; i++)
    scan_conservative ((uintptr) extraroots[i].p,
                       (uintptr) extraroots[i].p + extraroots[i].size, w);
  G *g = runtime_g ();
  M *m = runtime_m ();
  if (g != NULL)
    scan_conservative ((uintptr) g, (uintptr) (g + 1), w);
  if (m != NULL)
    scan_conservative ((uintptr) m, (uintptr) (m + 1), w);
}

static void
markroot (uint32_t job, Worker *w)
{
  switch (job)
    {
    case RootData: scan_dataroots (w); break;
    case RootStacks: scan_stacks (w); break;
    case RootRuntime: scan_runtimeroots (w); break;
    case RootFinalizers:
      runtime_fin_markroots (markobj_cb, scanobj_cb, w);
      break;
    default: runtime_throw ("gc: bad root job");
    }
}

/* ---- Draining and termination.  */

/* The SPINS-th wait in a row for another worker: spin first, for about
   as long as a small heap's remaining work takes, and only then yield
   the thread.  On a loaded machine a yield hands the CPU to another
   process for a whole scheduler tick (4 ms), which was most of a
   collection's pause under GOGC=1 there.  */
static void
gc_backoff (uint32_t spins)
{
  if (spins < 2000)
    runtime_spinpause ();
  else
    runtime_osyield_os ();
}

/* A full buffer for W (its own empty one goes back), or NULL when every
   worker is out of work: marking is over.  */
static Workbuf *
getfull (Worker *w)
{
  Workbuf *b = trygetfull ();
  if (b != NULL)
    return b;
  __atomic_add_fetch (&work.nwait, 1, __ATOMIC_SEQ_CST);
  for (uint32_t spins = 0;; spins++)
    {
      if (__atomic_load_n (&wbfull, __ATOMIC_SEQ_CST) != NULL)
        {
          __atomic_sub_fetch (&work.nwait, 1, __ATOMIC_SEQ_CST);
          if ((b = trygetfull ()) != NULL)
            return b;
          __atomic_add_fetch (&work.nwait, 1, __ATOMIC_SEQ_CST);
        }
      /* Every joined worker waits: no work is left, and none can come
         from a helper joining later, which closing keeps out.  */
      uint64_t j = __atomic_load_n (&work.join, __ATOMIC_SEQ_CST);
      if (j & JoinClosed)
        return NULL;
      if (__atomic_load_n (&work.nwait, __ATOMIC_SEQ_CST) == (uint32_t) j
          && __atomic_compare_exchange_n (&work.join, &j, j | JoinClosed, 0,
                                          __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
        return NULL;
      gc_backoff (spins);
    }
}

/* Give half of W's buffer to idle workers.  */
static void
handoff (Worker *w)
{
  Workbuf *b = w->wb, *h = getempty ();
  uintptr n = b->nobj / 2;
  memcpy (h->obj, b->obj + b->nobj - n, n * sizeof b->obj[0]);
  h->nobj = n;
  b->nobj -= n;
  putlist (&wbfull, h);
}

static void
drain (Worker *w)
{
  for (;;)
    {
      Workbuf *b = w->wb;
      while (b->nobj > 0)
        {
          if (b->nobj > 4 && work.nwait > 0
              && __atomic_load_n (&wbfull, __ATOMIC_RELAXED) == NULL)
            handoff (w);
          scanobject (b->obj[--b->nobj], w);
          b = w->wb;             /* push may have swapped it */
        }
      Workbuf *full = getfull (w);
      if (full == NULL)
        return;
      putlist (&wbempty, w->wb);
      w->wb = full;
    }
}

static void
mark (Worker *w)
{
  if (w->wb == NULL)
    w->wb = getempty ();
  for (;;)
    {
      uint32_t job = __atomic_fetch_add (&work.rootnext, 1, __ATOMIC_SEQ_CST);
      if (job >= NumRootJobs)
        break;
      markroot (job, w);
    }
  drain (w);
}

/* ---- Sweeping.  */

static uint32_t
popcount_marks (const Span *s)
{
  uint32_t n = 0;
  for (uintptr i = 0; i < (s->nelems + WORDBITS - 1) / WORDBITS; i++)
    n += (uint32_t) __builtin_popcountl (s->gcmarkBits[i]);
  return n;
}

/* Sweep small span S; returns 1 when it is empty (caller frees it).  */
static _Bool
sweepspan (Span *s)
{
  uint32_t live = popcount_marks (s);
  uint32_t freed = s->allocCount - live;
  if (freed != 0)
    {
      __atomic_add_fetch (&runtime_heap.nfree[s->sizeclass], freed,
                          __ATOMIC_RELAXED);
      s->needzero = 1;
    }
  uintptr *old = s->allocBits;
  s->allocBits = s->gcmarkBits;
  s->gcmarkBits = old;
  memset (old, 0, sizeof s->bits[0]);
  for (uintptr i = s->nelems; i < SpanBitWords * WORDBITS; i++)
    s->allocBits[i / WORDBITS] |= (uintptr) 1 << (i % WORDBITS);
  s->freeindex = 0;
  s->allocCache = ~s->allocBits[0];
  s->allocCount = live;
  s->cachedCount = live;
  __atomic_add_fetch (&work.marked, (uint64_t) live * s->elemsize,
                      __ATOMIC_RELAXED);
  return live == 0;
}

static Span *
sweeplist (Span *list, Span **partial, Span **full)
{
  Span *dead = NULL;
  while (list != NULL)
    {
      Span *s = list, **to;
      list = s->next;
      if (sweepspan (s))
        to = &dead;
      else
        to = s->allocCount < s->nelems ? partial : full;
      s->prev = NULL;
      s->next = *to;
      if (*to != NULL)
        (*to)->prev = s;
      *to = s;
    }
  return dead;
}

static void
sweepcentral (Central *ct)
{
  Span *partial = NULL, *full = NULL;
  Span *l1 = ct->partial, *l2 = ct->full;
  Span *dead1 = sweeplist (l1, &partial, &full);
  Span *dead2 = sweeplist (l2, &partial, &full);
  ct->partial = partial;
  ct->full = full;
  for (Span *d = dead1, *next; d != NULL; d = next)
    {
      next = d->next;
      runtime_heapfree (d);
    }
  for (Span *d = dead2, *next; d != NULL; d = next)
    {
      next = d->next;
      runtime_heapfree (d);
    }
}

static void
sweeplarge (void)
{
  Span *s = runtime_heap.large, *next;
  for (; s != NULL; s = next)
    {
      next = s->next;
      if (s->gcmarkBits[0] & 1)
        {
          s->gcmarkBits[0] = 0;
          __atomic_add_fetch (&work.marked, s->elemsize, __ATOMIC_RELAXED);
          continue;
        }
      runtime_spinlock (&runtime_heap.lock);
      runtime_heap.nlargefree++;
      runtime_heap.largefree += s->elemsize;
      runtime_spinunlock (&runtime_heap.lock);
      runtime_heapfree (s);
    }
}

static void
sweep (void)
{
  uint32_t njobs = (uint32_t) runtime_nsizeclasses * 2;
  for (;;)
    {
      uint32_t j = __atomic_fetch_add (&work.sweepnext, 1, __ATOMIC_SEQ_CST);
      if (j >= njobs)
        return;
      if (j == 0)
        sweeplarge ();
      else if (j >= 2)         /* class 0 has no Central */
        sweepcentral (&runtime_central[j]);
    }
}

/* ---- Finalizer hooks: run by worker 0 between mark and sweep.  */

static _Bool
ismarked (uintptr p)
{
  Span *s = runtime_spanof (p);
  if (s == NULL)
    return 1;
  uintptr idx = s->sizeclass != 0 ? runtime_objindex (s, p) : 0;
  return span_bit (s->gcmarkBits, idx);
}

static void
setmarked (uintptr p)
{
  Span *s = runtime_spanof (p);
  uintptr idx = s->sizeclass != 0 ? runtime_objindex (s, p) : 0;
  s->gcmarkBits[idx / WORDBITS] |= (uintptr) 1 << (idx % WORDBITS);
}

/* ---- Procs: helpers.  */

/* The body every proc runs: worker 0 is the collecting thread.  */
static void
gcwork (uint32_t id)
{
  Worker *w = &workers[id];
  mark (w);
  if (id == 0)
    {
      runtime_fin_queue_unmarked (ismarked, setmarked);
      __atomic_store_n (&work.phase, PhaseSweep, __ATOMIC_SEQ_CST);
    }
  else
    for (uint32_t spins = 0;
         __atomic_load_n (&work.phase, __ATOMIC_SEQ_CST) != PhaseSweep; spins++)
      gc_backoff (spins);
  sweep ();
}

_Bool
runtime_gchelper (uint32_t cycle)
{
  uint64_t j = __atomic_load_n (&work.join, __ATOMIC_SEQ_CST);
  do
    if ((uint32_t) (j >> 32) != cycle || (j & JoinClosed))
      return 0;
  while (!__atomic_compare_exchange_n (&work.join, &j, j + 1, 0,
                                       __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
  uint32_t id = (uint32_t) j;
  if (id >= work.nproc)
    runtime_throw ("gchelper: more helpers than procs");
  gcwork (id);
  __atomic_add_fetch (&work.ndone, 1, __ATOMIC_SEQ_CST);
  return 1;
}

int32_t runtime_gctest_procs (void) HIDDEN;     /* mgc_testhelpers.c */
int32_t runtime_gctest_helpgc (int32_t nproc, uint32_t cycle) HIDDEN;

static _Bool world_stopped;

/* The procs of this collection, decided before marking starts: with
   the scheduler, runtime_gcprocs () (min of GOMAXPROCS, CPUs, MaxGcproc
   and idle Ms + 1) and runtime_helpgc (nproc, cycle), which wakes
   exactly nproc-1 idle Ms or throws.  Before the scheduler runs (a collection
   during start-up): one, or the test-only helper threads of
   mgc_testhelpers.c.  */
static int32_t
gcprocs (void)
{
  return world_stopped ? runtime_gcprocs () : runtime_gctest_procs ();
}

static int32_t
helpgc (int32_t nproc)
{
  if (world_stopped)
    return runtime_helpgc (nproc, work.cycle);
  return runtime_gctest_helpgc (nproc, work.cycle);
}

/* ---- Stopping the world: through the scheduler, once it runs (before
   runtime_schedinit the allocating thread is the only one).  */

void
runtime_gc_stoptheworld (void)
{
  M *m = runtime_m ();
  world_stopped = m != NULL && m->p != NULL;
  if (world_stopped)
    runtime_stopTheWorld ("garbage collection");
}

void
runtime_gc_starttheworld (void)
{
  if (world_stopped)
    runtime_startTheWorld ();
  world_stopped = 0;
}

/* ---- Pacing and tracing.  */

static uint32_t gcrunning;         /* atomic: a collection runs; CAS 0->1
                                      makes the collector */

/* Heap goal for a live heap of LIVE bytes whose collection also
   scanned ROOTS bytes of stacks and globals.  As Go 1.18 paces it,
   GOGC percent of everything a cycle scans may be allocated before the
   next one: a cycle's cost is its scan work, and a program with 10,000
   deep stacks but a small heap must not rescan them every few KB under
   a small GOGC.  Go's floor, 4 MB scaled by GOGC, for small heaps.  */
static uint64_t
heapgoal (uint64_t live, uint64_t roots)
{
  int32_t pct = runtime_gcstats.percent;
  if (pct < 0)
    return 0;
  uint64_t goal = live + (live + roots) * (uint64_t) pct / 100;
  uint64_t min = (uint64_t) (4 << 20) * (uint64_t) pct / 100;
  return goal < min ? min : goal;
}

/* GOGC and GODEBUG, read once by mallocinit; sets the first trigger.  */
void
runtime_gcinit (void)
{
  String s = runtime_getenv ("GOGC");
  int32_t pct = 100;
  if (s.len == 3 && memcmp (s.str, "off", 3) == 0)
    pct = -1;
  else if (s.len > 0)
    {
      pct = 0;
      for (intgo i = 0; i < s.len && s.str[i] >= '0' && s.str[i] <= '9'; i++)
        pct = pct * 10 + (s.str[i] - '0');
    }
  runtime_gcstats.percent = pct;
  runtime_debuginit ();
  runtime_gcstats.next_gc = heapgoal (0, 0);
  runtime_gc_trigger = pct < 0 ? ~(uintptr) 0 : (uintptr) runtime_gcstats.next_gc;
}


void
runtime_gc_maybe (void)
{
  if (runtime_heap_live < runtime_gc_trigger)
    return;
  M *m = runtime_m ();
  if (m->locks > 0 || __atomic_load_n (&gcrunning, __ATOMIC_RELAXED))
    return;
  runtime_gc (0);
}

static void
print_ms (uint64_t ns)
{
  runtime_printuint (ns / 1000000);
  char frac[5] = { '.', (char) ('0' + ns / 100000 % 10),
                   (char) ('0' + ns / 10000 % 10),
                   (char) ('0' + ns / 1000 % 10), 0 };
  runtime_prints (frac);
}

static void
trace (uint64_t before, int64_t now, uint64_t pause, uint32_t nproc)
{
  GCStats *st = &runtime_gcstats;
  uint64_t elapsed = (uint64_t) (now - st->start_ns);
  runtime_printlock ();
  runtime_prints ("gc ");
  runtime_printuint (st->numgc);
  runtime_prints (" @");
  print_ms (elapsed / 1000);
  runtime_prints ("s ");
  runtime_printuint (elapsed ? st->pause_total * 100 / elapsed : 0);
  runtime_prints ("%: ");
  print_ms (pause);
  runtime_prints (" ms pause, ");
  runtime_printuint (before >> 20);
  runtime_prints ("->");
  runtime_printuint (work.marked >> 20);
  runtime_prints (" MB, ");
  runtime_printuint (st->next_gc >> 20);
  runtime_prints (" MB goal, ");
  runtime_printuint (nproc);
  runtime_prints (" procs\n");
  runtime_printunlock ();
}

static void
record (int64_t t0, int64_t t1, uint64_t before, uint32_t nproc, _Bool force)
{
  GCStats *st = &runtime_gcstats;
  uint64_t pause = (uint64_t) (t1 - t0);
  int32_t nsec;
  int64_t sec = runtime_walltime (&nsec);
  uint64_t now = (uint64_t) sec * 1000000000 + (uint64_t) nsec;
  st->pause_ns[st->numgc % 256] = pause;
  st->pause_end[st->numgc % 256] = now;
  st->numgc++;
  st->numforced += force;
  st->pause_total += pause;
  st->gc_cpu_ns += pause;
  st->last_gc = now;
  if (runtime_debug.gctrace)
    trace (before, t1, pause, nproc);
}

/* ---- The collection.  */

static void
prepare (void)
{
  work.heapmin = ~(uintptr) 0;
  work.heapmax = 0;
  for (HeapChunk *c = runtime_heap.chunks; c != NULL; c = c->next)
    {
      if (c->base < work.heapmin)
        work.heapmin = c->base;
      if (c->end > work.heapmax)
        work.heapmax = c->end;
    }
  work.nwait = 0;
  work.rootnext = 0;
  work.ndone = 0;
  work.sweepnext = 0;
  work.marked = 0;
  work.rootbytes = 0;
  work.phase = PhaseMark;
}

static void
finish (uint64_t before)
{
  GCStats *st = &runtime_gcstats;
  runtime_heap_live = (uintptr) work.marked;
  st->next_gc = heapgoal (work.marked, work.rootbytes);
  runtime_gc_trigger = st->percent < 0 ? ~(uintptr) 0 : (uintptr) st->next_gc;
  /* Keep what the next cycle may allocate (goal - marked bytes, all in
     new spans when the in-use ones are fragmented) and what recent
     cycles used (the heap ages its free spans): faulting pages in
     again costs more than keeping them.  */
  runtime_heap.gen++;
  uint64_t goal = st->next_gc;
  uint64_t retain = goal > work.marked ? goal - work.marked : 0;
  runtime_heapscavenge ((uintptr) (retain + goal / 8));
  work.phase = PhaseIdle;
}

static void __attribute__ ((noinline))
collect (_Bool force)
{
  /* The caller's sp at the call: the bottom of gc_body's frame.  */
  uintptr sp = (uintptr) __builtin_dwarf_cfa ();
  int64_t t0 = runtime_nanotime ();
  runtime_gc_stoptheworld ();
  for (MCache *c = runtime_allcaches; c != NULL; c = c->next)
    runtime_mcache_release (c);
  uint64_t before = runtime_heap_live;
  prepare ();
  G *g = runtime_g ();
  /* The collecting G runs: the callee-saved registers in its Context
     are from its last switch, stale (a worker scanning it would find
     objects it dropped since); its live ones are spilled in gc_body's
     frame.  Its next switch saves them again.  */
  memset (g->context.regs, 0, sizeof g->context.regs);
  work.stack_lo = sp;
  work.stack_hi = g->stackhi;
  /* Whichever worker scans the stacks, the collecting goroutine is
     seen from here (scan_g).  */
  g->stacksp = sp;
  work.collector = g;
  int32_t nproc = gcprocs ();
  work.nproc = (uint32_t) nproc;
  if (++work.cycle == 0)
    work.cycle = 1;
  __atomic_store_n (&work.join, (uint64_t) work.cycle << 32 | 1,
                    __ATOMIC_SEQ_CST);
  int32_t woken = nproc > 1 ? helpgc (nproc) : 0;
  gcwork (0);
  /* Marking closed JOIN: its count is final.  */
  uint32_t helpers = (uint32_t) __atomic_load_n (&work.join, __ATOMIC_SEQ_CST)
                     - JoinClosed - 1;
  for (uint32_t spins = 0;
       __atomic_load_n (&work.ndone, __ATOMIC_SEQ_CST) != helpers; spins++)
    gc_backoff (spins);
  runtime_gcstats.lastprocs = (uint32_t) nproc;
  runtime_gcstats.lastwoken = (uint32_t) woken;
  runtime_gcstats.lasthelpers = helpers;
  runtime_gcstats.lastcycle = work.cycle;
  finish (before);
  int64_t t1 = runtime_nanotime ();
  record (t0, t1, before, (uint32_t) nproc, force);
  runtime_gc_starttheworld ();
}

/* Zero the stack just below the caller, where the collector's own
   frames are about to go: their unused slots would otherwise show the
   conservative scan stale pointers from dead frames.  Not instrumented
   by ASan: its frame put BUF between redzones, and the 144 bytes
   between BUF and the return address (the right redzone, two saved
   registers) stayed dirty; nor by UBSan, whose bounds checks left 12
   bytes of padding there on 386.  They are where gc_body's frame lies,
   which every cycle scans, and the parked finalizer goroutine's
   frames, over fin_run's dead copy of the last entry it ran: that
   object stayed alive until another finalizer ran (gc_clearstack.c).  */
void NO_SANITIZE __attribute__ ((noinline))
runtime_gc_clearstack (void)
{
  if (RUNTIME_C_SPLITS)
    {
      /* A 2 KiB frame would split off to another segment: clear the
         current one below this frame instead (stack.c).  */
      runtime_stack_clear_below ();
      return;
    }
  volatile uintptr buf[256];
  for (uintptr i = 0; i < nelem (buf); i++)
    buf[i] = 0;
}

static void __attribute__ ((noinline)) gc_body (int32_t force);

/* The collector's first frames go where the clearing was, on one stack
   piece (runtime_callroom), whatever splits they make further down;
   the frames of that call, __morestack's among them if it splits, go
   where the first clearing was.  */
static void *
gc_thunk (void *force)
{
  runtime_gc_clearstack ();
  gc_body (*(int32_t *) force);
  return NULL;
}

void
runtime_gc (int32_t force)
{
  runtime_gc_clearstack ();
  if (RUNTIME_C_SPLITS)
    runtime_callroom (gc_thunk, &force);
  else
    gc_body (force);           /* one stack piece anyway */
}

/* Become the one collecting goroutine.  A loser must not spin holding
   its P (the winner waits for every P to stop): an automatic collection
   gives up, runtime.GC yields until the other collection is over.  */
static _Bool
gc_acquire (int32_t force)
{
  for (;;)
    {
      uint32_t zero = 0;
      if (__atomic_compare_exchange_n (&gcrunning, &zero, 1, 0,
                                       __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
        return 1;
      if (!force)
        return 0;
      M *m = runtime_m ();
      if (m->p != NULL && runtime_g () != m->g0)
        runtime_gosched ();
      else
        runtime_osyield_os ();
    }
}

static void
gc_body (int32_t force)
{
  runtime_mallocinit ();
  if (runtime_gcstats.percent < 0 && !force)
    {
      runtime_gc_trigger = ~(uintptr) 0;
      return;
    }
  if (!gc_acquire (force))
    return;
  /* GODEBUG=gcevery=N: malloc.c asks at every N-th allocation.  */
  if (force || runtime_heap_live >= runtime_gc_trigger || runtime_debug.gcevery)
    {
      __builtin_unwind_init ();
      collect (force);
    }
  __atomic_store_n (&gcrunning, 0, __ATOMIC_SEQ_CST);
  runtime_fin_wake ();
}

void runtime_GC (void) GOSYM ("runtime.GC");
void
runtime_GC (void)
{
  runtime_gc (1);
  /* The caller did the work itself, with the world stopped: let the
     goroutines the collection stopped (and the finalizer goroutine it
     readied) run before it can stop the world again.  Go's runtime.GC
     blocks its caller until the cycle is over, with the same effect.  */
  runtime_gosched_if_waiting ();
}
