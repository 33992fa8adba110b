/* proc.c: the scheduler (proc.h has the model and the invariants).

   Every M runs schedule_loop on its g0: find a runnable G (local queue,
   global queue, stealing), switch to it, and when the G switches back
   (runtime_mcall) run the function it left behind: park it, queue it,
   or bury it.  An M that finds nothing gives its P back, goes on the
   idle list and sleeps on m->park; whoever makes work (goready,
   newproc) wakes one idle P's worth of M with wakep.  The last M to go
   idle while every G waits is the one that reports the deadlock.  */
#include "proc.h"
#include "atomic.h"
#include "malloc.h"
#include "os.h"
#include "stack.h"

Sched runtime_sched;
P *runtime_allp[MaxGomaxprocs];
int32_t runtime_gomaxprocs;
G *runtime_allg;
Lock runtime_allglock;

static M m0;
static G g0_main;                /* m0's g0: the main thread's stack */
static int64_t next_goid;        /* atomic */
static int64_t next_mid;         /* under sched.lock */
static int32_t newprocs;         /* GOMAXPROCS to apply at startTheWorld */

/* M fields private to this file.  */
static __thread _Bool (*park_unlockf) (G *, void *) TLS_IE;
static __thread void *park_arg TLS_IE;

static void schedule_loop (void) NORETURN;
static void wakep (void);
static void stopm (void);

/* ---- Ps.  */

static void
acquirep (P *p)
{
  M *m = runtime_m ();
  if (m->p != NULL || p->m != NULL || p->status != Pidle)
    runtime_throw ("acquirep: invalid P state");
  m->p = p;
  p->m = m;
  p->status = Prunning;
}

static P *
releasep (void)
{
  M *m = runtime_m ();
  P *p = m->p;
  if (p == NULL || p->m != m || p->status != Prunning)
    runtime_throw ("releasep: invalid P state");
  m->p = NULL;
  p->m = NULL;
  p->status = Pidle;
  return p;
}

/* sched.lock held.  */
static void
pidleput (P *p)
{
  p->link = runtime_sched.pidle;
  runtime_sched.pidle = p;
  __atomic_add_fetch (&runtime_sched.npidle, 1, __ATOMIC_SEQ_CST);
}

/* sched.lock held.  */
static P *
pidleget (void)
{
  P *p = runtime_sched.pidle;
  if (p != NULL)
    {
      runtime_sched.pidle = p->link;
      __atomic_sub_fetch (&runtime_sched.npidle, 1, __ATOMIC_SEQ_CST);
    }
  return p;
}

/* ---- Gs.  */

static void
allgadd (G *gp)
{
  runtime_lock (&runtime_allglock);
  gp->alllink = runtime_allg;
  runtime_allg = gp;
  runtime_unlock (&runtime_allglock);
}

/* A dead G with a stack, from P's cache or the global one.  */
static G *
gfget (P *p)
{
  if (p->gfree == NULL && runtime_sched.gfree != NULL)
    {
      runtime_lock (&runtime_sched.gflock);
      while (p->gfreecnt < 32 && runtime_sched.gfree != NULL)
        {
          G *gp = runtime_sched.gfree;
          runtime_sched.gfree = gp->schedlink;
          gp->schedlink = p->gfree;
          p->gfree = gp;
          p->gfreecnt++;
        }
      runtime_unlock (&runtime_sched.gflock);
    }
  G *gp = p->gfree;
  if (gp != NULL)
    {
      p->gfree = gp->schedlink;
      p->gfreecnt--;
    }
  return gp;
}

static void
gfput (P *p, G *gp)
{
  gp->schedlink = p->gfree;
  p->gfree = gp;
  if (++p->gfreecnt < 64)
    return;
  runtime_lock (&runtime_sched.gflock);
  while (p->gfreecnt > 32)
    {
      G *g1 = p->gfree;
      p->gfree = g1->schedlink;
      p->gfreecnt--;
      g1->schedlink = runtime_sched.gfree;
      runtime_sched.gfree = g1;
    }
  runtime_unlock (&runtime_sched.gflock);
}

