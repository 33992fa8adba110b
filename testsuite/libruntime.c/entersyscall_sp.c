// run
// env: GODEBUG=stacksegmin=1

/* White-box test: the sp a cgo call saves for the collector
   (G.stacksp, runtime_entersyscall) lies on the G's linked stack for
   the whole call, at every depth, the ones where the call's prologues
   would have split included.  With split prologues in syscall.Cgocall
   and runtime_entersyscall, a split there saved an sp on a segment
   that their return unlinked at once; under GODEBUG=stacksegmin=1 the
   C code's next split freed it, another goroutine reused it, and a
   collection threw "runtime_stack_visit: sp outside its stack
   segments" (testsuite/libruntime.cgo/makecallable.go).  */
#include "lrt_ctest.h"
#include "runtime.h"
#include "stack.h"

void syscall_Cgocall (void) __asm__ ("syscall.Cgocall");
void syscall_CgocallDone (void) __asm__ ("syscall.CgocallDone");

static int calls;

static _Bool
on_linked_stack (G *gp, uintptr sp)
{
  for (StackSeg *s = gp->stackseg; s != NULL; s = s->prev)
    if (sp >= s->lo && sp <= (uintptr) s)
      return 1;
  return sp >= gp->stacklo && sp <= gp->stackhi;
}

/* A cgo call at depth N, whose C splits a few times.  */
__attribute__ ((noinline)) static long
c_side (long n)
{
  volatile char buf[200];
  buf[0] = (char) n;
  return n == 0 ? 0 : c_side (n - 1) + (buf[0] == (char) n);
}

__attribute__ ((noinline)) static void
at_depth (long n)
{
  volatile char buf[48];
  buf[0] = 1;
  if (n > 0)
    {
      at_depth (n - 1);
      return;
    }
  G *gp = runtime_g ();
  syscall_Cgocall ();
  CHECK (on_linked_stack (gp, gp->stacksp));
  CHECK (c_side (8) == 8);
  CHECK (on_linked_stack (gp, gp->stacksp));
  syscall_CgocallDone ();
  calls += buf[0];
}

static void
test (void)
{
  for (long n = 0; n < 400; n++)
    at_depth (n);
  CHECK (calls == 400);
}

LRT_MAIN (test)
