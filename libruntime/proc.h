/* proc.h: the scheduler's shared state and the interface the rest of
   the runtime uses to block, wake and create goroutines.

   G  goroutine: runs on its own stack; its saved context is its stack
      pointer (G.stacksp) with the registers below it (arch context.S).
   M  OS thread; m->g0 runs on the thread's own stack and executes the
      scheduler loop (proc.c schedule_loop).  A G leaves the CPU only by
      switching to its M's g0 (runtime_mcall) with a function that g0
      then runs on the G's behalf (park, yield, exit).
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
  Pidle, Prunning, Pgcstop,
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
  uint32_t schedtick;        /* Gs scheduled here; for fairness */
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
extern G *runtime_allg HIDDEN;          /* all Gs, through G.alllink */
extern Lock runtime_allglock HIDDEN;

/* Creating, blocking and waking goroutines.  */
G *runtime_newproc (void (*fn) (void *), void *arg) HIDDEN;
void runtime_gopark (_Bool (*unlockf) (G *, void *), void *arg,
                     const char *waitreason) HIDDEN;
void runtime_goready (G *gp) HIDDEN;
void runtime_gosched (void) HIDDEN;
void runtime_gosched_requeue (G *gp) HIDDEN;  /* on g0: queue a yielded G */
void runtime_goexit1 (void) NORETURN HIDDEN;
void runtime_mcall (void (*fn) (G *)) HIDDEN;

/* Blocking system calls and C calls.  */
void runtime_entersyscall (void) HIDDEN;
void runtime_exitsyscall (void) HIDDEN;

/* Stopping the world: on return only the caller's G runs.  */
void runtime_stopTheWorld (const char *reason) HIDDEN;
void runtime_startTheWorld (void) HIDDEN;

/* Start-up: set up m0, g0 and the Ps; then enter the scheduler.  */
void runtime_schedinit (void) HIDDEN;
void runtime_newproc_main (void (*fn) (void *)) HIDDEN;
void runtime_main_started (void) HIDDEN;
void runtime_mstart (void) NORETURN HIDDEN;

/* Run queues (runq.c).  */
void runtime_runqput (P *p, G *gp, _Bool next) HIDDEN;
G *runtime_runqget (P *p) HIDDEN;
G *runtime_runqsteal (P *p, P *victim, _Bool stealnext) HIDDEN;
_Bool runtime_runqempty (P *p) HIDDEN;
void runtime_globrunqput (G *gp) HIDDEN;       /* sched.lock held */
G *runtime_globrunqget (P *p, int32_t max) HIDDEN;  /* sched.lock held */

/* Number of live user goroutines.  */
int32_t runtime_gcount (void) GOSYM ("runtime.gcount");

/* context.S */
void runtime_ctx_switch (uintptr *save_sp, uintptr load_sp) HIDDEN;
uintptr runtime_ctx_make (uintptr top, void (*fn) (void)) HIDDEN;

/* persistent.c: never-freed memory for G, M, P and sudogs.  */
void *runtime_persistentalloc (uintptr size) HIDDEN;

#endif /* LIBRUNTIME_PROC_H */
