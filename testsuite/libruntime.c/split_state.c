// run
// env: GODEBUG=

/* White-box test of the split protocol's state (libruntime/stack.h):
   - after every split, m->morebuf (pc, sp) and m->moreargp are zero
     again: nothing the split saw stays reachable from the M;
   - while deep, the G's segment chain is linked and
     runtime_stack_visit covers every live frame on every segment;
   - after the return, no segment is linked and one spare is kept;
   - a poisoned guard (runtime_stack_poison) sends the next prologue
     to the preemption hook exactly once and then reinstalls the real
     guard, both when the frame fits where it is (no new segment) and
     when it does not; while the hook runs (the G could move to another
     M there) m->morebuf and m->moreargp are already zero;
   - a poison leaves a guard of StackNoCheck alone and is installed by
     the M's next guard write.
   GODEBUG is cleared: the segment counts assume the default growth, not
   tools/torture's stacksegmin=1.  */
#include <string.h>
#include "lrt_ctest.h"
#include "runtime.h"
#include "stack.h"
#include "proc.h"

enum { Depth = 200000, Marks = 64 };   /* past any base stack (8 MiB on arm) */

static uintptr marks[Marks];
static int nmarks;
static int hooks;

static void
morestate_clear (void)
{
  M *m = runtime_m ();
  CHECK (m->morebuf.pc == 0 && m->morebuf.sp == 0 && m->moreargp == NULL);
}

struct cover { uintptr lo[4096], hi[4096]; int n; };
static struct cover cover;

static void
visit (uintptr lo, uintptr hi, void *arg)
{
  struct cover *c = arg;
  CHECK (lo <= hi && c->n < 4096);
  c->lo[c->n] = lo;
  c->hi[c->n] = hi;
  c->n++;
}

static int
covered (uintptr p)
{
  for (int i = 0; i < cover.n; i++)
    if (p >= cover.lo[i] && p < cover.hi[i])
      return 1;
  return 0;
}

static void
at_bottom (void)
{
  G *g = runtime_g ();
  CHECK (g->stackseg != NULL);
  CHECK (g->stackinuse > 0);
  morestate_clear ();
  cover.n = 0;
  runtime_stack_visit (g, visit, &cover);
  CHECK (cover.n >= 2);
  for (int i = 0; i < nmarks; i++)
    CHECK (covered (marks[i]));
  /* The guard in the TCB is the current segment's.  */
  CHECK (*runtime_guard_slot () == g->stackseg->lo + StackGuard);
}

__attribute__ ((noinline)) static long
deep (long n, long a, long b, long c, long d, long e, long f, long g,
      long h)
{
  volatile char buf[100];
  buf[0] = (char) n;
  morestate_clear ();
  if (n % (Depth / Marks + 1) == 0 && nmarks < Marks)
    marks[nmarks++] = (uintptr) buf;
  if (n == 0)
    {
      at_bottom ();
      return h;
    }
  long r = deep (n - 1, a, b, c, d, e, f, g, h + 1);
  CHECK (buf[0] == (char) n);
  return r;
}

static void
hook (void)
{
  morestate_clear ();
  hooks++;
}

/* A poisoned guard at depth N: the next prologue calls the hook.  */
__attribute__ ((noinline)) static long
poisoned (long n, long a, long b, long c, long d, long e, long f, long g,
          long h)
{
  volatile char buf[64];
  buf[0] = 1;
  if (n == 0)
    return h + buf[0] - 1;
  if (n % 500 == 0)
    {
      int before = hooks;
      runtime_stack_poison (runtime_m ());
      long r = poisoned (n - 1, a, b, c, d, e, f, g, h + 1);
      CHECK (hooks > before);
      CHECK (runtime_m ()->stackpoison == 0);
      CHECK (*runtime_guard_slot () != StackPreempt);
      return r;
    }
  return poisoned (n - 1, a, b, c, d, e, f, g, h + 1) + buf[0] - 1;
}

static void
test (void)
{
  G *g = runtime_g ();
  runtime_sysmon_nopreempt = 1;   /* this test owns the guard */
  CHECK (g->stackseg == NULL);
  for (int round = 0; round < 2; round++)
    {
      nmarks = 0;
      CHECK (deep (Depth, 1, 2, 3, 4, 5, 6, 7, 0) == Depth);
      CHECK (g->stackseg == NULL && g->stackinuse == 0);
      CHECK (g->stackspare != NULL);
      morestate_clear ();
      CHECK (*runtime_guard_slot () == g->stackguard0);
    }

  /* Preemption at the top (the frame fits: same stack, no segment).  */
  runtime_preempt_hook = hook;
  runtime_stack_poison (runtime_m ());
  CHECK (poisoned (1, 0, 0, 0, 0, 0, 0, 0, 0) == 1);
  CHECK (hooks == 1 && g->stackseg == NULL);
  CHECK (*runtime_guard_slot () == g->stackguard0);

  /* A guard of StackNoCheck (a split, an unlink or a signal handler at
     work) stays as it is: the request waits in stackpoison, and the
     M's next guard write installs it.  Overwriting it made the split
     code's own prologues fail and nest __morestack records past the
     guard zone.  */
  uintptr *slot = runtime_guard_slot ();
  *slot = StackNoCheck;
  runtime_stack_poison (runtime_m ());
  CHECK (*slot == StackNoCheck && runtime_m ()->stackpoison != 0);
  runtime_stackguard_install (g);
  CHECK (*slot == StackPreempt);
  CHECK (poisoned (1, 0, 0, 0, 0, 0, 0, 0, 0) == 1);
  CHECK (hooks == 2 && *slot == g->stackguard0);

  /* And at many depths, some of them across segment boundaries.  */
  hooks = 0;
  CHECK (poisoned (Depth * 4, 0, 0, 0, 0, 0, 0, 0, 0) == Depth * 4);
  CHECK (hooks == (Depth * 4) / 500);
  morestate_clear ();
}

LRT_MAIN (test)
