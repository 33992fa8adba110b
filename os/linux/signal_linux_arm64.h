/* signal_linux_arm64.h: ucontext access for the signal handler.  */
#include <ucontext.h>
#define SIGCTX_PC(uc) ((uintptr) (uc)->uc_mcontext.pc)
#define SIGCTX_SP(uc) ((uintptr) (uc)->uc_mcontext.sp)
#define SIGCTX_REDZONE 0
/* Every register a forced preemption saves (sigpreempt.h): x0-x30,
   sp, pc and the FP/SIMD record at the start of __reserved.  */
static inline void
sigctx_regs (ucontext_t *uc, SigPreemptCtx *c)
{
  c->regs[0] = &uc->uc_mcontext.regs;
  c->regsize[0] = sizeof uc->uc_mcontext.regs;
  c->regs[1] = uc->uc_mcontext.__reserved;
  c->regsize[1] = 528;         /* struct fpsimd_context */
}
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
