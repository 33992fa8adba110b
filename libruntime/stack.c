/* stack.c: goroutine stacks and the split-stack protocol, seen from C.  */
#include "runtime.h"

/* Called by arch/ARCH/morestack.S when a split-stack prologue finds the
   guard crossed but no segment manager owns this thread's guard.  */
void runtime_morestack_unset (void) NORETURN HIDDEN;
void
runtime_morestack_unset (void)
{
  runtime_throw ("__morestack called on a thread without stack segments");
}
