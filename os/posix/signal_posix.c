/* os/posix/signal_posix.c: signals for the runtime (libruntime/os.h,
   the policy in libruntime/gosignal.c), with POSIX calls; the ucontext
   layout comes from the per-OS-per-arch header of the host OS.  Handlers run on a per-thread
   alternate stack, so a stack overflow can be reported; a fault in Go
   code is turned into a call of runtime_sigpanic on the faulting
   goroutine's own stack through the per-arch ucontext accessors.  */
#include <errno.h>
#include <signal.h>
#include <link.h>
#include <pthread.h>

#include "runtime.h"
#include "os.h"
#include "proc.h"
#include "gosignal.h"
#include "sigpreempt.h"
#include "stack.h"

#if !defined (__linux__)
#error "no signal_OS_ARCH.h for this OS: add one beside os/linux's"
#elif defined (__x86_64__)
#include "../linux/signal_linux_amd64.h"
#elif defined (__i386__)
#include "../linux/signal_linux_386.h"
#elif defined (__aarch64__)
#include "../linux/signal_linux_arm64.h"
#elif defined (__arm__)
#include "../linux/signal_linux_arm.h"
#else
#error "no signal_linux_ARCH.h for this arch"
#endif

enum { SigStackSize = 32 << 10 };

/* The program's own code (the first object dl_iterate_phdr reports),
   where a forced preemption may park a thread; set once by initsig.  */
static uintptr program_lo, program_hi = ~(uintptr) 0;

static int
find_program (struct dl_phdr_info *info, size_t size, void *arg)
{
  (void) size;
  (void) arg;
  uintptr lo = ~(uintptr) 0, hi = 0;
  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW (Phdr) *ph = &info->dlpi_phdr[i];
      if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
        continue;
      uintptr a = (uintptr) info->dlpi_addr + (uintptr) ph->p_vaddr;
      if (a < lo)
        lo = a;
      if (a + ph->p_memsz > hi)
        hi = a + ph->p_memsz;
    }
  if (hi > lo)
    {
      program_lo = lo;
      program_hi = hi;
    }
  return 1;                    /* the first object is the program */
}

_Bool
runtime_pc_in_program (uintptr pc)
{
  return pc >= program_lo && pc < program_hi;
}

_Static_assert (sizeof (pthread_t) <= sizeof (uintptr), "pthread_t in M");

void
runtime_signalM (M *mp)
{
  uintptr t = __atomic_load_n (&mp->osthread, __ATOMIC_SEQ_CST);
  if (t != 0)
    pthread_kill ((pthread_t) t, SIGURG);
}

static void
preempt_handler (ucontext_t *uc)
{
  SigPreemptCtx c;
  memset (&c, 0, sizeof c);
  c.pc = SIGCTX_PC (uc);
  c.sp = SIGCTX_SP (uc);
  c.redzone = SIGCTX_REDZONE;
  sigctx_regs (uc, &c);
  runtime_sigpreempt (&c);
}

static void
handler_body (int sig, siginfo_t *info, void *ctx);

/* The handler runs on the signal stack, which no goroutine's guard
   describes: prologues must not split there.  */
NOSPLIT static void
handler (int sig, siginfo_t *info, void *ctx)
{
  uintptr *slot = runtime_guard_slot ();
  uintptr saved = slot != NULL ? *slot : 0;
  if (slot != NULL && saved != 0)
    *slot = StackNoCheck;
  handler_body (sig, info, ctx);
  if (slot != NULL && saved != 0)
    {
      G *gp = runtime_g ();
      if (gp != NULL && runtime_m () != NULL && saved != StackNoCheck)
        runtime_stackguard_install (gp);
      else
        *slot = saved;
    }
}

static void
handler_body (int sig, siginfo_t *info, void *ctx)
{
  int saved_errno = errno;
  ucontext_t *uc = ctx;
  if (sig == SIGURG)
    {
      preempt_handler (uc);
      errno = saved_errno;
      return;
    }
  SigInfo si = { sig, info->si_code, (uintptr) info->si_addr, SIGCTX_PC (uc) };
  if (runtime_sighandler (&si) == SigPanic)
    sigctx_call (uc, runtime_sigpanic);
  errno = saved_errno;
}

void
runtime_initsig (void)
{
  dl_iterate_phdr (find_program, NULL);
  for (int i = 0; runtime_sigtable[i].sig != 0; i++)
    {
      if (!(runtime_sigtable[i].flags
            & (SigPanicFlag | SigQuitFlag | SigPreemptFlag | SigIgnoreFlag)))
        continue;
      struct sigaction sa;
      memset (&sa, 0, sizeof sa);
      sa.sa_sigaction = handler;
      sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
      sigfillset (&sa.sa_mask);
      sigaction (runtime_sigtable[i].sig, &sa, NULL);
    }
}

/* Per-thread: an alternate stack for the handler.  */
void *
runtime_sigstack_new (void)
{
  void *p = runtime_sysalloc (SigStackSize);
  if (p == NULL)
    runtime_throw ("out of memory allocating a signal stack");
  return p;
}

static void
install (void *stack)
{
  stack_t ss;
  ss.ss_sp = stack;
  ss.ss_size = SigStackSize;
  ss.ss_flags = 0;
  if (sigaltstack (&ss, NULL) != 0)
    runtime_throw ("sigaltstack failed");
}

void
runtime_signalstack (void)
{
  install (runtime_sigstack_new ());
}

_Bool
runtime_sigstack_lend (void *stack)
{
  stack_t old;
  if (sigaltstack (NULL, &old) != 0)
    runtime_throw ("sigaltstack failed");
  if (!(old.ss_flags & SS_DISABLE))
    return 0;                  /* the thread has its own */
  install (stack);
  return 1;
}

void
runtime_sigstack_takeback (void)
{
  stack_t ss;
  memset (&ss, 0, sizeof ss);
  ss.ss_flags = SS_DISABLE;
  if (sigaltstack (&ss, NULL) != 0)
    runtime_throw ("sigaltstack failed");
}

void
runtime_raise_default (int sig)
{
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = SIG_DFL;
  sigaction (sig, &sa, NULL);
  sigset_t set;
  sigemptyset (&set);
  sigaddset (&set, sig);
  sigprocmask (SIG_UNBLOCK, &set, NULL);
  raise (sig);
  runtime_exitprocess (2);
}
