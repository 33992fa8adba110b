/* signal_linux_386.h: ucontext access for the signal handler.  */
#include <ucontext.h>
#define SIGCTX_PC(uc) ((uintptr) (uc)->uc_mcontext.gregs[REG_EIP])
#define SIGCTX_SP(uc) ((uintptr) (uc)->uc_mcontext.gregs[REG_ESP])
#define SIGCTX_REDZONE 0
#include "signal_linux_x86.h"
/* See signal_linux_amd64.h.  */
void runtime_sigpanic_tramp (void) HIDDEN;   /* arch/386/sigtramp.S */
static inline void
sigctx_call (ucontext_t *uc, void (*fn) (void))
{
  (void) fn;                   /* runtime_sigpanic, through the trampoline */
  greg_t *r = uc->uc_mcontext.gregs;
  r[REG_ESP] -= 4;
  *(uintptr *) r[REG_ESP] = (uintptr) r[REG_EIP] + 1;
  r[REG_EIP] = (greg_t) (uintptr) runtime_sigpanic_tramp;
}
