/* cgocall.c: the calls gccgo's cgo tool generates around calls into C
   and callbacks from C (ABI doc 4.6), and the extra Ms that threads Go
   did not create borrow to run a callback.

   Go -> C.  _Cfunc_f runs syscall.Cgocall, the C function, then (by
   defer) syscall.CgocallDone.  Cgocall counts the call and enters the
   system-call state (proc.c): the P stays behind in Psyscall, and
   sysmon hands it to another M if C blocks, so other goroutines run.

   C -> Go.  An exported function's wrapper runs syscall.CgocallBack,
   the Go function, then (by defer) syscall.CgocallBackDone.
     - On a thread running Go (Go called C, C calls back), the G is in
       the system-call state: CgocallBack takes a P back, Done returns
       to the system-call state for the rest of the C code.
     - On a thread Go did not create there is no G: CgocallBack first
       borrows an extra M with its G (needm), and Done gives them back
       (dropm) once the thread leaves Go for good.  The G runs on the C
       thread's own stack, locked to its M, with the whole runtime at
       its disposal; it blocks and resumes like any locked G.

   The extra Ms.  The first cgo call clears runtime_needextram (1 at
   start) with a compare-and-swap and makes the first extra M.  Until
   then no extra M exists, so a program that links cgo but never calls
   C keeps Go's deadlock detection; once one exists, it counts as a
   running M (proc.c runtime_allocm_extra) and a program blocked while
   C threads may call back is not reported dead.  A callback that comes
   before the first cgo call (from a C constructor, or a thread one
   started) cannot be served: needm writes Go's message and exits
   without touching the scheduler, which may not be set up yet.

   The extra list: Ms no thread has, linked through schedlink.  Its head
   word `extram' is also its lock (Go's scheme, which needs no M): a
   thread takes the list by swapping ExtraLocked in, and releases it by
   storing the new head.  The list always holds a spare: it is what
   keeps checkdead from calling a program dead while every borrowed M
   waits (in Go) for a C thread that has yet to call in.  A thread that
   takes the last M makes the next spare before it runs Go code, so the
   count of running Ms never drops to zero in between; one that finds
   the list empty (the spare being made) makes an M for itself.  Unlike
   Go's, libruntime's Ms and Gs come from persistent memory under plain
   locks, which need neither an M nor a P, so no thread ever waits for
   another to make one.  */
#include "proc.h"
#include "atomic.h"
#include "os.h"
#include "panic.h"
#include "stack.h"
#include "sigpreempt.h"
#include "gosignal.h"

/* 1 until the first cgo call makes the first extra M; read by needm
   without an M.  Not static: white-box tests read it.  */
uint32_t runtime_needextram HIDDEN = 1;

/* Set by the constructor cgo generates in every cgo program.  */
_Bool runtime_iscgo;

static uint64_t ncgocall;        /* atomic: calls into C, NumCgoCall */

#define ExtraLocked ((M *) 1)
static M *extram;                /* the list, or ExtraLocked */
static uint32_t extram_nap;      /* always 0: a word to sleep on */

/* The g0 stack of an extra M: the scheduler's C code, and with the
   ucontext fallback its SchedStack (context.c) below the top.  */
#ifdef LIBRUNTIME_CONTEXT_FALLBACK
enum { ExtraG0Stack = 320 << 10 };
#else
enum { ExtraG0Stack = 64 << 10 };
#endif

/* ---- The extra list.  Any thread, M or not.  */

static M *
lockextra (void)
{
  for (;;)
    {
      M *old = runtime_loadp_acquire ((void *const *) &extram);
      if (old != ExtraLocked && runtime_casp (&extram, old, ExtraLocked))
        return old;
      runtime_osyield_os ();
    }
}

static void
unlockextra (M *head)
{
  runtime_storep_release ((void **) &extram, head);
}

/* A new extra M; any thread, with or without an M.  */
static M *
newextram (void)
{
  void *stk = runtime_sysalloc (ExtraG0Stack);
  if (stk == NULL)
    runtime_throw ("out of memory allocating an extra M's stack");
  M *mp = runtime_allocm_extra (stk, ExtraG0Stack);
  mp->sigstack = runtime_sigstack_new ();
  return mp;
}

static void
putextram (M *mp)
{
  mp->schedlink = lockextra ();
  unlockextra (mp);
}

/* ---- needm and dropm: on a thread Go did not create.  */

static void NORETURN
early_callback (void)
{
  static const char msg[] = "fatal error: cgo callback before cgo call\n";
  runtime_write (2, msg, sizeof msg - 1);
  runtime_exitprocess (1);
}

