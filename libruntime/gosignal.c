/* gosignal.c: what signals mean to a Go program, as data (STYLE item 8):
   faults (SIGSEGV, SIGBUS, SIGFPE) in Go code become run-time panics,
   elsewhere fatal errors; SIGQUIT prints the goroutines and exits 2;
   every other signal keeps its default action, as in a Go program that
   does not use os/signal (SIGINT and SIGTERM kill, SIGPIPE kills).  */
#include <signal.h>

#include "gosignal.h"
#include "error.h"
#include "stack.h"
#include "proc.h"

const SigTab runtime_sigtable[] = {
  { SIGSEGV, SigPanicFlag, "SIGSEGV", "segmentation violation" },
  { SIGBUS, SigPanicFlag, "SIGBUS", "bus error" },
  { SIGFPE, SigPanicFlag, "SIGFPE", "floating-point exception" },
  { SIGQUIT, SigQuitFlag, "SIGQUIT", "quit" },
  { 0, 0, NULL, NULL },
};

static const SigTab *
sigtab (int sig)
{
  for (int i = 0; runtime_sigtable[i].sig != 0; i++)
    if (runtime_sigtable[i].sig == sig)
      return &runtime_sigtable[i];
  return NULL;
}

void
runtime_print_siginfo (G *gp)
{
  const SigTab *t = sigtab (gp->sig);
  runtime_prints ("[signal ");
  runtime_prints (t != NULL ? t->name : "?");
  runtime_prints (": ");
  runtime_prints (t != NULL ? t->desc : "?");
  runtime_prints (" code=");
  runtime_printhex ((uint64_t) (uint32_t) gp->sigcode);
  runtime_prints (" addr=");
  runtime_printhex (gp->sigaddr);
  runtime_prints (" pc=");
  runtime_printhex (gp->sigpc);
  runtime_prints ("]\n");
}

/* The goroutine called here instead of continuing at the faulting
   instruction (the OS layer made it look like a call from there).  */
void
runtime_sigpanic (void)
{
  G *g = runtime_g ();
  switch (g->sig)
    {
    case SIGSEGV:
    case SIGBUS:
      runtime_panicmem ();
    case SIGFPE:
      if (g->sigcode == FPE_INTDIV)
        runtime_panicdivide ();
      runtime_panicstring ("floating point error");
    default:
      runtime_throw ("unexpected signal in sigpanic");
    }
}

/* A fault the program cannot turn into a panic: "fatal error: WHAT",
   the [signal ...] line (runtime_throw prints it when g->sig is set),
   the trace.  */
static void NORETURN
fatal_signal (const SigInfo *si, const char *what)
{
  G *g = runtime_g ();
  M *m = runtime_m ();
  if (m != NULL && g == m->g0 && m->curg != NULL)
    g = m->curg;
  if (g != NULL)
    {
      g->sig = si->sig;
      g->sigcode = si->code;
      g->sigaddr = si->addr;
      g->sigpc = si->pc;
    }
  runtime_throw (what);
}

int
runtime_sighandler (const SigInfo *si)
{
  const SigTab *t = sigtab (si->sig);
  G *g = runtime_g ();
  M *m = runtime_m ();
  if (t != NULL && (t->flags & SigQuitFlag))
    {
      runtime_printlock ();
      runtime_prints ("SIGQUIT: quit\nPC=");
      runtime_printhex (si->pc);
      runtime_prints ("\n");
      runtime_printunlock ();
      runtime_dumpgoroutines_and_exit ();
    }
  if (si->sig == SIGSEGV || si->sig == SIGBUS)
    runtime_stack_fault (si->addr);          /* exits on an overflow */
  /* Only Go code may panic: not the scheduler stack, not the runtime
     inside a critical section, not C code entered through a system
     call or cgo call (status Gsyscall), not a dying program.  */
  if (g == NULL || m == NULL || g == m->g0 || m->locks > 0 || m->dying
      || __atomic_load_n (&g->status, __ATOMIC_RELAXED) == Gsyscall)
    fatal_signal (si, "unexpected signal during runtime execution");
  g->sig = si->sig;
  g->sigcode = si->code;
  g->sigaddr = si->addr;
  g->sigpc = si->pc;
  return SigPanic;
}
