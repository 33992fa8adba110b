/* proc.c: the scheduler (proc.h has the model and the invariants).

   Every M runs schedule on its g0: find a runnable G (local queue,
   global queue, stealing) and jump into it (runtime_gogo).  A G comes
   back to g0 through runtime_tosched with a function that g0 runs for
   it (park it, queue it, bury it), which ends in schedule again, at the
   base of g0's stack.  An M that finds nothing gives its P back, goes
   on the idle list and sleeps on m->park; whoever makes work (goready,
   newproc) wakes one idle P's worth of M with wakep.  The last M to go
   idle while every G waits is the one that reports the deadlock.

   A G locked to its thread (LockOSThread) runs only on that M: when it
   stops running, its M gives the P away and sleeps (stoplockedm); who
   finds the G runnable hands it a P and wakes it (startlockedm).

   System calls keep their P in Psyscall: a short call takes it back
   with one CAS; sysmon (sysmon.c) hands the P of a long one to another
   M.  */
#include "proc.h"
#include "sanitizer.h"
#include "atomic.h"
#include "malloc.h"
#include "os.h"
#include "stack.h"
#include "gosignal.h"
#include "sigpreempt.h"
#include "traceback.h"

Sched runtime_sched;
P *runtime_allp[MaxGomaxprocs];
int32_t runtime_gomaxprocs;
G **runtime_allgs;
uintptr runtime_allglen;
Lock runtime_allglock;
static uintptr allgcap;          /* under allglock */
static uint32_t live_gs;         /* atomic: Gs neither dead nor idle */

static M m0;
static G g0_main;                /* m0's g0: the main thread's stack */
static int64_t next_goid;        /* atomic */
static int64_t next_mid;         /* under sched.lock */
static int32_t newprocs;         /* GOMAXPROCS to apply at startTheWorld */

/* M fields private to this file.  */
static __thread _Bool (*park_unlockf) (G *, void *) TLS_IE;
static __thread void *park_arg TLS_IE;

static void schedule (void) NORETURN;
static void execute (G *gp, _Bool inherit) NORETURN;
static void wakep (void);
static void stopm (void);
static void stopm_queued (void);
static void mput_lock (M *mp);

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

/* Old arrays are not freed: a reader that loaded the pointer before
   the lock may still use them, and they add up to less than the last.  */
