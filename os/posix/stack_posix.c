/* os/posix/stack_posix.c: the stack part of the OS contract (os.h), in
   POSIX calls only, so the linux and posix layers share it: the main
   thread's stack limit, guard zones, and the stack-overflow fault.  */
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>

#include "os.h"
#include "stack.h"

uintptr
runtime_mainstacksize (void)
{
  struct rlimit rl;
  if (getrlimit (RLIMIT_STACK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
    return 0;
  return (uintptr) rl.rlim_cur;
}

int
runtime_sysguard (void *p, uintptr n)
{
  return mprotect (p, n, PROT_NONE) == 0 ? 0 : -1;
}

/* MERGE (panic helper): a minimal SIGSEGV/SIGBUS handler so that a
   stack overflow on a fixed stack (arm, or any stack's guard zone) is
   reported as Go reports it -- "runtime: goroutine stack exceeds
   N-byte limit", "fatal error: stack overflow", exit 2 -- and not as a
   bare SIGSEGV.  The panic helper owns signal handling
   (os/linux/signal_linux.c): its handler should call
   runtime_stack_fault (si_addr) first for SIGSEGV and SIGBUS, and then
   this handler and runtime_stack_fault_install go away.  Until then it
   serves the main thread only (other threads have no alternate stack,
   so an overflow there still dies by SIGSEGV).  */
static char altstack[32 << 10] __attribute__ ((aligned (16)));

static void
fault (int sig, siginfo_t *info, void *ctx)
{
  (void) ctx;
  runtime_stack_fault ((uintptr) info->si_addr);
  /* Not a stack overflow: die of the signal, as without a handler.  */
  signal (sig, SIG_DFL);
}

void
runtime_stack_fault_install (void)
{
  stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0 };
  if (sigaltstack (&ss, NULL) != 0)
    return;
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_sigaction = fault;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGSEGV, &sa, NULL);
  sigaction (SIGBUS, &sa, NULL);
}
