// run
// env: GOMAXPROCS=2 GOGC=off

/* White-box test of forced preemption (sigpreempt.h): the main
   goroutine spins in a loop without calls while another goroutine
   calls runtime.GC, which must stop it.
   - While the spinning M is inside a runtime critical section (it holds
     m->locks, then runtime_nosigpark), the signal is deferred: for
     100 ms the collection cannot finish, though it keeps signalling.
   - Once the M leaves the critical section, the next signal parks it
     (runtime_sigpreempt_count goes up) and the collection completes;
     the spinner then runs on.  */
#include <time.h>
#include "lrt_ctest.h"
#include "runtime.h"
#include "proc.h"
#include "malloc.h"
#include "sigpreempt.h"

void runtime_GC (void) __asm__ ("runtime.GC");

static volatile int collector_started;
static volatile int gcdone;

static void
collector (void *arg)
{
  (void) arg;
  collector_started = 1;
  runtime_GC ();
  gcdone = 1;
}

/* Spin without a safe point (no call into split-stack code, which
   a poisoned guard would stop cooperatively) until the collection is
   done or MS milliseconds have passed; true if it is done.  */
static int
spin_for (int ms)
{
  struct timespec t0, t;
  clock_gettime (CLOCK_MONOTONIC, &t0);
  do
    {
      if (gcdone)
        return 1;
      clock_gettime (CLOCK_MONOTONIC, &t);
    }
  while ((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000 < ms);
  return gcdone;
}

static void
test (void)
{
  uint32_t numgc = runtime_gcstats.numgc;

  /* runtime_sigpreempt_count counts every thread's parks: while the
     deferral is watched, only the collector's own signals (aimed at
     the spinner) may come.  Sysmon would also park the collector
     itself, before it stops the world, once its time slice passed
     10 ms of wall time (at once on arm, which has no split-stack
     prologues), as a loaded machine under qemu makes it do.  The count
     is read with the Lock held: no park of ours can be in between.  */
  runtime_sysmon_nopreempt = 1;

  /* A runtime Lock held: deferred.  */
  M *m = runtime_m ();
  m->locks++;
  uint32_t parked = runtime_sigpreempt_count;
  runtime_newproc (collector, NULL);
  while (!collector_started)
    ;
  CHECK (!spin_for (100));
  CHECK (runtime_sigpreempt_count == parked);

  /* A spinlock or per-P cache update: deferred.  Entered before the
     Lock is left, so that no safe point comes between.  */
  runtime_nosigpark_enter ();
  m->locks--;
  CHECK (!spin_for (100));
  CHECK (runtime_sigpreempt_count == parked);

  /* Out of the critical section: parked by the next signal.  Sysmon
     preempts again: after the collection runtime.GC waits for the
     spinner's turn (proc.c, runtime_turns_wait), which only its time
     slice ends.  */
  runtime_sysmon_nopreempt = 0;
  runtime_nosigpark_exit ();
  struct timespec t0, t;          /* inline: no function entry, whose
                                     prologue would be a safe point */
  clock_gettime (CLOCK_MONOTONIC, &t0);
  do
    clock_gettime (CLOCK_MONOTONIC, &t);
  while (!gcdone && t.tv_sec - t0.tv_sec < 10);
  CHECK (gcdone);
  CHECK (runtime_sigpreempt_count > parked);
  CHECK (runtime_gcstats.numgc == numgc + 1);
  printf ("ok\n");
  fflush (stdout);
}

LRT_MAIN (test)
