/* signal_linux_386.h: ucontext access for the signal handler.  */
#include <ucontext.h>
#define SIGCTX_PC(uc) ((uintptr) (uc)->uc_mcontext.gregs[REG_EIP])
#define SIGCTX_SP(uc) ((uintptr) (uc)->uc_mcontext.gregs[REG_ESP])
#define SIGCTX_REDZONE 0
/* Every register a forced preemption saves (sigpreempt.h): the
   general ones (i686 code has no SSE) and the x87 state.  */
static inline void
sigctx_regs (ucontext_t *uc, SigPreemptCtx *c)
{
  c->regs[0] = uc->uc_mcontext.gregs;
  c->regsize[0] = sizeof uc->uc_mcontext.gregs;
  c->regs[1] = uc->uc_mcontext.fpregs;
  c->regsize[1] = uc->uc_mcontext.fpregs != NULL ? sizeof *uc->uc_mcontext.fpregs : 0;
}
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