/* Give this thread an extra M and its G, in the system-call state.  */
static void
needm (void)
{
  if (runtime_load32_acquire (&runtime_needextram))
    early_callback ();
  M *mp = lockextra ();
  M *rest = mp != NULL ? mp->schedlink : NULL;
  unlockextra (rest);
  if (mp == NULL)
    mp = newextram ();         /* another thread is making the spare */
  if (rest == NULL)
    putextram (newextram ());  /* the spare (see the top) */
  mp->schedlink = NULL;

  G *gp = mp->lockedg;
  runtime_m_tls = mp;
  runtime_g_tls = gp;
  mp->curg = gp;
  gp->m = mp;
  gp->locked = 1;              /* for good, whatever the callback did */
  gp->lockedm = mp;

  /* The G's stack is this thread's: C made it big enough, and it does
     not grow.  Without its bounds the collector still finds everything
     from here up (the wrapper's defer record through gp->defer).  */
  uintptr lo, hi;
  if (runtime_threadstack (&lo, &hi) != 0)
    {
      hi = (uintptr) __builtin_frame_address (0);
      lo = hi - (256 << 10);
    }
  gp->stacklo = lo;
  gp->stackhi = hi;
  gp->stackguard0 = StackNoCheck;  /* never a segment (stack.h) */
  mp->stackguard_slot = runtime_guard_slot ();
  mp->cguard = mp->stackguard_slot != NULL ? *mp->stackguard_slot : 0;
  runtime_stackguard_install (gp);

  /* Forced preemption reaches this thread while it runs Go, as any M's
     (a callback spinning without calls must not hold up a collection);
     dropm forgets it before the thread may end.  The handler parks a
     thread by writing below the G's sp, so it must not run on the G's
     stack: the thread gets the M's signal stack unless it has one
     (which also serves faults, and reports of this stack's overflow).  */
  mp->sigstack_lent = runtime_sigstack_lend (mp->sigstack);
  __atomic_store_n (&mp->osthread, runtime_osthread_self (), __ATOMIC_SEQ_CST);

  runtime_gosave (gp);         /* sp and registers for the collector */
  runtime_gcount_add (1);
  __atomic_store_n (&gp->status, Gsyscall, __ATOMIC_SEQ_CST);
}

/* Give the M back; the thread goes on in C, or ends.  The G is in the
   system-call state and its P in Psyscall.  */
static void
dropm (void)
{
  M *mp = runtime_m ();
  G *gp = mp->curg;
  /* This thread will not come back for the P: give it to work now
     rather than wait for sysmon.  */
  P *p = mp->oldp;
  mp->oldp = NULL;
  if (p != NULL)
    runtime_retake_syscall (p);

  runtime_preempt_forget (mp);
  if (mp->sigstack_lent)
    runtime_sigstack_takeback ();
  mp->sigstack_lent = 0;
  runtime_gcount_add (-1);
  __atomic_store_n (&gp->status, Gdead, __ATOMIC_SEQ_CST);
  /* A collector that read Gsyscall just before may be scanning this
     stack, which the thread may free by exiting: wait for it.  It runs
     with the world stopped, and asks for that before it reads any
     status.  */
  while (__atomic_load_n (&runtime_sched.gcwaiting, __ATOMIC_SEQ_CST))
    runtime_futexsleep (&extram_nap, 0, 50 * 1000);

  runtime_stack_release (gp);
  gp->stacklo = gp->stackhi = gp->stacksp = 0;
  gp->m = NULL;
  mp->curg = NULL;
  if (mp->stackguard_slot != NULL)
    __atomic_store_n (mp->stackguard_slot, mp->cguard, __ATOMIC_RELEASE);
  mp->stackguard_slot = NULL;

  mp->schedlink = lockextra ();
  runtime_g_tls = NULL;
  runtime_m_tls = NULL;
  unlockextra (mp);
}

/* ---- The end of package initialisation.  A callback from a thread
   not running Go may arrive while package initialisers still run (one
   called C that started the thread): like Go, it waits for them.  */

static uint32_t main_init_done;  /* atomic */
static Lock initlock;            /* guards initwaiters */
static G *initwaiters;           /* parked callbacks, via schedlink */

void
runtime_cgo_main_init_done (void)
{
  runtime_lock (&initlock);
  runtime_store32_release (&main_init_done, 1);
  G *gp = initwaiters;
  initwaiters = NULL;
  runtime_unlock (&initlock);
  while (gp != NULL)
    {
      G *next = gp->schedlink;
      gp->schedlink = NULL;
      runtime_goready (gp);
      gp = next;
    }
}

static void
wait_main_init (void)
{
  if (runtime_load32_acquire (&main_init_done))
    return;
  runtime_lock (&initlock);
  if (main_init_done)
    {
      runtime_unlock (&initlock);
      return;
    }
  G *gp = runtime_g ();
  gp->schedlink = initwaiters;
  initwaiters = gp;
  runtime_gopark (runtime_park_unlock, &initlock, "chan receive");
}

