/* proc.h: the scheduler's shared state and the interface the rest of
   the runtime uses to block, wake and create goroutines.

   G  goroutine: runs on its own stack; while it is not running, its
      registers, sp and pc are in G.context (arch/ARCH/context.S).
   M  OS thread; m->g0 runs on the thread's own stack and executes the
      scheduler (proc.c schedule, which never returns: it ends by
      jumping into a G with runtime_gogo).  A G leaves the CPU only by
      switching to its M's g0 (runtime_mcall, through runtime_tosched)
      with a function that g0 then runs on the G's behalf (park, yield,
      exit), at the base of g0's stack, and that ends in schedule.
   P  the right to run Go code; GOMAXPROCS of them.  Each P has a local
      run queue (lock-free: the owner puts and gets, any M may steal
      half) and a runnext slot; a global queue under sched.lock takes the
      overflow and yielded Gs.

   Lock order: sched.lock, then allglock; no Lock is held across a
   switch.  Counts marked "atomic" are read without the lock.  */
#ifndef LIBRUNTIME_PROC_H
#define LIBRUNTIME_PROC_H

#include "runtime.h"
#include "lock.h"

enum {  /* G.status */
  Gidle, Grunnable, Grunning, Gsyscall, Gwaiting, Gdead,
};

enum {  /* P.status */
  Pidle,                     /* on sched.pidle, no M */
  Prunning,                  /* owned by p->m, running Go code */
  Psyscall,                  /* its M is in a system call (m->oldp); the
                                M, sysmon's retake or stopTheWorld takes
                                it with a CAS from this state */
  Pgcstop,                   /* the world is stopped */
};

enum {
  RunqSize = 256,            /* local run queue; a power of two */
  MaxGomaxprocs = 256,
  MaxGcproc = 8,             /* most procs a collection uses */
};

typedef struct P P;

/* P: invariants: status Prunning iff m != NULL and m->p == this; idle Ps
   are on sched.pidle (link), under sched.lock.  runqhead is advanced by
   any M with CAS; runqtail and the slots by the owner only.  */
struct P {
  int32_t id;
  uint32_t status;
  P *link;                   /* sched.pidle list */
  M *m;                      /* owner while Prunning */
  uint32_t schedtick;        /* Gs scheduled here; fairness, sysmon */
  uint32_t syscalltick;      /* system calls entered here; sysmon */
  uint32_t globtick;         /* looks for work; every 61st takes the
                                global queue first */
  uint32_t runqhead;         /* atomic */
  uint32_t runqtail;         /* atomic; written by the owner */
  G *runq[RunqSize];
  G *runnext;                /* run next, before runq; atomic */
  G *gfree;                  /* dead Gs with their stacks, for reuse */
  int32_t gfreecnt;
  struct Sudog *sudogcache;  /* free wait records (chan.c) */
  struct Defer *deferpool;   /* free heap defer records (defer.c) */
  struct MCache *mcache;     /* allocation cache (malloc.c); its owner's */
};

/* The scheduler's global state; fields under sched.lock unless marked.  */
typedef struct Sched {
  Lock lock;
  M *midle;                  /* idle Ms, sleeping on m->park */
  int32_t nmidle;
  int32_t nmidlelocked;      /* idle Ms waiting for their locked G */
  int32_t mcount;            /* Ms created */
  int32_t nmsys;             /* Ms that never run Gs (sysmon) */
  _Bool sysmonwait;          /* sysmon sleeps on sysmonnote */
  Note sysmonnote;
  uint32_t nmspinning;       /* atomic: Ms looking for work */
  P *pidle;
  uint32_t npidle;           /* atomic */
  G *runqhead, *runqtail;    /* global run queue */
  int32_t runqsize;
  Lock gflock;               /* guards gfree */
  G *gfree;                  /* dead Gs beyond the per-P caches */
  uint32_t gcwaiting;        /* atomic: stop the world requested */
  int32_t stopwait;          /* Ps still to stop */
  Note stopnote;             /* the stopper sleeps here */
} Sched;

extern Sched runtime_sched HIDDEN;
extern P *runtime_allp[MaxGomaxprocs] HIDDEN;
extern int32_t runtime_gomaxprocs HIDDEN;
/* Every G ever created, in creation order (Gs are reused, never freed),
   under allglock; the collector reads it with the world stopped.  */
extern G **runtime_allgs HIDDEN;
extern uintptr runtime_allglen HIDDEN;
extern Lock runtime_allglock HIDDEN;

/* Creating, blocking and waking goroutines.  */
G *runtime_newproc (void (*fn) (void *), void *arg) HIDDEN;
void runtime_gopark (_Bool (*unlockf) (G *, void *), void *arg,
                     const char *waitreason) HIDDEN;
/* The unlockf for a goroutine that parks holding a Lock: ARG is the
   Lock, released once the goroutine is off its stack.  */
_Bool runtime_park_unlock (G *gp, void *lock) HIDDEN;
void runtime_goready (G *gp) HIDDEN;
void runtime_gosched (void) HIDDEN;
/* Yield only if a G waits on this P's queue or the global one (an idle
   yield would wake an M for nothing); not on g0, under a Lock or
   without a P.  */
void runtime_gosched_if_waiting (void) HIDDEN;
void runtime_gosched_m (G *gp) NORETURN HIDDEN;  /* on g0: yield gp */
void runtime_goexit1 (void) NORETURN HIDDEN;
/* Switch to the scheduler stack and run FN (current G) there; FN ends
   in the scheduler.  Returns when the G is run again.  */
