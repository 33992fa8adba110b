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
     the smallest class, instead of doubling ones.  */
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
      CHECK (s->size == StackMin);
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

static void
test (void)
{
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
}

LRT_MAIN (test)
