/* gosignal.h: the runtime's signal policy (gosignal.c) and the OS layer's
   part (os/OS/signal_OS.c).  */
#ifndef LIBRUNTIME_GOSIGNAL_H
#define LIBRUNTIME_GOSIGNAL_H

#include "runtime.h"

enum {
  SigPanicFlag = 1,          /* a fault: in Go code it becomes a panic */
  SigQuitFlag = 2,           /* dump the goroutines and exit 2 */
  SigPreemptFlag = 4,        /* forced preemption (sigpreempt.h) */
  SigIgnoreFlag = 8,         /* caught and dropped: the call that caused
                                it fails with an error (SIGPIPE: EPIPE) */
};

typedef struct SigTab {
  int sig;                   /* 0 ends the table */
  uint32_t flags;
  const char *name;          /* "SIGSEGV" */
  const char *desc;          /* "segmentation violation" */
} SigTab;

extern const SigTab runtime_sigtable[] HIDDEN;

typedef struct SigInfo {
  int sig;
  int code;
  uintptr addr;              /* fault address */
  uintptr pc;                /* where it happened */
} SigInfo;

enum { SigHandled, SigPanic };

/* signal.c: decide what a signal means; SigPanic asks the OS layer to
   make the interrupted goroutine call runtime_sigpanic.  Runs on the
   signal stack, async-signal-safe.  */
int runtime_sighandler (const SigInfo *si) HIDDEN;
void runtime_sigpanic (void) HIDDEN;
/* Print the "[signal ...]" line of a panic that came from a fault.  */
void runtime_print_siginfo (G *gp) HIDDEN;

/* os layer.  */
void runtime_initsig (void) HIDDEN;
/* A new signal stack for the calling thread (minit).  */
void runtime_signalstack (void) HIDDEN;
/* For threads Go did not create (cgocall.c needm/dropm): a signal stack
   made once per extra M, lent to the thread while it runs Go if it has
   none of its own (returns 1 if lent), and taken back.  */
void *runtime_sigstack_new (void) HIDDEN;
_Bool runtime_sigstack_lend (void *stack) HIDDEN;
void runtime_sigstack_takeback (void) HIDDEN;

#endif