/* ---- What the generated code calls.  */

/* Cgocall, CgocallBackDone, GoLeave and callback_leave have no
   split-stack prologues, as runtime_entersyscall (proc.c): a frame of
   theirs that split would hold the sp the collector scans the G from,
   on a segment their return unlinks.  */
void syscall_Cgocall (void) GOSYM ("syscall.Cgocall");
NOSPLIT void
syscall_Cgocall (void)
{
  if (unlikely (runtime_load32_acquire (&runtime_needextram))
      && runtime_cas32 (&runtime_needextram, 1, 0))
    putextram (newextram ());
  M *m = runtime_m ();
  runtime_xadd64 (&ncgocall, 1);
  m->ncgo++;
  GoStackRoomBegin ();         /* room for the C's libc calls (stack.c) */
  runtime_entersyscall ();
}

void syscall_CgocallDone (void) GOSYM ("syscall.CgocallDone");
void
syscall_CgocallDone (void)
{
  G *gp = runtime_g ();
  if (gp == NULL)
    runtime_throw ("no g in CgocallDone");
  gp->m->ncgo--;
  GoStackRoomEnd ();
  /* A panic that came up through C from a callback left the system-call
     state already (CgocallBackDone stayed in Go for it).  */
  if (__atomic_load_n (&gp->status, __ATOMIC_ACQUIRE) == Gsyscall)
    runtime_exitsyscall ();
}

/* Entering Go from C.  */
static void
callback_enter (void)
{
  G *gp = runtime_g ();
  if (gp == NULL)
    {
      needm ();
      gp = runtime_g ();
      gp->m->dropextram = 1;
    }
  runtime_lockOSThread ();
  /* A Go thread that called C without Cgocall (a //extern function)
     was never in the system-call state.  */
  if (__atomic_load_n (&gp->status, __ATOMIC_ACQUIRE) == Gsyscall)
    runtime_exitsyscall ();
  if (runtime_m ()->ncgo == 0)
    wait_main_init ();
}

/* Leaving Go for C.  POPDEFER: called by deferreturn for the wrapper's
   own record, which must come off before the thread leaves Go.  */
NOSPLIT static void
callback_leave (_Bool popdefer)
{
  G *gp = runtime_g ();
  M *m = gp->m;
  runtime_unlockOSThread ();
  /* A panic or Goexit goes on up through the Go frames (and C frames,
     compiled with -fexceptions) in Go mode.  */
  if (gp->panic != NULL)
    return;
  _Bool drop = m->dropextram && m->ncgo == 0;
  if (!drop && m->ncgo == 0)
    return;                    /* C called without Cgocall: stay */
  if (drop && popdefer)
    {
      Defer *d = gp->defer;
      if (d == NULL || d->pfn != 0)
        runtime_throw ("CgocallBackDone: not called by deferreturn");
      gp->defer = d->link;
      runtime_freedefer (d);
    }
  runtime_entersyscall ();
  if (drop)
    {
      m->dropextram = 0;
      dropm ();
    }
}

void syscall_CgocallBack (void) GOSYM ("syscall.CgocallBack");
void
syscall_CgocallBack (void)
{
  callback_enter ();
}

void syscall_CgocallBackDone (void) GOSYM ("syscall.CgocallBackDone");
NOSPLIT void
syscall_CgocallBackDone (void)
{
  G *gp = runtime_g ();
  Defer *d = gp->defer;
  callback_leave (d != NULL && d->pfn == 0 && d->panic == NULL);
}

/* The public C API (include/libruntime.h): a C thread brackets its calls
   of Go code with these, as an exported function's wrapper does.  */
void
GoEnter (void)
{
  callback_enter ();
}

NOSPLIT void
GoLeave (void)
{
  callback_leave (0);
}

/* The weak reference in every exported function's C stub.  Nothing to
   wait for: a callback can only be served after a cgo call, and cgo
   calls start after the runtime is up; one that comes earlier fails in
   needm whether or not it waited.  */
uintptr _cgo_wait_runtime_init_done (void);
uintptr
_cgo_wait_runtime_init_done (void)
{
  return 0;
}

/* The generated code reaches the pointer checks (cgocheck.c) through
   weak references, which do not pull a member out of libruntime.a:
   every program that makes cgo calls links this file, and this strong
   reference brings them along.  */
void runtime_cgoCheckPointer (Eface, Eface) GOSYM ("runtime.cgoCheckPointer");
__attribute__ ((used)) static void (*const link_cgocheck) (Eface, Eface)
  = runtime_cgoCheckPointer;

int64_t runtime_NumCgoCall (void) GOSYM ("runtime.NumCgoCall");
int64_t
runtime_NumCgoCall (void)
{
  return (int64_t) runtime_load64 (&ncgocall);
}