static G *
malg (uintptr stacksize)
{
  G *gp = runtime_persistentalloc (sizeof *gp);
  memset (gp, 0, sizeof *gp);
  uintptr got;
  void *stk = runtime_stackalloc (stacksize, &got);
  gp->stacklo = (uintptr) stk;
  gp->stackhi = (uintptr) stk + got;
  gp->status = Gidle;
  allgadd (gp);
  return gp;
}

/* The first code of every goroutine, on its own stack.  */
static void
goentry (void)
{
  G *gp = runtime_g ();
  void (*fn) (void *) = gp->entry;
  void *arg = gp->arg;
  gp->arg = NULL;              /* the block belongs to fn now */
  fn (arg);
  runtime_goexit1 ();
}

/* Set once the main goroutine runs: before that, newproc has no reason
   to wake other threads (start-up stays one thread).  */
static _Bool main_started;

static G *
newproc1 (void (*fn) (void *), void *arg, uintptr stacksize)
{
  M *m = runtime_m ();
  m->locks++;                  /* keep this P while touching it */
  P *p = m->p;
  G *gp = stacksize == StackMin ? gfget (p) : NULL;
  if (gp == NULL)
    gp = malg (stacksize);
  gp->entry = fn;
  gp->arg = arg;
  gp->goid = __atomic_add_fetch (&next_goid, 1, __ATOMIC_RELAXED);
  gp->waitreason = NULL;
  gp->panic = NULL;
  gp->defer = NULL;
  gp->stacksp = runtime_ctx_make (gp->stackhi, goentry);
  __atomic_store_n (&gp->status, Grunnable, __ATOMIC_RELEASE);
  runtime_runqput (p, gp, 1);
  m->locks--;
  if (main_started)
    wakep ();
  return gp;
}

G *
runtime_newproc (void (*fn) (void *), void *arg)
{
  return newproc1 (fn, arg, StackMin);
}

/* The main goroutine.  Where stacks cannot grow it gets a big one up
   front: address space only, touched as it is used.  */
#if ARCH_HAS_SPLIT_STACK
#define MainGoroutineStack StackMin
#elif ARCH_PTRSIZE == 8
#define MainGoroutineStack ((uintptr) 256 << 20)
#else
#define MainGoroutineStack ((uintptr) 8 << 20)   /* the main thread's usual size */
#endif

void
runtime_newproc_main (void (*fn) (void *))
{
  newproc1 (fn, NULL, MainGoroutineStack);
}

void
runtime_main_started (void)
{
  main_started = 1;
}

void *go_go (uintptr fn, void *arg) GOSYM ("__go_go");
void *
go_go (uintptr fn, void *arg)
{
  return runtime_newproc ((void (*) (void *)) fn, arg);
}

int32_t
runtime_gcount (void)
{
  int32_t n = 0;
  runtime_lock (&runtime_allglock);
  for (G *gp = runtime_allg; gp != NULL; gp = gp->alllink)
    {
      uint32_t s = __atomic_load_n (&gp->status, __ATOMIC_ACQUIRE);
      if (s != Gdead && s != Gidle)
        n++;
    }
  runtime_unlock (&runtime_allglock);
  return n;
}

/* ---- Ms.  */

static M *
allocm (void)
{
  M *mp = runtime_persistentalloc (sizeof *mp);
  memset (mp, 0, sizeof *mp);
  G *g0 = runtime_persistentalloc (sizeof *g0);
  memset (g0, 0, sizeof *g0);
  g0->m = mp;
  g0->status = Grunning;
  mp->g0 = g0;
  runtime_lock (&runtime_sched.lock);
  mp->id = ++next_mid;
  runtime_sched.mcount++;
  runtime_unlock (&runtime_sched.lock);
  return mp;
}

static void *
mstart_thread (void *arg)
{
  M *mp = arg;
  runtime_m_tls = mp;
  runtime_g_tls = mp->g0;
  runtime_stackinit (mp->g0, (uintptr) __builtin_frame_address (0));
  runtime_minit ();
  P *p = mp->nextp;            /* handed over by newm's caller */
  mp->nextp = NULL;
  acquirep (p);
  schedule_loop ();
}

