/* gosignal.c: what signals mean to a Go program, as data (STYLE item 8):
   faults (SIGSEGV, SIGBUS, SIGFPE) in Go code become run-time panics,
   elsewhere fatal errors; SIGQUIT (and SIGILL, SIGTRAP) print the
   goroutines and exit 2;
   SIGURG is the runtime's own, for forced preemption (sigpreempt.h);
   SIGPIPE is caught and dropped, so a write to a broken pipe fails
   with EPIPE, and package os kills the program by SIGPIPE (os.sigpipe)
   only when that write was to standard output or error, as gc does;
   every other signal keeps its default action, as in a Go program that
   does not use os/signal (SIGINT and SIGTERM kill by that signal).  A
   handler (not SIG_IGN) is what drops SIGPIPE, so a program that this
   one executes starts with the default action, as under gc.  */
#include <signal.h>

#include "gosignal.h"
#include "error.h"
#include "stack.h"
#include "proc.h"
#include "os.h"
#include "traceback.h"

#include <string.h>

const SigTab runtime_sigtable[] = {
  { SIGSEGV, SigPanicFlag, "SIGSEGV", "segmentation violation" },
  { SIGBUS, SigPanicFlag, "SIGBUS", "bus error" },
  { SIGFPE, SigPanicFlag, "SIGFPE", "floating-point exception" },
  { SIGQUIT, SigQuitFlag, "SIGQUIT", "quit" },
  /* Go throws on these (runtime.Breakpoint's trap): the same report as
     SIGQUIT's, headed by the signal's own name.  */
  { SIGILL, SigQuitFlag, "SIGILL", "illegal instruction" },
  { SIGTRAP, SigQuitFlag, "SIGTRAP", "trace trap" },
  /* As Go: SIGURG is rarely used by programs and ignored by default.  */
  { SIGURG, SigPreemptFlag, "SIGURG", "urgent I/O condition" },
  { SIGPIPE, SigIgnoreFlag, "SIGPIPE", "broken pipe" },
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

static void sigquit (int sig, uintptr pc) NORETURN;

/* The goroutine called here instead of continuing at the faulting
   instruction (the OS layer made it look like a call from there).  */
void
runtime_sigpanic (void)
{
  G *g = runtime_g ();
  const SigTab *t = sigtab (g->sig);
  if (t != NULL && (t->flags & SigQuitFlag))
    sigquit (g->sig, g->sigpc);
  if (g->sigfatal)
    runtime_throw ("unexpected signal during runtime execution");
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

/* Whether PC is in C code that is not the runtime's: a function with
   line information from a file other than Go (libc and libgcc, which
   Go code calls for copies, carry none; the runtime's functions are
   named runtime...; on arm the runtime's own memcpy, memmove and memset
   (arch/arm/memfault.S) are the copies Go code calls).  */
static _Bool
in_c_code (uintptr pc)
{
  FrameInfo fi;
  if (!runtime_frameinfo (pc + 1, &fi) || fi.go || !fi.has_pos)
    return 0;
  static const char *const go_copies[] = { "memcpy", "memmove", "memset" };
  for (unsigned i = 0; i < sizeof go_copies / sizeof go_copies[0]; i++)
    if (strcmp (fi.sym, go_copies[i]) == 0)
      return 0;
  return strncmp (fi.sym, "runtime", 7) != 0;
}

static void
record (G *g, const SigInfo *si)
{
  g->sig = si->sig;
  g->sigcode = si->code;
  g->sigaddr = si->addr;
  g->sigpc = si->pc;
}

/* SIGQUIT, SIGILL, SIGTRAP: "NAME: description", the pc, every
   goroutine's trace, exit 2.  */
static void NORETURN
sigquit (int sig, uintptr pc)
{
  const SigTab *t = sigtab (sig);
  runtime_printlock ();
  runtime_prints (t->name);
  runtime_prints (": ");
  runtime_prints (t->desc);
  runtime_prints ("\nPC=");
  runtime_printhex (pc);
  runtime_prints ("\n");
  runtime_printunlock ();
  runtime_dumpgoroutines_and_exit ();
}

/* Where it can, the handler has the interrupted goroutine itself call
   runtime_sigpanic (through arch/ARCH/sigtramp.S), also for a fatal
   fault and for SIGQUIT: the trace is then walked from the goroutine's
   own frames, which works on every arch (the EHABI unwinder cannot
   step out of a signal handler).  */
int
runtime_sighandler (const SigInfo *si)
{
  const SigTab *t = sigtab (si->sig);
  G *g = runtime_g ();
  M *m = runtime_m ();
  if (t != NULL && (t->flags & SigIgnoreFlag))
    return SigHandled;
  _Bool on_g = g != NULL && m != NULL && g != m->g0 && !m->dying;
  if (t != NULL && (t->flags & SigQuitFlag))
    {
      if (!on_g || m->locks > 0)
        sigquit (si->sig, si->pc);
      record (g, si);
      return SigPanic;
    }
  if (si->sig == SIGSEGV || si->sig == SIGBUS)
    runtime_stack_fault (si->addr);          /* exits on an overflow */
  if (!on_g)
    fatal_signal (si, "unexpected signal during runtime execution");
  record (g, si);
  /* Only Go code may panic: not the runtime inside a critical section,
     not C code (entered through a system call or cgo call, status
     Gsyscall, or called directly).  */
  g->sigfatal = m->locks > 0
                || __atomic_load_n (&g->status, __ATOMIC_RELAXED) == Gsyscall
                || in_c_code (si->pc);
  return SigPanic;
}

/* Package os calls this when a write to standard output or standard
   error failed with EPIPE: die by SIGPIPE, as gc's os package does.  */
void runtime_os_sigpipe (void) GOSYM ("os.sigpipe");
void
runtime_os_sigpipe (void)
{
  runtime_raise_default (SIGPIPE);
}
