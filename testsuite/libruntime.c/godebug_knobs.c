// run
// env: GODEBUG=nosuchknob=3,gcevery=50,,mcacheoff=1,stacksegmin=1,gctrace=0

/* White-box test of the GODEBUG slow-path knobs (libruntime/debug.h),
   which tools/torture runs the whole testsuite under:
   - GODEBUG is parsed once into runtime_debug; unknown names and empty
     items are ignored, the last of the known ones wins;
   - gcevery=50: 1,000 allocations of a live heap of a few KiB make at
     least 20 collections (without it, none: the first goal is 4 MB);
   - mcacheoff=1: every small allocation goes back through the Central,
     so the heap's allocation count moves at once, not when the cache
     is flushed at the next collection;
   - stacksegmin=1: a deep recursion runs on a chain of segments all of
     the smallest class, instead of doubling ones; a preemption request
     made deep in it is served within a frame or two (a split made
     while it stands gets a segment with room for the yield: without,
     no smallest segment had that room, every call split again, a
     segment a frame, and the request was never served).  */
#include "lrt_ctest.h"
#include "runtime.h"
#include "debug.h"
#include "malloc.h"
#include "stack.h"
#include "proc.h"

/* 50 MB deep on 64-bit.  On 32-bit a quarter: with stacksegmin every
   segment of the smallest class (StackMin) holds a few frames above its
   guard zone, and 200,000 of these frames would pass Go's 250 MB
   limit.  */
enum { Depth = sizeof (void *) == 8 ? 200000 : 50000 };

static int chain_segments;

static void
at_bottom (void)
{
  G *g = runtime_g ();
  CHECK (g->stackseg != NULL);
  for (StackSeg *s = g->stackseg; s != NULL; s = s->prev)
    {
      /* Twice that for a split made while a collection's stop of
         the world had the guard poisoned: room for the yield.  */
      CHECK (s->size == StackMin || s->size == 2 * StackMin);
      chain_segments++;
    }
}

__attribute__ ((noinline)) static long
deep (long n)
{
  volatile char buf[256];
  buf[n & 255] = (char) n;     /* the whole array stays in the frame */
  if (n == 0)
    {
      at_bottom ();
      return 0;
    }
  long r = deep (n - 1);
  CHECK (buf[n & 255] == (char) n);
  return r + 1;
}

static int hooks;

static void
hook (void)
{
  hooks++;
}

/* A preemption request every 50 frames: the next calls serve it.  */
__attribute__ ((noinline)) static long
poisoned (long n)
{
  volatile char buf[64];
  buf[0] = 1;
  if (n == 0)
    return 0;
  if (n % 50 != 0)
    return poisoned (n - 1) + buf[0];
  int before = hooks;
  runtime_stack_poison (runtime_m ());
  long r = poisoned (n - 1) + buf[0];
  CHECK (hooks > before);
  CHECK (runtime_m ()->stackpoison == 0);
  return r;
}

static void
test (void)
{
  /* The test makes the preemption requests: none of sysmon's may be
     pending when the hook is set.  */
  runtime_sysmon_nopreempt = 1;
  CHECK (runtime_debug.gcevery == 50);
  CHECK (runtime_debug.mcacheoff == 1);
  CHECK (runtime_debug.stacksegmin == 1);
  CHECK (runtime_debug.gctrace == 0);

  uint32_t gc0 = runtime_gcstats.numgc;
  for (int i = 0; i < 1000; i++)
    CHECK (runtime_mallocgc (32, NULL, FlagNoScan) != NULL);
  CHECK (runtime_gcstats.numgc - gc0 >= 20);

  int cl = runtime_sizeclass (48);
  uint64_t before = runtime_heap.nmalloc[cl];
  for (int i = 0; i < 10; i++)
    CHECK (runtime_mallocgc (48, NULL, FlagNoScan) != NULL);
  /* Each allocation flushed the previous one's span.  */
  CHECK (runtime_heap.nmalloc[cl] - before >= 9);

  CHECK (deep (Depth) == Depth);
  /* Doubling segments would need about a dozen for the whole depth.  */
  CHECK (chain_segments > 50);

  runtime_preempt_hook = hook;
  CHECK (poisoned (Depth) == Depth);
  CHECK (hooks == Depth / 50);
  runtime_preempt_hook = NULL;
}

LRT_MAIN (test)