void runtime_tosched (void (*fn) (G *)) HIDDEN;

/* Preemption: sysmon sets gp->preempt (and poisons the guard where
   split-stack prologues check it); the flag is honoured at the
   scheduler's safe points (channel operations, go statements).  A G
   that ignores it, or that stopTheWorld is waiting for, is stopped by
   signal (sigpreempt.h, runtime_sigpark).  */
void runtime_preempt_park (void) HIDDEN;
static inline void
runtime_preemptcheck_g (G *gp)
{
  if (unlikely (__atomic_load_n (&gp->preempt, __ATOMIC_RELAXED)))
    runtime_preempt_park ();
}

static inline void
runtime_preemptcheck (void)
{
  runtime_preemptcheck_g (runtime_g ());
}

/* Blocking system calls and C calls.  */
void runtime_entersyscall (void) HIDDEN;
void runtime_exitsyscall (void) HIDDEN;

/* Stopping the world: on return only the caller's G runs.  */
void runtime_stopTheWorld (const char *reason) HIDDEN;
void runtime_startTheWorld (void) HIDDEN;

/* The collector's helpers (contracts.md): how many procs a collection
   may use, and waking nproc-1 idle Ms to run runtime_gchelper for
   collection number CYCLE (returns the count woken).  */
int32_t runtime_gcprocs (void) HIDDEN;
int32_t runtime_gcprocs_formula (int32_t gomaxprocs, int32_t ncpu,
                                 int32_t nmidle) HIDDEN;
int32_t runtime_helpgc (int32_t nproc, uint32_t cycle) HIDDEN;
_Bool runtime_gchelper (uint32_t cycle) __attribute__ ((weak)) HIDDEN;

/* LockOSThread (procapi.c calls these with the G's own counts).  */
void runtime_lockOSThread (void) HIDDEN;
void runtime_unlockOSThread (void) HIDDEN;

/* sysmon.c: the monitor thread, and what wakes it.  */
void runtime_sysmon_start (void) HIDDEN;
void runtime_sysmon_wake_locked (void) HIDDEN;  /* sched.lock held */
_Bool runtime_retake_syscall (P *p) HIDDEN;
void runtime_preemptone (P *p) HIDDEN;
extern _Bool runtime_sysmon_nopreempt HIDDEN;  /* test knob */

/* Start-up: set up m0, g0 and the Ps; then enter the scheduler.  */
void runtime_schedinit (void) HIDDEN;
void runtime_newproc_main (void (*fn) (void *)) HIDDEN;
void runtime_main_started (void) HIDDEN;
void runtime_mstart (void) NORETURN HIDDEN;
/* Start an M that runs FN on its g0 and never runs Gs (sysmon).  */
void runtime_newm_sys (void (*fn) (void)) HIDDEN;

/* cgo (cgocall.c): extra Ms for callbacks from threads Go did not
   create, and the end of package initialisation they may wait for.  */
M *runtime_allocm_extra (void *g0stack, uintptr size) HIDDEN;
void runtime_gcount_add (int32_t delta) HIDDEN;
void runtime_cgo_main_init_done (void) HIDDEN;

/* Run queues (runq.c).  */
void runtime_runqput (P *p, G *gp, _Bool next) HIDDEN;
G *runtime_runqget (P *p, _Bool *inherit) HIDDEN;
G *runtime_runqsteal (P *p, P *victim, _Bool stealnext) HIDDEN;
_Bool runtime_runqempty (P *p) HIDDEN;
void runtime_globrunqput (G *gp) HIDDEN;       /* sched.lock held */
G *runtime_globrunqget (P *p, int32_t max) HIDDEN;  /* sched.lock held */

/* SIGQUIT (signal.c).  */
void runtime_dumpgoroutines_and_exit (void) NORETURN HIDDEN;

/* Number of live user goroutines.  */
int32_t runtime_gcount (void) GOSYM ("runtime.gcount");

/* The context primitives (arch/ARCH/context.S has the contract; the
   ucontext fallback is libruntime/context.c).  runtime_context_visit
   shows the collector the registers of a G that is not running.  */
#ifndef LIBRUNTIME_CONTEXT_FALLBACK
void runtime_gosave (G *gp) HIDDEN;
#else
#include <ucontext.h>
ucontext_t *runtime_context_uc (G *gp) HIDDEN;
uintptr runtime_getsp (void) __attribute__ ((noinline)) NOSPLIT HIDDEN;
void runtime_context_saved (G *gp, uintptr sp) HIDDEN;
#define runtime_gosave(gp)                                      \
  ((void) getcontext (runtime_context_uc (gp)),                 \
   runtime_context_saved ((gp), runtime_getsp ()))
#endif
void runtime_gogo (G *gp) NORETURN HIDDEN;
void runtime_mcall (G *gp, void (*fn) (G *)) HIDDEN;
void runtime_mcall_returned (void) NORETURN HIDDEN;
void runtime_context_visit (G *gp, void (*visit) (uintptr lo, uintptr hi,
                                                  void *arg),
                            void *arg) HIDDEN;

/* persistent.c: never-freed memory for G, M, P and sudogs.  */
void *runtime_persistentalloc (uintptr size) HIDDEN;

#endif /* LIBRUNTIME_PROC_H */
