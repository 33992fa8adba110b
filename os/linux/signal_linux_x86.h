/* signal_linux_x86.h: what amd64 and 386 share in the signal handler:
   the registers a forced preemption saves (sigpreempt.h), the general
   ones and the FXSAVE (amd64: XMM registers, which may hold a pointer
   being copied) or x87 (386: i686 code has no SSE) state.  */
static inline void
sigctx_regs (ucontext_t *uc, SigPreemptCtx *c)
{
  c->regs[0] = uc->uc_mcontext.gregs;
  c->regsize[0] = sizeof uc->uc_mcontext.gregs;
  c->regs[1] = uc->uc_mcontext.fpregs;
  c->regsize[1] = uc->uc_mcontext.fpregs != NULL ? sizeof *uc->uc_mcontext.fpregs : 0;
}
