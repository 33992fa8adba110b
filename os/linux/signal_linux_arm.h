/* signal_linux_arm.h: ucontext access for the signal handler.  */
#include <ucontext.h>
#define SIGCTX_PC(uc) ((uintptr) (uc)->uc_mcontext.arm_pc)
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
