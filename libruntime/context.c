/* context.c: the goroutine context primitives on ucontext, the portable
   fallback of arch/ARCH/context.S (whose comment is the contract),
   selected by configure --enable-context-fallback and used only then.

   It is slow: glibc's swapcontext and
   setcontext make a sigprocmask system call on every switch (DESIGN.md
   section 6 measured 238 ns against 2.5 ns).  It exists so that a new
   arch runs before its context.S is written, and so the scheduler is
   tested against a second implementation of the primitives.

   Each G keeps a ucontext_t (context.uc, allocated on first use, kept
   with the G when it is reused).  Context.pc != 0 marks a context the
   scheduler has just made for a new G (pc is its entry); gogo then
   builds the ucontext with makecontext.  runtime_mcall builds a
   ucontext on the scheduler stack of the M (below g0->context.sp) that
   calls fn (gp), and swaps to it.  runtime_gosave is a macro (proc.h):
   getcontext must run in the caller's own frame for the registers it
   records to be the caller's.  */
#include <ucontext.h>

#include "proc.h"

#ifndef LIBRUNTIME_CONTEXT_FALLBACK
#error "context.c is the ucontext fallback (--enable-context-fallback)"
#endif

enum { SchedStack = 256 << 10 };   /* room for the scheduler's C code */

ucontext_t *
runtime_context_uc (G *gp)
{
  if (gp->context.uc == NULL)
    gp->context.uc = runtime_persistentalloc (sizeof (ucontext_t));
  return gp->context.uc;
}

/* An sp just below the caller's frame.  No split-stack prologue: a
   split would return an sp on a segment unlinked at the return
   (runtime_entersyscall saves it for the collector).  */
NOSPLIT uintptr
runtime_getsp (void)
{
  return (uintptr) __builtin_frame_address (0);
}

void
runtime_context_saved (G *gp, uintptr sp)
{
  gp->context.sp = sp;
  gp->context.pc = 0;
  gp->stacksp = sp;
}

/* The first frame of a new G's ucontext: its entry, which never
   returns.  makecontext passes int arguments only, so the entry comes
   through the thread.  */
static __thread void (*start_fn) (void) TLS_IE;

static void
start_trampoline (void)
{
  void (*fn) (void) = start_fn;
  start_fn = NULL;
  fn ();
  runtime_throw ("goroutine entry returned");
}

void
runtime_gogo (G *gp)
{
  ucontext_t *uc = runtime_context_uc (gp);
  if (gp->context.pc != 0)
    {
      getcontext (uc);
      uc->uc_link = NULL;
      uc->uc_stack.ss_sp = (void *) gp->stacklo;
      uc->uc_stack.ss_size = gp->context.sp - gp->stacklo;
      makecontext (uc, start_trampoline, 0);
      start_fn = (void (*) (void)) gp->context.pc;
      gp->context.pc = 0;
    }
  setcontext (uc);
  runtime_throw ("setcontext failed");
}

/* The first frame on the scheduler stack: fn (gp), which never returns.  */
static __thread G *mcall_gp TLS_IE;
static __thread void (*mcall_fn) (G *) TLS_IE;

static void
mcall_trampoline (void)
{
  G *gp = mcall_gp;
  void (*fn) (G *) = mcall_fn;
  mcall_gp = NULL;
  mcall_fn = NULL;
  fn (gp);
  runtime_mcall_returned ();
}

void
runtime_mcall (G *gp, void (*fn) (G *))
{
  G *g0 = gp->m->g0;
  ucontext_t *sched = runtime_context_uc (g0);
  getcontext (sched);
  sched->uc_link = NULL;
  sched->uc_stack.ss_sp = (void *) (g0->context.sp - SchedStack);
  sched->uc_stack.ss_size = SchedStack - 256;
  makecontext (sched, mcall_trampoline, 0);
  mcall_gp = gp;
  mcall_fn = fn;
  gp->context.pc = 0;
  gp->context.sp = runtime_getsp ();
  gp->stacksp = gp->context.sp;
  swapcontext (runtime_context_uc (gp), sched);
}

void
runtime_context_visit (G *gp, void (*visit) (uintptr, uintptr, void *),
                       void *arg)
{
  if (gp->context.uc != NULL)
    visit ((uintptr) gp->context.uc,
           (uintptr) gp->context.uc + sizeof (ucontext_t), arg);
}