static void
newm (P *p, _Bool spinning)
{
  M *mp = allocm ();
  mp->nextp = p;
  mp->spinning = spinning;
  int err = runtime_newosproc (mstart_thread, mp);
  if (err != 0)
    {
      runtime_prints ("runtime: failed to create new OS thread: errno ");
      runtime_printint (err);
      runtime_prints ("\n");
      runtime_throw ("newosproc");
    }
}

/* sched.lock held.  */
static void
mput (M *mp)
{
  mp->schedlink = runtime_sched.midle;
  runtime_sched.midle = mp;
  runtime_sched.nmidle++;
}

static M *
mget (void)
{
  M *mp = runtime_sched.midle;
  if (mp != NULL)
    {
      runtime_sched.midle = mp->schedlink;
      runtime_sched.nmidle--;
    }
  return mp;
}

/* Run P on an idle M (or a new one); P NULL: any idle P, if there is
   one.  SPINNING: the M is to look for work (nmspinning already
   counts it).  */
static void
startm (P *p, _Bool spinning)
{
  runtime_lock (&runtime_sched.lock);
  if (p == NULL)
    {
      p = pidleget ();
      if (p == NULL)
        {
          runtime_unlock (&runtime_sched.lock);
          if (spinning)
            __atomic_sub_fetch (&runtime_sched.nmspinning, 1, __ATOMIC_SEQ_CST);
          return;
        }
    }
  M *mp = mget ();
  runtime_unlock (&runtime_sched.lock);
  if (mp == NULL)
    {
      newm (p, spinning);
      return;
    }
  mp->spinning = spinning;
  mp->nextp = p;
  runtime_notewakeup (&mp->park);
}

