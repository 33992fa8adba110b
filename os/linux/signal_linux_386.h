/* signal_linux_386.h: ucontext access for the signal handler.  */
#include <ucontext.h>
#define SIGCTX_PC(uc) ((uintptr) (uc)->uc_mcontext.gregs[REG_EIP])
/* See signal_linux_amd64.h.  */
static inline void
sigctx_call (ucontext_t *uc, void (*fn) (void))
{
  greg_t *r = uc->uc_mcontext.gregs;
  r[REG_ESP] -= 4;
  *(uintptr *) r[REG_ESP] = (uintptr) r[REG_EIP] + 1;
  r[REG_EIP] = (greg_t) (uintptr) fn;
}
