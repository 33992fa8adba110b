/* signal_linux_arm64.h: ucontext access for the signal handler.  */
#include <ucontext.h>
#define SIGCTX_PC(uc) ((uintptr) (uc)->uc_mcontext.pc)
void runtime_sigpanic_tramp (void) HIDDEN;   /* arch/arm64/sigtramp.S */
/* As on arm (signal_linux_arm.h): push the interrupted x30 and the
   faulting pc + 4 for runtime_sigpanic_tramp's CFI.  */
static inline void
sigctx_call (ucontext_t *uc, void (*fn) (void))
{
  (void) fn;
  mcontext_t *c = &uc->uc_mcontext;
  uintptr *sp = (uintptr *) c->sp - 2;
  sp[0] = c->regs[30];
  sp[1] = c->pc + 4;
  c->sp = (uintptr) sp;
  c->pc = (uintptr) runtime_sigpanic_tramp;
}