/* New work exists: make sure an M is looking for it if a P is idle.  */
static void
wakep (void)
{
  if (__atomic_load_n (&runtime_sched.npidle, __ATOMIC_ACQUIRE) == 0)
    return;
  uint32_t zero = 0;
  if (!__atomic_compare_exchange_n (&runtime_sched.nmspinning, &zero, 1, 0,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
    return;
  startm (NULL, 1);
}

static void
resetspinning (void)
{
  M *m = runtime_m ();
  if (!m->spinning)
    return;
  m->spinning = 0;
  if (__atomic_sub_fetch (&runtime_sched.nmspinning, 1, __ATOMIC_SEQ_CST) == 0)
    wakep ();
}

/* ---- Deadlock.  */

static const char *
waitreason_of (G *gp)
{
  switch (gp->status)
    {
    case Grunnable: return "runnable";
    case Grunning: return "running";
    case Gsyscall: return "syscall";
    case Gwaiting: return gp->waitreason != NULL ? gp->waitreason : "waiting";
    default: return "dead";
    }
}

/* A fatal error with every goroutine's header, as Go prints a throw.  */
static void NORETURN
throw_all (const char *msg)
{
  runtime_m ()->dying = 1;
  runtime_printlock ();
  runtime_prints ("fatal error: ");
  runtime_prints (msg);
  runtime_prints ("\n");
  /* allg is newest first: print in goroutine id order, as Go does.  */
  int64_t last = 0;
  for (;;)
    {
      G *next = NULL;
      for (G *gp = runtime_allg; gp != NULL; gp = gp->alllink)
        if (gp->goid > last && gp->status != Gdead && gp->status != Gidle
            && (next == NULL || gp->goid < next->goid))
          next = gp;
      if (next == NULL)
        break;
      runtime_prints ("\ngoroutine ");
      runtime_printint (next->goid);
      runtime_prints (" [");
      runtime_prints (waitreason_of (next));
      runtime_prints ("]:\n");
      last = next->goid;
    }
  runtime_printunlock ();
  runtime_exit (2);
}

/* sched.lock held, by an M about to go idle.  */
static void
checkdead (void)
{
  Sched *s = &runtime_sched;
  int32_t run = s->mcount - s->nmidle - s->nmidlelocked;
  if (run > 0)
    return;
  if (run < 0)
    runtime_throw ("checkdead: inconsistent counts");
  int32_t waiting = 0;
  for (G *gp = runtime_allg; gp != NULL; gp = gp->alllink)
    switch (gp->status)
      {
      case Gwaiting:
        waiting++;
        break;
      case Grunnable:
      case Grunning:
      case Gsyscall:
        if (gp->goid != 0)
          runtime_throw ("checkdead: runnable goroutine");
        break;
      default:
        break;
      }
  if (waiting == 0)
    runtime_throw ("no goroutines (main called runtime.Goexit) - deadlock!");
  throw_all ("all goroutines are asleep - deadlock!");
}

/* ---- Idling.  */

/* Put this M to sleep until someone hands it a P.  */
static void
stopm (void)
{
  M *m = runtime_m ();
  if (m->p != NULL)
    runtime_throw ("stopm holding p");
  if (m->spinning)
    runtime_throw ("stopm spinning");
  runtime_lock (&runtime_sched.lock);
  mput (m);
  checkdead ();
  runtime_unlock (&runtime_sched.lock);
  runtime_notesleep (&m->park);
  runtime_noteclear (&m->park);
  P *p = m->nextp;
  m->nextp = NULL;
  acquirep (p);
}

/* This M's P is wanted by stopTheWorld.  */
static void
gcstopm (void)
{
  M *m = runtime_m ();
  if (m->spinning)
    {
      m->spinning = 0;
      __atomic_sub_fetch (&runtime_sched.nmspinning, 1, __ATOMIC_SEQ_CST);
    }
  P *p = releasep ();
  runtime_lock (&runtime_sched.lock);
  p->status = Pgcstop;
  if (--runtime_sched.stopwait == 0)
    runtime_notewakeup (&runtime_sched.stopnote);
  runtime_unlock (&runtime_sched.lock);
  stopm ();
}

/* Give away P, whose M is about to block (system call, C call).  */
static void
handoffp (P *p)
{
  Sched *s = &runtime_sched;
  if (!runtime_runqempty (p) || s->runqsize != 0)
    {
      startm (p, 0);
      return;
    }
  uint32_t zero = 0;
  if (__atomic_load_n (&s->npidle, __ATOMIC_ACQUIRE) == 0
      && __atomic_compare_exchange_n (&s->nmspinning, &zero, 1, 0,
                                      __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
    {
      startm (p, 1);           /* no one else is looking for work */
      return;
    }
  runtime_lock (&s->lock);
  if (s->gcwaiting)
    {
      p->status = Pgcstop;
      if (--s->stopwait == 0)
        runtime_notewakeup (&s->stopnote);
      runtime_unlock (&s->lock);
      return;
    }
  if (s->runqsize != 0)
    {
      runtime_unlock (&s->lock);
      startm (p, 0);
      return;
    }
  pidleput (p);
  runtime_unlock (&s->lock);
}

/* ---- Finding work.  */

static G *
findrunnable (void)
{
  M *m = runtime_m ();
  Sched *s = &runtime_sched;
top:
  if (m->p == NULL)
    stopm ();
  P *p = m->p;
  if (__atomic_load_n (&s->gcwaiting, __ATOMIC_ACQUIRE))
    {
      gcstopm ();
      goto top;
    }
  G *gp;
  /* Now and then the global queue first, so it cannot starve.  */
  if (p->schedtick % 61 == 0 && s->runqsize > 0)
    {
      runtime_lock (&s->lock);
      gp = runtime_globrunqget (p, 1);
      runtime_unlock (&s->lock);
      if (gp != NULL)
        return gp;
    }
  if ((gp = runtime_runqget (p)) != NULL)
    return gp;
  if (s->runqsize > 0)
    {
      runtime_lock (&s->lock);
      gp = runtime_globrunqget (p, 0);
      runtime_unlock (&s->lock);
      if (gp != NULL)
        return gp;
    }

  /* Steal, unless half the busy Ps already have a spinning M.  */
  int32_t busy = runtime_gomaxprocs
                 - (int32_t) __atomic_load_n (&s->npidle, __ATOMIC_ACQUIRE);
  if (m->spinning
      || 2 * (int32_t) __atomic_load_n (&s->nmspinning, __ATOMIC_ACQUIRE) < busy)
    {
      if (!m->spinning)
        {
          m->spinning = 1;
          __atomic_add_fetch (&s->nmspinning, 1, __ATOMIC_SEQ_CST);
        }
      int32_t n = runtime_gomaxprocs;
      for (int32_t i = 0; i < 4 * n; i++)
        {
          if (__atomic_load_n (&s->gcwaiting, __ATOMIC_ACQUIRE))
            goto top;
          P *victim = runtime_allp[runtime_fastrand () % n];
          if (victim != p && (gp = runtime_runqsteal (p, victim, i > 2 * n)) != NULL)
            return gp;
        }
    }

  /* Nothing: give the P back and sleep.  */
  runtime_lock (&s->lock);
  if (s->gcwaiting)
    {
      runtime_unlock (&s->lock);
      goto top;
    }
  if (s->runqsize > 0)
    {
      gp = runtime_globrunqget (p, 0);
      runtime_unlock (&s->lock);
      return gp;
    }
  releasep ();
  pidleput (p);
  runtime_unlock (&s->lock);

  _Bool was_spinning = m->spinning;
  if (m->spinning)
    {
      m->spinning = 0;
      __atomic_sub_fetch (&s->nmspinning, 1, __ATOMIC_SEQ_CST);
    }
  /* A G readied between the last look and the release found no
     spinning M to wake: look once more before sleeping.  */
  for (int32_t i = 0; i < runtime_gomaxprocs; i++)
    if (!runtime_runqempty (runtime_allp[i]))
      {
        runtime_lock (&s->lock);
        p = pidleget ();
        runtime_unlock (&s->lock);
        if (p != NULL)
          {
            acquirep (p);
            if (was_spinning)
              {
                m->spinning = 1;
                __atomic_add_fetch (&s->nmspinning, 1, __ATOMIC_SEQ_CST);
              }
            goto top;
          }
        break;
      }
  stopm ();
  goto top;
}

/* ---- Switching.  */

/* Run GP on this M until it switches back; then run what it left.  */
static void
execute (G *gp)
{
  M *m = runtime_m ();
  m->curg = gp;
  gp->m = m;
  __atomic_store_n (&gp->status, Grunning, __ATOMIC_RELEASE);
  m->p->schedtick++;
  runtime_g_tls = gp;
  runtime_stackguard_install (gp);
  runtime_ctx_switch (&m->g0->stacksp, gp->stacksp);
  /* Back on g0: gp called runtime_mcall.  */
  m = runtime_m ();
  runtime_g_tls = m->g0;
  runtime_stackguard_install (m->g0);
  gp = m->curg;
  m->curg = NULL;
  void (*fn) (G *) = m->mcallfn;
  m->mcallfn = NULL;
  fn (gp);
}

static void
schedule_loop (void)
{
  for (;;)
    {
      G *gp = findrunnable ();
      resetspinning ();
      execute (gp);
    }
}

void
runtime_mcall (void (*fn) (G *))
{
  G *gp = runtime_g ();
  M *m = gp->m;
  if (gp == m->g0)
    runtime_throw ("runtime_mcall on g0");
  m->mcallfn = fn;
  runtime_ctx_switch (&gp->stacksp, m->g0->stacksp);
}

static void
park_m (G *gp)
{
  M *m = runtime_m ();
  gp->m = NULL;
  __atomic_store_n (&gp->status, Gwaiting, __ATOMIC_RELEASE);
  _Bool (*unlockf) (G *, void *) = park_unlockf;
  if (unlockf != NULL && !unlockf (gp, park_arg))
    {
      __atomic_store_n (&gp->status, Grunnable, __ATOMIC_RELEASE);
      runtime_runqput (m->p, gp, 1);
    }
}

void
runtime_gopark (_Bool (*unlockf) (G *, void *), void *arg, const char *reason)
{
  G *gp = runtime_g ();
  gp->waitreason = reason;
  park_unlockf = unlockf;
  park_arg = arg;
  runtime_mcall (park_m);
}

void
runtime_goready (G *gp)
{
  M *m = runtime_m ();
  if (__atomic_load_n (&gp->status, __ATOMIC_ACQUIRE) != Gwaiting)
    runtime_throw ("goready: bad g status");
  m->locks++;
  __atomic_store_n (&gp->status, Grunnable, __ATOMIC_RELEASE);
  runtime_runqput (m->p, gp, 1);
  m->locks--;
  wakep ();
}

void
runtime_gosched_requeue (G *gp)
{
  gp->m = NULL;
  __atomic_store_n (&gp->status, Grunnable, __ATOMIC_RELEASE);
  runtime_lock (&runtime_sched.lock);
  runtime_globrunqput (gp);
  runtime_unlock (&runtime_sched.lock);
}

void
runtime_gosched (void)
{
  runtime_mcall (runtime_gosched_requeue);
}

static void
goexit_m (G *gp)
{
  M *m = runtime_m ();
  gp->m = NULL;
  gp->entry = NULL;
  gp->arg = NULL;
  gp->param = NULL;
  gp->waiting = NULL;
  if (gp->lockedm != NULL)
    {
      gp->lockedm = NULL;
      gp->locked = 0;
      m->lockedg = NULL;
    }
  __atomic_store_n (&gp->status, Gdead, __ATOMIC_RELEASE);
  runtime_stack_release (gp);
  gfput (m->p, gp);
}

void
runtime_goexit1 (void)
{
  runtime_mcall (goexit_m);
  runtime_throw ("goexit1: dead goroutine resumed");
}

/* ---- System calls.  */

void
runtime_entersyscall (void)
{
  G *gp = runtime_g ();
  __atomic_store_n (&gp->status, Gsyscall, __ATOMIC_RELEASE);
  handoffp (releasep ());
}

static void
exitsyscall_m (G *gp)
{
  gp->m = NULL;
  __atomic_store_n (&gp->status, Grunnable, __ATOMIC_RELEASE);
  runtime_lock (&runtime_sched.lock);
  runtime_globrunqput (gp);
  runtime_unlock (&runtime_sched.lock);
}

void
runtime_exitsyscall (void)
{
  G *gp = runtime_g ();
  runtime_lock (&runtime_sched.lock);
  P *p = runtime_sched.gcwaiting ? NULL : pidleget ();
  runtime_unlock (&runtime_sched.lock);
  if (p != NULL)
    {
      acquirep (p);
      __atomic_store_n (&gp->status, Grunning, __ATOMIC_RELEASE);
      return;
    }
  /* No P: queue the G and let this M sleep; it resumes where any M
     picks it up.  */
  runtime_mcall (exitsyscall_m);
}

/* ---- Stopping the world.  */

static void
preemptall (void)
{
  for (int32_t i = 0; i < runtime_gomaxprocs; i++)
    {
      P *p = runtime_allp[i];
      M *mp = p->m;
      if (p->status == Prunning && mp != NULL && mp != runtime_m ())
        runtime_stack_poison (mp);
    }
}

void
runtime_stopTheWorld (const char *reason)
{
  (void) reason;
  Sched *s = &runtime_sched;
  M *m = runtime_m ();
  runtime_lock (&s->lock);
  s->stopwait = runtime_gomaxprocs;
  __atomic_store_n (&s->gcwaiting, 1, __ATOMIC_RELEASE);
  preemptall ();
  m->p->status = Pgcstop;
  s->stopwait--;
  P *p;
  while ((p = pidleget ()) != NULL)
    {
      p->status = Pgcstop;
      s->stopwait--;
    }
  _Bool wait = s->stopwait > 0;
  runtime_unlock (&s->lock);
  if (wait)
    for (;;)
      {
        if (runtime_notetsleep (&s->stopnote, 100 * 1000))
          {
            runtime_noteclear (&s->stopnote);
            break;
          }
        preemptall ();
      }
  if (s->stopwait != 0)
    runtime_throw ("stopTheWorld: not stopped");
}

/* Make NPROCS Ps (creating new ones as needed) and park the surplus.  */
static void
procresize (int32_t nprocs)
{
  for (int32_t i = 0; i < nprocs; i++)
    if (runtime_allp[i] == NULL)
      {
        P *p = runtime_persistentalloc (sizeof *p);
        memset (p, 0, sizeof *p);
        p->id = i;
        p->status = Pgcstop;
        runtime_allp[i] = p;
      }
  /* Gs queued on Ps that go away move to the global queue.  */
  for (int32_t i = nprocs; i < runtime_gomaxprocs; i++)
    {
      P *p = runtime_allp[i];
      G *gp;
      while ((gp = runtime_runqget (p)) != NULL)
        runtime_globrunqput (gp);
    }
  runtime_gomaxprocs = nprocs;
}

void
runtime_startTheWorld (void)
{
  Sched *s = &runtime_sched;
  M *m = runtime_m ();
  runtime_lock (&s->lock);
  if (newprocs != 0)
    {
      procresize (newprocs);
      newprocs = 0;
    }
  __atomic_store_n (&s->gcwaiting, 0, __ATOMIC_RELEASE);
  P *mine = m->p;
  if (mine->id >= runtime_gomaxprocs)
    {
      /* Our P went away: take P 0.  */
      mine->status = Pgcstop;
      mine->m = NULL;
      m->p = NULL;
      mine = runtime_allp[0];
      mine->status = Pidle;
      acquirep (mine);
    }
  mine->status = Prunning;
  P *work = NULL;
  for (int32_t i = 0; i < runtime_gomaxprocs; i++)
    {
      P *p = runtime_allp[i];
      if (p == mine || p->status == Prunning)
        continue;
      p->status = Pidle;
      p->m = NULL;
      if (runtime_runqempty (p))
        pidleput (p);
      else
        {
          p->link = work;
          work = p;
        }
    }
  runtime_unlock (&s->lock);
  while (work != NULL)
    {
      P *p = work;
      work = p->link;
      startm (p, 0);
    }
  wakep ();
}

/* GOMAXPROCS(n): the old value; n > 0 sets it, with the world stopped.  */
intgo runtime_GOMAXPROCS (intgo n) GOSYM ("runtime.GOMAXPROCS");
intgo
runtime_GOMAXPROCS (intgo n)
{
  intgo old = runtime_gomaxprocs;
  if (n <= 0 || n == old)
    return old;
  if (n > MaxGomaxprocs)
    n = MaxGomaxprocs;
  runtime_stopTheWorld ("GOMAXPROCS");
  newprocs = (int32_t) n;
  runtime_startTheWorld ();
  return old;
}

/* ---- Start-up.  */

void
runtime_schedinit (void)
{
  m0.g0 = &g0_main;
  m0.id = 0;
  g0_main.m = &m0;
  g0_main.status = Grunning;
  runtime_m_tls = &m0;
  runtime_g_tls = &g0_main;
  runtime_sched.mcount = 1;
  runtime_stackinit (&g0_main, (uintptr) __builtin_frame_address (0));
  runtime_minit ();

  int32_t procs = runtime_ncpu_value;
  String env = runtime_getenv ("GOMAXPROCS");
  if (env.len > 0)
    {
      int32_t n = 0;
      for (intgo i = 0; i < env.len && env.str[i] >= '0' && env.str[i] <= '9'; i++)
        n = n * 10 + (env.str[i] - '0');
      if (n > 0)
        procs = n;
    }
  if (procs > MaxGomaxprocs)
    procs = MaxGomaxprocs;
  procresize (procs);
  for (int32_t i = procs - 1; i >= 0; i--)
    {
      runtime_allp[i]->status = Pidle;
      if (i != 0)
        pidleput (runtime_allp[i]);
    }
  acquirep (runtime_allp[0]);
}

void
runtime_mstart (void)
{
  schedule_loop ();
}
