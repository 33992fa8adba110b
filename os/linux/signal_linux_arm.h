/* signal_linux_arm.h: ucontext access for the signal handler.  */
#include <ucontext.h>
#define SIGCTX_PC(uc) ((uintptr) (uc)->uc_mcontext.arm_pc)
#define SIGCTX_SP(uc) ((uintptr) (uc)->uc_mcontext.arm_sp)
#define SIGCTX_REDZONE 0
/* Every register a forced preemption saves (sigpreempt.h): r0-r15 and
   cpsr in the mcontext, the VFP registers in uc_regspace.  */
static inline void
sigctx_regs (ucontext_t *uc, SigPreemptCtx *c)
{
  c->regs[0] = &uc->uc_mcontext;
  c->regsize[0] = sizeof uc->uc_mcontext;
  c->regs[1] = uc->uc_regspace;
  c->regsize[1] = sizeof uc->uc_regspace;
}
void runtime_sigpanic_tramp (void) HIDDEN;   /* arch/arm/sigtramp.S */
/* Make the interrupted code call runtime_sigpanic as if from the
   faulting instruction, through runtime_sigpanic_tramp: push the
   interrupted lr and the faulting pc (+2, Thumb bit as it was) for the
   trampoline's unwind entry.  FN is runtime_sigpanic.  */
static inline void
sigctx_call (ucontext_t *uc, void (*fn) (void))
{
  (void) fn;
  mcontext_t *c = &uc->uc_mcontext;
  _Bool thumb = (c->arm_cpsr & (1u << 5)) != 0;
  uintptr *sp = (uintptr *) c->arm_sp - 2;
  sp[0] = c->arm_lr;
  sp[1] = (c->arm_pc + 2) | (thumb ? 1 : 0);
  c->arm_sp = (uintptr) sp;
  c->arm_cpsr &= ~(1u << 5);                /* the trampoline is ARM */
  c->arm_pc = (uintptr) runtime_sigpanic_tramp & ~(uintptr) 1;
}
