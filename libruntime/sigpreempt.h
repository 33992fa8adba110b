/* sigpreempt.h: forced preemption by signal, the second way of
   stopping a goroutine (DESIGN.md section 3): for one that loops
   without calls, which no split-stack prologue or safe point ever
   stops, and on arches without split stacks (arm), for any one.

   Who asks: stopTheWorld, for a P still running after its cooperative
   request (every 100 us), and sysmon, for a G that ignored a time-slice
   request (on arm at once: nothing else can stop it).  They send
   SigPreempt to the P's M (runtime_preemptM).

   The handler (sigpreempt.c, on the signal stack) parks the thread
   where it stands, when that is safe:
     - the M runs a user G (not g0) on a running P, and the request
       still stands (gcwaiting, or gp->preempt);
     - the M is in no runtime critical section: no Lock (m->locks),
       no print lock, not dying, no spinlock or P-local cache update
       (runtime_nosigpark), and the pc is in the program's own code:
       not in a shared library (libc, libgcc's unwinder, the dynamic
       loader: their locks would be held while parked), and not in
       libruntime's own code nor in the libraries linked after it
       (runtime_pc_preemptible).  The runtime's C holds P-local state
       and pointers it derived from objects (one past the end, below
       the start) in registers at points no lock marks; a collection
       while it is parked there frees live objects.  So, as in Go, only
       the program's code is preempted anywhere; runtime code stops at
       its safe points (cooperative requests, Locks, switches);
     - sp lies in the G's current stack (not halfway through a split)
       with room below it for the registers.
   Otherwise it returns and the request is deferred: it stays pending
   and the asker signals again.  Parking copies every register of the
   interrupted context (general and floating-point) onto the G's own
   stack below sp (past the red zone), records that as the G's sp,
   queues the G as runnable and locked to this M, hands the P on
   (runtime_sigpark, proc.c) and sleeps.  The collector then scans the
   G conservatively like any switched-out G, registers included.
   Whoever schedules the G hands this M a P, as for a locked G; the
   handler returns and the G goes on.  */
#ifndef LIBRUNTIME_SIGPREEMPT_H
#define LIBRUNTIME_SIGPREEMPT_H

#include "runtime.h"

/* >0: this thread must not be parked by the signal: it holds a
   spinlock or is updating per-P state the next owner of the P would
   use (allocation caches, free lists).  Changed only by the thread
   itself, between points where its G cannot switch threads.  */
extern __thread uint32_t runtime_nosigpark TLS_IE HIDDEN;

static inline void
runtime_nosigpark_enter (void)
{
  runtime_nosigpark++;
  __atomic_signal_fence (__ATOMIC_SEQ_CST);
}

static inline void
runtime_nosigpark_exit (void)
{
  __atomic_signal_fence (__ATOMIC_SEQ_CST);
  runtime_nosigpark--;
}

/* What the OS layer hands the handler: the interrupted pc and sp, the
   bytes below sp the code may use without moving sp (the red zone),
   and up to SigRegRanges ranges of saved registers to copy.  */
enum { SigRegRanges = 2 };
typedef struct SigPreemptCtx {
  uintptr pc;
  uintptr sp;
  uintptr redzone;
  const void *regs[SigRegRanges];
  uintptr regsize[SigRegRanges];
} SigPreemptCtx;

/* The handler's policy; async-signal-safe.  */
void runtime_sigpreempt (const SigPreemptCtx *c) HIDDEN;
/* Ask MP to park (any thread).  */
void runtime_preemptM (M *mp) HIDDEN;
/* MP's thread leaves Go (cgocall.c dropm): no signal reaches it once
   this returns.  */
void runtime_preempt_forget (M *mp) HIDDEN;
/* Forced preemptions that parked a thread (tests).  */
extern uint32_t runtime_sigpreempt_count HIDDEN;

/* proc.c: leave the P and sleep until the G is scheduled again; SP is
   where its registers were saved (the handler's copy).  */
void runtime_sigpark (G *gp, uintptr sp) HIDDEN;

/* os layer: send the preemption signal to MP's thread; is PC in the
   program's own code?  */
void runtime_signalM (M *mp) HIDDEN;
_Bool runtime_pc_in_program (uintptr pc) HIDDEN;

/* start.c: the first byte of libruntime's code when it is linked into
   the program.  start.c is the archive's first member and defines
   main, which crt1.o needs first, so the linker takes it before any
   other member; libruntime is built with -fno-reorder-functions and
   -fno-reorder-blocks-and-partition, so all its code is in .text, in
   member order: from here to the end of the program's code (libffi,
   libgcc) is library code.  The program's own objects come before it.  */
extern const char runtime_text_begin[] HIDDEN;

/* crt1.o's entry point: the first code of the .text output section
   proper.  Before it GNU ld puts .init and the PLT, whose stubs every
   call from libruntime into a shared library (libc, libffi) runs
   through: a thread stopped in one of them is in the middle of the
   runtime's own C.  Weak: a program started some other way has none
   (0), and then only the upper bound holds.  */
extern const char _start[] __attribute__ ((weak));

/* May a forced preemption park a thread at PC?  The program's own
   code, from _start up to libruntime's (above): not the PLT, not
   libruntime.  */
_Bool runtime_pc_preemptible (uintptr pc) HIDDEN;

#endif