static void
allgadd (G *gp)
{
  runtime_lock (&runtime_allglock);
  if (runtime_allglen == allgcap)
    {
      uintptr cap = allgcap != 0 ? 2 * allgcap : 256;
      G **a = runtime_persistentalloc (cap * sizeof *a);
      if (runtime_allglen != 0)
        memcpy (a, runtime_allgs, runtime_allglen * sizeof *a);
      __atomic_store_n (&runtime_allgs, a, __ATOMIC_RELEASE);
      allgcap = cap;
    }
  runtime_allgs[runtime_allglen] = gp;
  __atomic_store_n (&runtime_allglen, runtime_allglen + 1, __ATOMIC_RELEASE);
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

/* A G and its base stack.  With split stacks the G is at the stack's
   top (stack.h, "The G on top"): it shares the page the goroutine's
   first frames touch anyway.  Fixed stacks without a guard page may be
   overrun by the goroutine below (stack_fixed.c): there the G is kept
   apart, where such an overrun cannot reach it.  Neither is ever freed:
   a dead G keeps its stack in the free G cache.  */
static G *
malg (uintptr stacksize)
{
  uintptr got;
  void *stk = runtime_stackalloc (stacksize, &got);
  G *gp = ARCH_HAS_SPLIT_STACK
          ? (G *) ((uintptr) stk + got - StackTopG)
          : runtime_persistentalloc (sizeof *gp);
  memset (gp, 0, sizeof *gp);
  gp->stacklo = (uintptr) stk;
  gp->stackhi = ARCH_HAS_SPLIT_STACK ? (uintptr) gp : (uintptr) stk + got;
  gp->status = Gidle;
  allgadd (gp);
  return gp;
}

/* Make GP's context a call of FN at the top of its stack, as if from a
   frame with a zero return address (which ends unwinding).  */
static void
context_init (G *gp, void (*fn) (void))
{
  uintptr sp = gp->stackhi & ~(uintptr) 15;
#if ARCH_CALL_PUSHES_PC
  sp -= sizeof (uintptr);
  *(uintptr *) sp = 0;
#endif
  memset (gp->context.regs, 0, sizeof gp->context.regs);
  gp->context.sp = sp;
  gp->context.pc = (uintptr) fn;
  gp->stacksp = sp;
}

/* The first code of every goroutine, on its own stack.  */
static void
goentry (void)
{
  runtime_san_switched ();
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

/* GOPC: the go statement's return address, for "created by" in
   traces (traceback.c), or 0.  */
static G *
newproc1 (void (*fn) (void *), void *arg, uintptr stacksize, uintptr gopc)
{
  runtime_preemptcheck ();
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
  gp->preempt = 0;
  gp->gopc = gopc;
  context_init (gp, goentry);
  runtime_san_unpoison (gp->stacklo, gp->stackhi - gp->stacklo);
  __atomic_add_fetch (&live_gs, 1, __ATOMIC_RELAXED);
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
  return newproc1 (fn, arg, StackMin, 0);
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
  newproc1 (fn, NULL, MainGoroutineStack, 0);
}

void
runtime_main_started (void)
{
  main_started = 1;
  runtime_sysmon_start ();
}

/* No split-stack prologue: after a split the return address would be
   __morestack's, not the go statement's (gopc, "created by").  */
void *go_go (uintptr fn, void *arg) GOSYM ("__go_go") NOSPLIT;
void *
go_go (uintptr fn, void *arg)
{
  /* On arm the return address carries the Thumb bit: drop it, so that
     the address - 1 is inside the call, as in a walked frame.  */
  uintptr ra = (uintptr) __builtin_return_address (0);
  return newproc1 ((void (*) (void *)) fn, arg, StackMin,
                   ra & ~(uintptr) (ARCH_PCQUANTUM - 1));
}

int32_t
runtime_gcount (void)
{
  return (int32_t) __atomic_load_n (&live_gs, __ATOMIC_RELAXED);
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

/* Every M's first code on g0, once its thread is set up: mark the base
   of the scheduler stack, where runtime_mcall runs its functions, then
   run its system function, or take the P handed over (or sleep until
   one is) and schedule.  */
static void NORETURN
mstart1 (void)
{
  M *m = runtime_m ();
  runtime_gosave (m->g0);
  if (m->mstartfn != NULL)
    {
      m->mstartfn ();
      runtime_throw ("mstart: system M returned");
    }
  if (m->idle_at_start)
    {
      /* On the idle list already (newm_idle): a P or a collection
         handed to it before the thread ran waits in m->park.  */
      m->idle_at_start = 0;
      stopm_queued ();
    }
  else if (m->nextp != NULL)
    {
      P *p = m->nextp;
      m->nextp = NULL;
      acquirep (p);
    }
  else if (m->p == NULL)       /* m0 has its P from schedinit */
    stopm ();
  schedule ();
}

static void *
mstart_thread (void *arg)
{
  M *mp = arg;
  runtime_m_tls = mp;
  runtime_g_tls = mp->g0;
  runtime_stackinit (mp->g0, (uintptr) __builtin_frame_address (0));
  runtime_minit ();
  mstart1 ();
}

static void
newosproc_or_die (M *mp)
{
  int err = runtime_newosproc (mstart_thread, mp);
  if (err != 0)
    {
      runtime_prints ("runtime: failed to create new OS thread: errno ");
      runtime_printint (err);
      runtime_prints ("\n");
      runtime_throw ("newosproc");
    }
}

/* A new M for P.  */
static void
newm (P *p, _Bool spinning)
{
  M *mp = allocm ();
  mp->nextp = p;
  mp->spinning = spinning;
  newosproc_or_die (mp);
}

/* A spare M for the collector's helpers, idle from the start: on the
   idle list before its thread even runs, so that the next collection
   counts it whether or not the thread has got that far.  */
static void
newm_idle (void)
{
  M *mp = allocm ();
  mp->idle_at_start = 1;
  mput_lock (mp);
  newosproc_or_die (mp);
}

void
runtime_newm_sys (void (*fn) (void))
{
  M *mp = allocm ();
  mp->mstartfn = fn;
  runtime_lock (&runtime_sched.lock);
  runtime_sched.nmsys++;
  runtime_unlock (&runtime_sched.lock);
  newosproc_or_die (mp);
}

/* An extra M for cgo callbacks (cgocall.c has the protocol).  Counted
   in mcount like any M, so that checkdead finds a running M while one
   exists: a C thread may call into Go at any moment.  Its G, locked to
   it for good, is in allgs as Gdead (skipped by the collector, the
   deadlock check and tracebacks) until a thread borrows the pair.  Its
   g0 runs the scheduler on G0STACK, SIZE bytes.  */
M *
runtime_allocm_extra (void *g0stack, uintptr size)
{
  M *mp = allocm ();
  G *g0 = mp->g0;
  g0->stacklo = (uintptr) g0stack;
  g0->stackhi = (uintptr) g0stack + size;
  g0->context.sp = g0->stackhi & ~(uintptr) 15;  /* where mcall switches */
  g0->stacksp = g0->context.sp;
  G *gp = runtime_persistentalloc (sizeof *gp);
  memset (gp, 0, sizeof *gp);
  gp->status = Gdead;
  gp->goid = __atomic_add_fetch (&next_goid, 1, __ATOMIC_RELAXED);
  gp->lockedm = mp;
  gp->locked = 1;
  mp->lockedg = gp;
  mp->extram = 1;
  allgadd (gp);
  return mp;
}

/* A borrowed extra G becomes live (+1) or dead again (-1).  */
void
runtime_gcount_add (int32_t delta)
{
  __atomic_add_fetch (&live_gs, (uint32_t) delta, __ATOMIC_RELAXED);
}

/* sched.lock held.  */
static void
mput (M *mp)
{
  mp->schedlink = runtime_sched.midle;
  runtime_sched.midle = mp;
  runtime_sched.nmidle++;
}

/* mput, taking sched.lock.  */
static void
mput_lock (M *mp)
{
  runtime_lock (&runtime_sched.lock);
  mput (mp);
  runtime_unlock (&runtime_sched.lock);
}

/* MP, idle, is woken to help a collection or helps one.  */
static _Bool
mbusy (const M *mp)
{
  return mp->helpgc != 0 || mp->helping;
}

/* Hand P to MP, just taken off the idle list; under sched.lock.
   Returns whether the caller must wake MP's park (after unlocking): not
   when MP is busy helping a collection, it looks at nextp after that.  */
static _Bool
mwake (M *mp, P *p, _Bool spinning)
{
  mp->spinning = spinning;
  mp->nextp = p;
  return !mbusy (mp);
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
  _Bool wake = mp != NULL && mwake (mp, p, spinning);
  runtime_unlock (&runtime_sched.lock);
  if (mp == NULL)
    newm (p, spinning);
  else if (wake)
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

const char *
runtime_gstatus_string (G *gp)
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

/* A fatal error with every goroutine's trace, as Go prints a throw
   (traceback.c walks each by resuming it here: the program ends).  */
static void NORETURN
throw_all (const char *msg)
{
  runtime_m ()->dying = 1;
  runtime_printlock ();
  runtime_prints ("fatal error: ");
  runtime_prints (msg);
  runtime_prints ("\n");
  runtime_traceback_others ();
  runtime_printunlock ();
  runtime_exit (2);
}

/* SIGQUIT: every goroutine's trace, then exit 2.  */
void
runtime_dumpgoroutines_and_exit (void)
{
  runtime_m ()->dying = 1;
  runtime_printlock ();
  runtime_traceback_dying (TracebackAll);
  runtime_printunlock ();
  runtime_exit (2);
}

/* sched.lock held, by an M about to go idle.  Ms in system calls are
   not idle, so a G blocked in C keeps the program alive.  */
static void
checkdead (void)
{
  Sched *s = &runtime_sched;
  int32_t run = s->mcount - s->nmidle - s->nmidlelocked - s->nmsys;
  if (run > 0)
    return;
  if (run < 0)
    runtime_throw ("checkdead: inconsistent counts");
  /* A P left in Psyscall by a thread parked by a signal: sysmon hands
     it on (runtime_sigpark).  */
  for (int32_t i = 0; i < runtime_gomaxprocs; i++)
    if (__atomic_load_n (&runtime_allp[i]->status, __ATOMIC_ACQUIRE) == Psyscall)
      return;
  int32_t waiting = 0;
  for (uintptr i = 0; i < runtime_allglen; i++)
    {
      G *gp = runtime_allgs[i];
      switch (gp->status)
        {
        case Gwaiting:
          waiting++;
          break;
        case Grunnable:
        case Grunning:
        case Gsyscall:
          runtime_throw ("checkdead: runnable goroutine");
        default:
          break;
        }
    }
  if (waiting == 0)
    runtime_throw ("no goroutines (main called runtime.Goexit) - deadlock!");
  throw_all ("all goroutines are asleep - deadlock!");
}

/* ---- Idling.  */

/* Put this M to sleep until someone hands it a P.  An M woken to help
   the collector runs runtime_gchelper and sleeps again.  */
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
  stopm_queued ();
}

/* The rest of stopm, for an M already on the idle list: sleep until
   handed a P, helping collections meanwhile.  A helper stays on the
   idle list: the world may start again before the kernel runs its
   thread (the collection does not wait for a late helper), and
   startTheWorld's wakep must find it idle rather than start an M.  A P
   handed to it while it helps is taken after (mwake).  */
static void
stopm_queued (void)
{
  M *m = runtime_m ();
  Sched *s = &runtime_sched;
  for (;;)
    {
      runtime_notesleep (&m->park);
      runtime_noteclear (&m->park);
      runtime_lock (&s->lock);
      uint32_t cycle = m->helpgc;
      m->helpgc = 0;
      m->helping = cycle != 0;
      runtime_unlock (&s->lock);
      if (cycle == 0)
        break;                 /* woken with nextp */
      runtime_gchelper (cycle);
      runtime_lock (&s->lock);
      m->helping = 0;
      _Bool taken = m->nextp != NULL;
      runtime_unlock (&s->lock);
      if (taken)
        break;
    }
  P *p = m->nextp;
  m->nextp = NULL;
  acquirep (p);
}

static void
incidlelocked (int32_t v)
{
  runtime_lock (&runtime_sched.lock);
  runtime_sched.nmidlelocked += v;
  if (v > 0)
    checkdead ();
  runtime_unlock (&runtime_sched.lock);
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

/* Give away P, whose M is about to block (system call, locked G) or
   which sysmon took from such an M.  P is Pidle and owned by no M.  */
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
  if (__atomic_load_n (&s->nmspinning, __ATOMIC_ACQUIRE) == 0
      && __atomic_load_n (&s->npidle, __ATOMIC_ACQUIRE) == 0
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

/* ---- Locked goroutines.  */

/* This M's locked G stopped running: give the P away and sleep until
   the G is runnable and someone hands this M a P to run it with.  */
static void
stoplockedm (void)
{
  M *m = runtime_m ();
  if (m->lockedg == NULL || m->lockedg->lockedm != m)
    runtime_throw ("stoplockedm: inconsistent locking");
  if (m->p != NULL)
    handoffp (releasep ());
  incidlelocked (1);
  runtime_notesleep (&m->park);
  runtime_noteclear (&m->park);
  if (__atomic_load_n (&m->lockedg->status, __ATOMIC_ACQUIRE) != Grunnable)
    runtime_throw ("stoplockedm: not runnable");
  acquirep (m->nextp);
  m->nextp = NULL;
}

/* GP, found runnable, is locked to another M: hand it our P, sleep.  */
static void
startlockedm (G *gp)
{
  M *m = runtime_m ();
  M *mp = gp->lockedm;
  if (mp == m)
    runtime_throw ("startlockedm: locked to me");
  if (mp->nextp != NULL)
    runtime_throw ("startlockedm: m has p");
  incidlelocked (-1);          /* before the wake: checkdead must not
                                  count mp as idle any more */
  mp->nextp = releasep ();
  /* Idle before mp runs: a collection mp's G starts at once must find
     this M idle for its helper (gcprocs).  mp counts as running, so
     checkdead sees no deadlock meanwhile.  */
  mput_lock (m);
  runtime_notewakeup (&mp->park);
  stopm_queued ();
}

void
runtime_lockOSThread (void)
{
  G *gp = runtime_g ();
  M *m = gp->m;
  gp->locked++;
  m->lockedg = gp;
  gp->lockedm = m;
}

void
runtime_unlockOSThread (void)
{
  G *gp = runtime_g ();
  if (gp->locked == 0 || (gp->locked == 1 && gp->m->extram))
    return;                    /* an extra M's G is locked for good */
  if (--gp->locked > 0)
    return;
  gp->m->lockedg = NULL;
  gp->lockedm = NULL;
}

/* ---- Finding work.  */

static G *
findrunnable (_Bool *inherit)
{
  M *m = runtime_m ();
  Sched *s = &runtime_sched;
  *inherit = 0;
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
  /* Now and then the global queue first, so it cannot starve.  Counted
     per look, not per schedtick, which stands still while Gs pass the
     time slice on through runnext.  */
  if (++p->globtick % 61 == 0 && s->runqsize > 0)
    {
      runtime_lock (&s->lock);
      gp = runtime_globrunqget (p, 1);
      runtime_unlock (&s->lock);
      if (gp != NULL)
        return gp;
    }
  if ((gp = runtime_runqget (p, inherit)) != NULL)
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

/* Run GP on this M: never returns; GP comes back through tosched.
   INHERIT: GP continues the current time slice (runqget).  */
static void
execute (G *gp, _Bool inherit)
{
  M *m = runtime_m ();
  m->curg = gp;
  gp->m = m;
  __atomic_store_n (&gp->status, Grunning, __ATOMIC_RELEASE);
  __atomic_store_n (&gp->preempt, 0, __ATOMIC_RELAXED);
  if (!inherit)
    m->p->schedtick++;
  runtime_g_tls = gp;
  if (ARCH_HAS_SPLIT_STACK)
    __atomic_store_n (&m->stackpoison, 0, __ATOMIC_RELEASE);  /* a new slice */
  runtime_stackguard_install (gp);
  runtime_san_switch_to_g (gp);
  runtime_gogo (gp);
}

/* On g0, at the base of its stack: find a G and run it.  */
static void
schedule (void)
{
  M *m = runtime_m ();
  if (m->locks != 0)
    runtime_throw ("schedule: holding locks");
  if (m->lockedg != NULL)
    {
      stoplockedm ();
      execute (m->lockedg, 0);
    }
  for (;;)
    {
      _Bool inherit;
      G *gp = findrunnable (&inherit);
      resetspinning ();
      if (gp->lockedm == NULL)
        execute (gp, inherit);
      startlockedm (gp);
    }
}

void
runtime_mcall_returned (void)
{
  runtime_throw ("runtime_mcall: function returned");
}

/* What runtime_mcall runs on g0 for every switch from a G: make g0 the
   current G, then run the function the G left.  */
static void
g0_dispatch (G *gp)
{
  runtime_san_switched ();
  M *m = gp->m;
  runtime_g_tls = m->g0;
  runtime_stackguard_install (m->g0);
  runtime_stack_switched_out (gp);
  m->curg = NULL;
  void (*fn) (G *) = m->mcallfn;
  m->mcallfn = NULL;
  fn (gp);
  runtime_throw ("tosched: function returned");
}

void
runtime_tosched (void (*fn) (G *))
{
  G *gp = runtime_g ();
  M *m = gp->m;
  if (gp == m->g0)
    runtime_throw ("runtime_tosched on g0");
  m->mcallfn = fn;
  runtime_san_switch_to (m->g0->stacklo, m->g0->stackhi);
  runtime_mcall (gp, g0_dispatch);
  runtime_san_switched ();
  if (unlikely (gp->walk != NULL))
    runtime_gcallers_self (gp);  /* resumed only to walk its stack */
}

/* Resume GP on this thread just long enough for it to walk its own
   stack (traceback.c runtime_gcallers_self), then come back.  Only a G
   switched out by runtime_tosched can be resumed so: not one that never
   ran, nor one in a system call or running elsewhere, nor one a signal
   parked (runtime_sigpark: its M holds its state, its Context none).
   The caller makes sure no other M picks GP meanwhile (the world
   stopped, or dying).  */
intgo
runtime_gcallers (G *gp, uintptr *pcs, intgo max)
{
  G *me = runtime_g ();
  uint32_t st = __atomic_load_n (&gp->status, __ATOMIC_ACQUIRE);
  if (gp == me || (st != Gwaiting && st != Grunnable) || gp->m != NULL
      || gp->context.pc == (uintptr) goentry || gp->sigparked)
    return -1;
  GWalk w = { me, pcs, max, 0, 0 };
  volatile GWalk *vw = &w;
  gp->walk = &w;
  runtime_gosave (me);
  if (!__atomic_load_n (&vw->done, __ATOMIC_ACQUIRE))
    {
      gp->m = runtime_m ();
      runtime_g_tls = gp;
      runtime_stackguard_install (gp);
      runtime_san_switch_to_g (gp);
      runtime_gogo (gp);
    }
  runtime_san_switched ();     /* GP came back (runtime_gcallers_self) */
  return vw->n;
}

static void
park_m (G *gp)
{
  gp->m = NULL;
  __atomic_store_n (&gp->status, Gwaiting, __ATOMIC_RELEASE);
  _Bool (*unlockf) (G *, void *) = park_unlockf;
  if (unlockf != NULL && !unlockf (gp, park_arg))
    {
      __atomic_store_n (&gp->status, Grunnable, __ATOMIC_RELEASE);
      execute (gp, 0);
    }
  schedule ();
}

void
runtime_gopark (_Bool (*unlockf) (G *, void *), void *arg, const char *reason)
{
  G *gp = runtime_g ();
  gp->waitreason = reason;
  park_unlockf = unlockf;
  park_arg = arg;
  runtime_tosched (park_m);
}

_Bool
runtime_park_unlock (G *gp, void *lock)
{
  (void) gp;
  runtime_unlock ((Lock *) lock);
  return 1;
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

/* Yield: GP goes to the global queue, behind everything else.  */
void
runtime_gosched_m (G *gp)
{
  gp->m = NULL;
  __atomic_store_n (&gp->status, Grunnable, __ATOMIC_RELEASE);
  runtime_lock (&runtime_sched.lock);
  runtime_globrunqput (gp);
  runtime_unlock (&runtime_sched.lock);
  schedule ();
}

void
runtime_gosched (void)
{
  runtime_tosched (runtime_gosched_m);
}

void
runtime_gosched_if_waiting (void)
{
  M *m = runtime_m ();
  if (m->p != NULL && runtime_g () != m->g0 && m->locks == 0
      && (!runtime_runqempty (m->p)
          || __atomic_load_n (&runtime_sched.runqsize, __ATOMIC_RELAXED) > 0))
    runtime_gosched ();
}

/* A preemption request at a safe point.  Deferred while the M is in a
   runtime critical section (a Lock, or a spinlock or per-P cache
   update: runtime_nosigpark), printing or dying, or runs no user G.  */
void
runtime_preempt_park (void)
{
  G *gp = runtime_g ();
  M *m = runtime_m ();
  if (gp == m->g0 || m->locks != 0 || runtime_nosigpark != 0
      || m->printlock != 0 || m->dying || m->p == NULL
      || gp->status != Grunning)
    return;
  __atomic_store_n (&gp->preempt, 0, __ATOMIC_RELAXED);
  runtime_gosched ();
}

/* What a poisoned split-stack prologue calls (stack.c).  */
static void
preempt_hook (void)
{
  G *gp = runtime_g ();
  __atomic_store_n (&gp->preempt, 1, __ATOMIC_RELAXED);
  runtime_preempt_park ();
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
  gp->waitreason = NULL;
  if (gp->lockedm != NULL)
    {
      /* Go would end the thread; this M simply forgets the lock.  */
      gp->lockedm = NULL;
      gp->locked = 0;
      m->lockedg = NULL;
    }
  __atomic_sub_fetch (&live_gs, 1, __ATOMIC_RELAXED);
  __atomic_store_n (&gp->status, Gdead, __ATOMIC_RELEASE);
  runtime_stack_release (gp);
  gfput (m->p, gp);
  schedule ();
}

void
runtime_goexit1 (void)
{
  runtime_tosched (goexit_m);
  runtime_throw ("goexit1: dead goroutine resumed");
}

/* ---- System calls.

   entersyscall leaves the P in Psyscall, still remembered by the M
   (m->oldp) but owned by nobody: the M takes it back on return with
   one CAS if it is still there; sysmon may take it first (retake) and
   hand it to another M; stopTheWorld takes it as stopped.  The G's
   registers are saved (runtime_gosave) so that the collector can scan
   its stack while the C code runs.

   No split-stack prologue: the sp saved is where the collector starts
   the G's scan, and must stay on a linked segment for the whole call.
   A split here put it on a segment that the return unlinked at once,
   which a later split of the C code (GODEBUG=stacksegmin=1: every one)
   freed and another goroutine reused; a collection then found the sp
   outside the G's segments.  The frame is small and below the caller's
   (stack.h, "Sizes"); its callees split as they need.  Its callers
   in cgocall.c have no prologues either, for the same reason.  */
NOSPLIT void
runtime_entersyscall (void)
{
  G *gp = runtime_g ();
  M *m = gp->m;
  m->locks++;
  runtime_gosave (gp);
  __atomic_store_n (&gp->status, Gsyscall, __ATOMIC_RELEASE);
  P *p = m->p;
  p->syscalltick++;
  m->oldp = p;
  m->p = NULL;
  p->m = NULL;
  __atomic_store_n (&p->status, Psyscall, __ATOMIC_SEQ_CST);
  if (__atomic_load_n (&runtime_sched.gcwaiting, __ATOMIC_SEQ_CST))
    {
      uint32_t old = Psyscall;
      if (__atomic_compare_exchange_n (&p->status, &old, Pgcstop, 0,
                                       __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
        {
          runtime_lock (&runtime_sched.lock);
          if (--runtime_sched.stopwait == 0)
            runtime_notewakeup (&runtime_sched.stopnote);
          runtime_unlock (&runtime_sched.lock);
        }
    }
  if (__atomic_load_n (&runtime_sched.sysmonwait, __ATOMIC_ACQUIRE))
    {
      runtime_lock (&runtime_sched.lock);
      runtime_sysmon_wake_locked ();
      runtime_unlock (&runtime_sched.lock);
    }
  m->locks--;
}

/* Sysmon: take P from an M in a system call.  */
_Bool
runtime_retake_syscall (P *p)
{
  uint32_t old = Psyscall;
  if (!__atomic_compare_exchange_n (&p->status, &old, Pidle, 0,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
    return 0;
  handoffp (p);
  return 1;
}

/* Back from the system call: the old P if it waits, else any idle P.  */
static _Bool
exitsyscallfast (P *oldp)
{
  uint32_t old = Psyscall;
  if (oldp != NULL
      && __atomic_compare_exchange_n (&oldp->status, &old, Pidle, 0,
                                      __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
    {
      acquirep (oldp);
      return 1;
    }
  if (__atomic_load_n (&runtime_sched.npidle, __ATOMIC_ACQUIRE) == 0)
    return 0;
  runtime_lock (&runtime_sched.lock);
  P *p = runtime_sched.gcwaiting ? NULL : pidleget ();
  if (p != NULL)
    runtime_sysmon_wake_locked ();
  runtime_unlock (&runtime_sched.lock);
  if (p == NULL)
    return 0;
  acquirep (p);
  return 1;
}

/* No P: queue the G and let this M sleep; a locked G's M sleeps until
   whoever finds the G hands it a P (startlockedm).  The G is queued in
   the same hold of sched.lock that saw no P: a stopTheWorld seen there
   cannot end in between, so its startTheWorld's wakep finds the G.
   (Queued after the lock was dropped, a locked G could miss the only
   wake-up and wait for ever with every P idle.)  */
static void
exitsyscall0 (G *gp)
{
  M *m = runtime_m ();
  gp->m = NULL;
  __atomic_store_n (&gp->status, Grunnable, __ATOMIC_RELEASE);
  runtime_lock (&runtime_sched.lock);
  P *p = runtime_sched.gcwaiting ? NULL : pidleget ();
  if (p != NULL)
    runtime_sysmon_wake_locked ();
  else
    runtime_globrunqput (gp);
  runtime_unlock (&runtime_sched.lock);
  if (p != NULL)
    {
      acquirep (p);
      execute (gp, 0);
    }
  if (m->lockedg != NULL)
    {
      stoplockedm ();
      execute (gp, 0);
    }
  stopm ();
  schedule ();
}

void
runtime_exitsyscall (void)
{
  G *gp = runtime_g ();
  M *m = gp->m;
  m->locks++;
  P *oldp = m->oldp;
  m->oldp = NULL;
  if (exitsyscallfast (oldp))
    {
      m->p->syscalltick++;
      __atomic_store_n (&gp->status, Grunning, __ATOMIC_RELEASE);
      m->locks--;
      return;
    }
  m->locks--;
  runtime_tosched (exitsyscall0);
}

/* ---- Forced preemption (sigpreempt.h): the signal handler parks the
   thread here.  The G becomes runnable and locked to this M, as if it
   had called LockOSThread and yielded: whoever schedules it hands this
   M a P (startlockedm), and until then the M sleeps on m->park, counted
   with the idle locked Ms.  The P goes at once to the stopper
   (gcwaiting), else to an idle M, else it is left in Psyscall for
   sysmon to hand on (the handler starts no thread).  Nothing here
   waits for a Lock this M could hold (the handler checked m->locks).  */
void
runtime_sigpark (G *gp, uintptr sp)
{
  Sched *s = &runtime_sched;
  M *m = gp->m;
  m->locks++;
  M *waslockedm = gp->lockedm;
  gp->stacksp = sp;
  /* Its registers are in the copy at sp; the Context holds stale ones
     from its last switch, which the collector would scan too, and
     which runtime_gcallers must not resume.  */
  memset (gp->context.regs, 0, sizeof gp->context.regs);
  gp->sigparked = 1;
  P *p = m->p;
  m->p = NULL;
  p->m = NULL;
  runtime_lock (&s->lock);
  M *mp = NULL;
  if (s->gcwaiting)
    {
      p->status = Pgcstop;
      if (--s->stopwait == 0)
        runtime_notewakeup (&s->stopnote);
    }
  else if ((mp = mget ()) != NULL)
    {
      p->status = Pidle;
      if (!mwake (mp, p, 0))
        mp = NULL;             /* it takes p after helping */
    }
  else
    {
      p->syscalltick++;
      __atomic_store_n (&p->status, Psyscall, __ATOMIC_SEQ_CST);
    }
  gp->lockedm = m;
  m->lockedg = gp;
  gp->m = NULL;
  __atomic_store_n (&gp->status, Grunnable, __ATOMIC_RELEASE);
  runtime_globrunqput (gp);
  s->nmidlelocked++;           /* no checkdead: a G is runnable */
  runtime_sysmon_wake_locked ();
  runtime_unlock (&s->lock);
  if (mp != NULL)
    runtime_notewakeup (&mp->park);

  runtime_notesleep (&m->park);
  runtime_noteclear (&m->park);

  /* Scheduled: startlockedm gave us its P and uncounted us.  */
  gp->sigparked = 0;
  acquirep (m->nextp);
  m->nextp = NULL;
  gp->lockedm = waslockedm;
  if (waslockedm == NULL)
    m->lockedg = NULL;
  gp->m = m;
  m->curg = gp;
  __atomic_store_n (&gp->status, Grunning, __ATOMIC_RELEASE);
  __atomic_store_n (&gp->preempt, 0, __ATOMIC_RELAXED);
  m->p->schedtick++;
  if (ARCH_HAS_SPLIT_STACK)
    __atomic_store_n (&m->stackpoison, 0, __ATOMIC_RELEASE);
  runtime_stackguard_install (gp);
  m->locks--;
}

/* ---- Stopping the world.  */

void
runtime_preemptone (P *p)
{
  M *mp = p->m;
  if (mp == NULL)
    return;
  G *gp = mp->curg;
  if (gp == NULL || gp == mp->g0)
    return;
  __atomic_store_n (&gp->preempt, 1, __ATOMIC_RELAXED);
  if (ARCH_HAS_SPLIT_STACK)
    runtime_stack_poison (mp);
}

/* Ask every other running P to stop; FORCE: by signal as well, for
   the ones that did not stop at a safe point (sigpreempt.h).  */
static void
preemptall (_Bool force)
{
  for (int32_t i = 0; i < runtime_gomaxprocs; i++)
    {
      P *p = runtime_allp[i];
      M *mp = p->m;
      if (p->status == Prunning && mp != runtime_m ())
        {
          runtime_preemptone (p);
          if (force && mp != NULL)
            runtime_preemptM (mp);
        }
    }
}

void
runtime_stopTheWorld (const char *reason)
{
  (void) reason;
  Sched *s = &runtime_sched;
  M *m = runtime_m ();
  /* Until runtime_startTheWorld: not preemptible, and a fault in what
     runs with the world stopped (the collector on the G that asked for
     it) is a fatal error, not a panic of that G (gosignal.c).  */
  m->locks++;
  runtime_lock (&s->lock);
  s->stopwait = runtime_gomaxprocs;
  __atomic_store_n (&s->gcwaiting, 1, __ATOMIC_SEQ_CST);
  preemptall (0);
  m->p->status = Pgcstop;
  s->stopwait--;
  for (int32_t i = 0; i < runtime_gomaxprocs; i++)
    {
      uint32_t old = Psyscall;
      if (__atomic_compare_exchange_n (&runtime_allp[i]->status, &old, Pgcstop,
                                       0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
        s->stopwait--;
    }
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
        preemptall (1);
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
      while ((gp = runtime_runqget (p, NULL)) != NULL)
        runtime_globrunqput (gp);
    }
  runtime_gomaxprocs = nprocs;
}

static int32_t
min32 (int32_t a, int32_t b)
{
  return a < b ? a : b;
}

/* The collector's procs, decided before it marks:
   min (GOMAXPROCS, CPUs, MaxGcproc, idle Ms + 1): the collecting M and
   one helper per idle M (runtime_gcprocs counts those free to help).
   A pure function, for the white-box test.  */
int32_t
runtime_gcprocs_formula (int32_t gomaxprocs, int32_t ncpu, int32_t nmidle)
{
  return min32 (min32 (min32 (gomaxprocs, ncpu), MaxGcproc), nmidle + 1);
}

/* Set by runtime_gcprocs when idle Ms, not GOMAXPROCS or the CPUs,
   limited the count; the next startTheWorld starts one spare M that
   goes idle at once, for the next collection.  Under sched.lock.  */
static _Bool gcprocs_limited;

/* The idle Ms free to help (not still busy with an earlier
   collection: a late helper), up to MAX; under sched.lock.  */
static int32_t
midle_free (int32_t max)
{
  int32_t n = 0;
  for (M *mp = runtime_sched.midle; mp != NULL && n < max; mp = mp->schedlink)
    n += !mbusy (mp);
  return n;
}

int32_t
runtime_gcprocs (void)
{
  Sched *s = &runtime_sched;
  runtime_lock (&s->lock);
  int32_t n = runtime_gcprocs_formula (runtime_gomaxprocs, runtime_ncpu_value,
                                       midle_free (MaxGcproc));
  gcprocs_limited = n < runtime_gcprocs_formula (runtime_gomaxprocs,
                                                 runtime_ncpu_value, MaxGcproc);
  runtime_unlock (&s->lock);
  return n;
}

/* Wake exactly NPROC-1 idle Ms free to help (midle_free) to run
   runtime_gchelper for collection CYCLE; they stay on the idle list.
   The count was decided by runtime_gcprocs with the world stopped, so
   every one of them must be there; if not, it throws before it wakes
   any (no helper is left running for a collection that never comes).  */
int32_t
runtime_helpgc (int32_t nproc, uint32_t cycle)
{
  if (runtime_gchelper == NULL)
    runtime_throw ("helpgc: no runtime_gchelper linked");
  runtime_lock (&runtime_sched.lock);
  if (midle_free (nproc) < nproc - 1)
    runtime_throw ("helpgc: no idle M");
  M *mp = runtime_sched.midle;
  for (int32_t n = 1; n < nproc; n++)
    {
      while (mbusy (mp))
        mp = mp->schedlink;
      mp->helpgc = cycle;        /* it stays idle: stopm_queued */
      runtime_notewakeup (&mp->park);
    }
  runtime_unlock (&runtime_sched.lock);
  return nproc - 1;
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
  __atomic_store_n (&s->gcwaiting, 0, __ATOMIC_SEQ_CST);
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
  /* A new time slice for the G that stopped the world: the pause is
     not its running time, and sysmon must not preempt it for that.  */
  mine->schedtick++;
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
  /* The last collection had fewer idle Ms than procs it could use: one
     spare M, idle by the next one.  */
  _Bool spare = gcprocs_limited;
  gcprocs_limited = 0;
  runtime_sysmon_wake_locked ();
  runtime_unlock (&s->lock);
  while (work != NULL)
    {
      P *p = work;
      work = p->link;
      startm (p, 0);
    }
  wakep ();
  /* After the wake-ups, which would take it for a P instead.  */
  if (spare)
    newm_idle ();
  m->locks--;                  /* runtime_stopTheWorld's */
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
  runtime_initsig ();
  runtime_preempt_hook = preempt_hook;

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
  mstart1 ();
}

#ifndef LIBRUNTIME_CONTEXT_FALLBACK
void
runtime_context_visit (G *gp, void (*visit) (uintptr, uintptr, void *),
                       void *arg)
{
  visit ((uintptr) gp->context.regs,
         (uintptr) (gp->context.regs + ARCH_CTX_REGS), arg);
}
#endif
