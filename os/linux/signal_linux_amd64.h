/* signal_linux_amd64.h: ucontext access for the signal handler.  */
#include <ucontext.h>
#define SIGCTX_PC(uc) ((uintptr) (uc)->uc_mcontext.gregs[REG_RIP])
#define SIGCTX_SP(uc) ((uintptr) (uc)->uc_mcontext.gregs[REG_RSP])
#define SIGCTX_REDZONE 128     /* the SysV ABI's, below sp */
#include "signal_linux_x86.h"
/* Make the interrupted code call runtime_sigpanic as if from the
   faulting instruction: push a return address one past the faulting pc
   (the unwinder looks up ra - 1) and enter runtime_sigpanic_tramp, which
   aligns the stack.  */
void runtime_sigpanic_tramp (void) HIDDEN;   /* arch/amd64/sigtramp.S */
static inline void
sigctx_call (ucontext_t *uc, void (*fn) (void))
{
  (void) fn;                   /* runtime_sigpanic, through the trampoline */
  greg_t *r = uc->uc_mcontext.gregs;
  r[REG_RSP] -= 8;
  *(uintptr *) r[REG_RSP] = (uintptr) r[REG_RIP] + 1;
  r[REG_RIP] = (greg_t) (uintptr) runtime_sigpanic_tramp;
}
