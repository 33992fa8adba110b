/* stack.c: goroutine stacks and the split-stack protocol, seen from C.

   stack.h has the glossary, the layouts and the derivation of every
   size.  This file holds:
     - the segment cache (page-aligned blocks in power-of-two classes,
       shared by base stacks and split segments, reused across goroutines);
     - runtime_newstack / runtime_oldstack / runtime_morestack_unwind,
       the C half of __morestack (arch/ARCH/morestack.S);
     - the guard: installing it on every switch, poisoning it to preempt;
     - runtime_stack_visit for the collector and runtime_stack_fault for
       the signal handler (fixed stacks with a guard zone, arm).

   Signals.  __morestack does not block signals (two system calls per
   split).  Instead every instruction boundary of a split is a state a
   signal handler may observe: the chain is linked before sp moves and
   unlinked after it moves back, the collector finds sp's segment by
   address (a stopped thread may sit anywhere in between), and no
   libruntime signal handler splits: they run on the alternate signal
   stack with the guard set to StackNoCheck (os/posix/signal_posix.c).

   A guard that does not describe the stack sp is on -- a goroutine
   switch between its guard write and its stack switch, a handler's
   split-stack callee when the guard was poisoned meanwhile -- makes a
   prologue fail for nothing: runtime_newstack sees that sp is not on
   the G's current piece and runs the function where it is.  */
#include <unwind.h>

#include "stack.h"
#include "proc.h"
#include "os.h"
#include "spinlock.h"
#include "debug.h"
#include "sanitizer.h"
#include "sigpreempt.h"

_Static_assert (offsetof (MoreFrame, framesize) == MF_FRAMESIZE, "MF_FRAMESIZE");
_Static_assert (offsetof (MoreFrame, argsize) == MF_ARGSIZE, "MF_ARGSIZE");
_Static_assert (offsetof (MoreFrame, args) == MF_ARGS, "MF_ARGS");
_Static_assert (offsetof (MoreFrame, pc) == MF_PC, "MF_PC");
_Static_assert (offsetof (MoreFrame, sp) == MF_SP, "MF_SP");
_Static_assert (offsetof (MoreFrame, frame) == MF_FRAME, "MF_FRAME");
_Static_assert (sizeof (MoreFrame) == MF_SIZE, "MF_SIZE");

enum { Debug = 0 };

/* On x86 the C half of a split runs while the caller's float results
   (x87 st0 on 386) or argument registers may be live: keep the
   compiler away from anything but the general registers.  */
#if defined (__i386__) || defined (__x86_64__)
#define GPRONLY __attribute__ ((target ("general-regs-only")))
#else
#define GPRONLY
#endif

/* ---- The segment cache.

   Class c holds blocks of StackMin << c bytes, up to StackMax.  Blocks
   below ChunkSize are carved from ChunkSize mappings, so thousands of
   goroutines share one kernel mapping; larger ones are mapped alone.
   Free blocks are linked through a StackSeg header at their top.
   Blocks of LargeSize and up give their pages back to the OS when
   freed (a deep recursion should not keep its RSS forever); smaller
   ones stay resident, because a first touch costs up to 9 us a page.
   cache.lock guards everything in cache.  */
enum {
  NumClasses = 24,             /* StackMin << 23 >= StackMax for any
                                  StackMin from 128 bytes */
  ChunkSize = 1 << 20,
  LargeSize = 512 << 10,
};

uintptr runtime_stackmin = StackMinDefault;

/* Set once a goroutine has exceeded StackMax: the report may go past
   it (runtime_stack_overflow_limit).  */
static uint32_t stack_limit_off;

static struct {
  SpinLock lock;
  StackSeg *free[NumClasses];
  uintptr chunk, chunkend;     /* unused rest of the current chunk */
  uintptr mapped;              /* bytes taken from the OS, for tests */
} cache;

static int
size_class (uintptr n)
{
  int c = 0;
  while (c < NumClasses - 1 && ((uintptr) StackMin << c) < n)
    c++;
  if (((uintptr) StackMin << c) < n)
    return -1;
  return c;
}

static uintptr
class_size (int c)
{
  return (uintptr) StackMin << c;
}

static StackSeg *
header_of (uintptr lo, uintptr size)
{
  return (StackSeg *) ((lo + size - sizeof (StackSeg)) & ~(uintptr) 15);
}

static uintptr
map_block (uintptr size)
{
  if (size < ChunkSize)
    {
      if (cache.chunkend - cache.chunk < size)
        {
          void *p = runtime_sysalloc (ChunkSize);
          if (p == NULL)
            return 0;
          cache.chunk = (uintptr) p;
          cache.chunkend = cache.chunk + ChunkSize;
          cache.mapped += ChunkSize;
        }
      uintptr lo = cache.chunk;
      cache.chunk += size;
      return lo;
    }
  void *p = runtime_sysalloc (size);
  if (p != NULL)
    cache.mapped += size;
  return (uintptr) p;
}

/* A block of exactly class_size (c) bytes, or 0 when the OS has none.  */
static uintptr
block_alloc (int c)
{
  runtime_spinlock (&cache.lock);
  StackSeg *s = cache.free[c];
  uintptr lo;
  if (s != NULL)
    {
      cache.free[c] = s->next;
      lo = s->lo;
    }
  else
    lo = map_block (class_size (c));
  runtime_spinunlock (&cache.lock);
  if (lo != 0)
    runtime_san_unpoison (lo, class_size (c));  /* redzones of dead frames */
  return lo;
}

GPRONLY static void
block_free (uintptr lo, int c)
{
  uintptr size = class_size (c);
  if (size >= LargeSize)
    {
      /* Blocks below a page make others start off a page boundary:
         give back the whole pages below the header's.  */
      uintptr pg = runtime_physpagesize;
      uintptr from = (lo + pg - 1) & ~(pg - 1);
      uintptr to = (lo + size - sizeof (StackSeg)) & ~(pg - 1);
      if (to > from)
        runtime_sysunused ((void *) from, to - from);
    }
  StackSeg *s = header_of (lo, size);
  s->lo = lo;
  s->size = size;
  runtime_spinlock (&cache.lock);
  s->next = cache.free[c];
  cache.free[c] = s;
  runtime_spinunlock (&cache.lock);
}

GPRONLY static void
seg_free (StackSeg *s)
{
  block_free (s->lo, size_class (s->size));
}

/* ---- The guard.  */

/* The guard of the stack gp's sp is on.  */
static uintptr
cur_guard (G *gp)
{
  if (gp->stackseg != NULL)
    return gp->stackseg->lo + StackGuard;
  if (gp->stackguard0 == 0 && gp->stacklo != 0)
    gp->stackguard0 = gp->stacklo + StackGuard;  /* a new goroutine */
  return gp->stackguard0;
}

/* The bounds of the stack piece gp runs on: its newest segment or its
   base stack (for sanitizer.h).  */
void
runtime_stack_bounds (G *gp, uintptr *lo, uintptr *hi)
{
  if (gp->stackseg != NULL)
    {
      *lo = gp->stackseg->lo;
      *hi = gp->stackseg->lo + gp->stackseg->size;
    }
  else
    {
      *lo = gp->stacklo;
      *hi = gp->stackhi;
    }
}

/* Runs inside a split (GPRONLY callers): nothing unless sanitized,
   where only amd64, whose __morestack saves %xmm0-7, is supported.  */
static void
san_moved (G *gp)
{
#if LIBRUNTIME_SANITIZERS
  uintptr lo, hi;
  runtime_stack_bounds (gp, &lo, &hi);
  runtime_san_stack_moved (lo, hi);
#else
  (void) gp;
#endif
}

/* The room every split-stack prologue must leave while gp is in a cgo
   call or between GoStackRoomBegin and GoStackRoomEnd: the C running is
   split-stack (gort compiles it so) but calls libc, which is not, and
   no linker enlarged its requests to give libc that room (stack.h
   "Calls out of split-stack C").  */
static uintptr
cgo_room (M *m, G *gp)
{
  if (!ARCH_HAS_SPLIT_STACK || gp->stackroom == 0 || gp == m->g0
      || cur_guard (gp) == StackNoCheck)
    return 0;
  return STACK_ROOM;
}


/* The guard for gp's stack on M.  */
static uintptr
guard_for (M *m, G *gp)
{
  return cur_guard (gp) + cgo_room (m, gp);
}

GPRONLY static void
guard_install (M *m, G *gp)
{
  if (m->stackguard_slot == NULL)
    m->stackguard_slot = runtime_guard_slot ();
  if (m->stackguard_slot == NULL)
    return;                    /* no TCB guard on this arch */
  __atomic_store_n (m->stackguard_slot, guard_for (m, gp), __ATOMIC_SEQ_CST);
  /* Read after the store: a poisoner that found StackNoCheck in the
     slot left it (runtime_stack_poison), and its request is ours to
     install.  */
  if (__atomic_load_n (&m->stackpoison, __ATOMIC_SEQ_CST))
    __atomic_store_n (m->stackguard_slot, StackPreempt, __ATOMIC_SEQ_CST);
}

void
runtime_stackguard_install (G *gp)
{
  guard_install (runtime_m (), gp);
}

/* include/libruntime.h.  */
void
GoStackRoomBegin (void)
{
  G *gp = runtime_g ();
  if (gp == NULL)
    runtime_throw ("GoStackRoomBegin: not on a goroutine");
  gp->stackroom++;
  guard_install (runtime_m (), gp);
}

void
GoStackRoomEnd (void)
{
  G *gp = runtime_g ();
  if (gp == NULL || gp->stackroom == 0)
    runtime_throw ("GoStackRoomEnd without GoStackRoomBegin");
  gp->stackroom--;
  guard_install (runtime_m (), gp);
}

/* Ask the M to stop at its next split-stack prologue.  Any thread.
   A guard of StackNoCheck stays: the M is inside a split, an unlink or
   a signal handler, whose prologues must not fail.  Each failure there
   would nest another __morestack record in the guard zone, and
   stop-the-world poisons every 100 us while it waits: a split that
   took long enough overran the zone into the next segment's header
   (GODEBUG=gcevery,mcacheoff on deep_recursion_gc.go).  The M
   installs the poison itself when it leaves StackNoCheck: guard_install
   rereads stackpoison after its store (both sequentially consistent,
   so one of the two sides sees the other's write).  */
void
runtime_stack_poison (M *mp)
{
  __atomic_store_n (&mp->stackpoison, 1, __ATOMIC_SEQ_CST);
  uintptr *slot = mp->stackguard_slot;
  if (slot == NULL)
    return;
  uintptr old = __atomic_load_n (slot, __ATOMIC_SEQ_CST);
  while (old != StackNoCheck && old != StackPreempt
         && !__atomic_compare_exchange_n (slot, &old, StackPreempt, 0,
                                          __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
    ;
}

_Bool
runtime_preempt_requested (G *gp)
{
  M *m = gp->m;
  return m != NULL && __atomic_load_n (&m->stackpoison, __ATOMIC_ACQUIRE);
}

/* What a poisoned prologue calls: the scheduler's yield when it is
   linked in, or a hook a test installs.  */
extern void runtime_gosched (void) __attribute__ ((weak));
void (*runtime_preempt_hook) (void);

static void
preempt (M *m, G *gp)
{
  __atomic_store_n (&m->stackpoison, 0, __ATOMIC_RELEASE);
  guard_install (m, gp);
  if (runtime_preempt_hook != NULL)
    runtime_preempt_hook ();
  else if (runtime_gosched != NULL)
    runtime_gosched ();
}

/* ---- Base stacks.  */

/* The bootstrap G runs on the main thread's stack: its base is what
   RLIMIT_STACK lets that stack grow to, less what the kernel put above
   main (arguments, environment, auxv) and a margin; beyond it the G
   continues in segments.  SP is an address near the top.  */
enum { MainStackSlack = 256 << 10, MainStackDefault = 2 << 20 };

void
runtime_stackinit (G *gp, uintptr sp)
{
  uintptr limit = runtime_mainstacksize ();
  if (limit == 0 || limit > ((uintptr) 1 << 30))
    limit = MainStackDefault;
  if (limit < 2 * MainStackSlack)
    limit = 2 * MainStackSlack;
  gp->stackhi = sp;
  gp->stacklo = sp - (limit - MainStackSlack);
  /* Go code on arm never reads the guard, but split-stack C (clang)
     does, so every arch gets one.  */
  gp->stackguard0 = gp->stacklo + StackGuard;
  runtime_stackguard_install (gp);
}

/* A goroutine's first stack.  With split stacks it is StackMin whatever
   the caller asked (the stack grows in segments; *ALLOCATED says what it
   got); without, a fixed stack of a kind stack_fixed.c chooses, or of
   SIZE if more than the biggest kind (the main goroutine's).  */
void *
runtime_stackalloc (uintptr size, uintptr *allocated)
{
  if (!ARCH_HAS_SPLIT_STACK)
    return runtime_fixedstack_alloc (size, allocated);
  uintptr lo = block_alloc (size_class (StackMin));
  if (lo == 0)
    runtime_throw ("out of memory allocating a goroutine stack");
  *allocated = StackMin;
  return (void *) lo;
}

void
runtime_stackfree (void *p, uintptr size)
{
  if (!ARCH_HAS_SPLIT_STACK)
    {
      runtime_fixedstack_free (p, size);
      return;
    }
  int c = size_class (size);
  if (c < 0 || class_size (c) != size)
    runtime_throw ("runtime_stackfree: size is not one runtime_stackalloc gave");
  block_free ((uintptr) p, c);
}

/* A G leaves its M (the scheduler, on g0): a fixed stack without a
   guard is checked for an overflow (stack_fixed.c).  */
void
runtime_stack_switched_out (G *gp)
{
  if (!ARCH_HAS_SPLIT_STACK)
    runtime_fixedstack_check (gp, 0);
}

/* ---- Splits.  */

/* Bytes the new segment must have: the frame, the arguments, the guard
   zone and the header.  Growth doubles (from the newest segment or the
   base), so N frames cost O(log N) splits and segments.  */
static uintptr
seg_need (G *gp, MoreFrame *f)
{
  uintptr frame = f->framesize > StackSmall ? f->framesize : StackSmall;
  uintptr need = frame + f->argsize + StackGuard + cgo_room (runtime_m (), gp)
                 + sizeof (StackSeg) + 64;
  uintptr last = gp->stackseg != NULL ? gp->stackseg->size
                 : runtime_stack_basesize (gp);
  if (last > StackMax / 4)
    last = StackMax / 4;
  if (need < 2 * last)
    need = 2 * last;
  if (need < 2 * StackMin)
    need = 2 * StackMin;
  return need;
}

static _Bool
seg_holds (StackSeg *s, uintptr sp)
{
  return s != NULL && sp >= s->lo && sp <= (uintptr) s;
}

/* Spares: the segments unlinked from gp's chain, newest first, linked
   through next.  Normally one, kept for the next split; an unwind
   leaving several splits at once (runtime_morestack_personality)
   unlinks them all while the unwinder still runs on the newest, so no
   segment is freed at unlinking.  Here, at a split or an unlink, every
   spare but the first goes back to the cache, except one SP (the
   caller's frame) is on.  */
NOSPLIT GPRONLY static void
spares_trim (G *gp, uintptr sp)
{
  StackSeg **link = &gp->stackspare;
  if (*link != NULL)
    link = &(*link)->next;
  while (*link != NULL)
    {
      StackSeg *s = *link;
      if (seg_holds (s, sp))
        {
          link = &s->next;
          continue;
        }
      *link = s->next;
      seg_free (s);
    }
}

/* A segment used before holds dead frames; the first frames of the
   split's function go at its top, and the slots they never write
   would show the conservative scan what the dead ones left (the
   collecting goroutine's runtime_callroom segment, scanned from
   collect's frame up, kept an object alive so).  */
enum { SegClearTop = 512 };

static void
seg_clear_top (StackSeg *s)
{
  uintptr top = (uintptr) s;
  uintptr from = top - SegClearTop > s->lo ? top - SegClearTop : s->lo;
  memset ((void *) from, 0, top - from);
}

/* What a segment of SIZE bytes adds to G.stackinuse: the bytes its
   frames may use, not its guard zone and header.  StackMax limits
   frames, as Go's contiguous stacks do, so the depth a recursion may
   reach does not depend on the size of the segments holding it (under
   GODEBUG=stacksegmin=1 the guard zone is half of each).  */
static uintptr
seg_frame_bytes (uintptr size)
{
  return size - StackGuard - sizeof (StackSeg);
}

/* The stack a yield from runtime_newstack uses below __morestack's
   record: preempt, the scheduler's yield and the switch, whose
   prologues must not split again (stack.h, "Sizes").  */
enum { YieldRoom = 1024 };

/* A segment for F's function; one for a split made while a preemption
   request stands (POISONED) holds YieldRoom more, so that the
   function's next call yields there and does not split again (with
   GODEBUG=stacksegmin=1 every call of a deep recursion split, a segment
   a frame, and the request was never served).  */
static StackSeg *
seg_get (G *gp, MoreFrame *f, _Bool poisoned)
{
  uintptr min = f->framesize + f->argsize + StackGuard + StackSmall
                + cgo_room (runtime_m (), gp) + sizeof (StackSeg) + 64
                + (poisoned ? YieldRoom : 0);
  spares_trim (gp, (uintptr) __builtin_frame_address (0));
  StackSeg *s = gp->stackspare;
  if (s != NULL && s->size >= min && !runtime_debug.stacksegmin)
    {
      gp->stackspare = s->next;
      seg_clear_top (s);
      return s;
    }
  /* GODEBUG=stacksegmin=1: the smallest segment that fits, every time.  */
  uintptr need = runtime_debug.stacksegmin ? min : seg_need (gp, f);
  int c = size_class (need);
  uintptr base = runtime_stack_basesize (gp);
  if (c < 0 || (base + gp->stackinuse + seg_frame_bytes (class_size (c))
                 > StackMax
                 && !__atomic_load_n (&stack_limit_off, __ATOMIC_ACQUIRE)))
    {
      /* The doubling may overshoot what the frame needs: try exact.
         The limit is on what the frame needs, not on the power-of-two
         block holding it (a 128 MiB frame on 32-bit takes a 256 MiB
         block, over StackMax, yet within Go's limit).  */
      c = size_class (min);
      if (c < 0 || (base + gp->stackinuse + seg_frame_bytes (min) > StackMax
                     && !__atomic_load_n (&stack_limit_off, __ATOMIC_ACQUIRE)))
        runtime_stack_overflow_limit (gp, f->sp);
    }
  uintptr lo = block_alloc (c);
  if (lo == 0)
    runtime_throw ("out of memory allocating a stack segment");
  s = header_of (lo, class_size (c));
  s->lo = lo;
  s->size = class_size (c);
  seg_clear_top (s);
  return s;
}

/* Link a segment below F's function and copy its stack arguments there;
   returns the sp to call the continuation with (the copied arguments
   start at it).  Runs on the old stack, inside StackGuard; the caller
   installs the new segment's guard last (runtime_newstack).  */
static void *
split (M *m, G *gp, MoreFrame *f, _Bool poisoned)
{
  StackSeg *s = seg_get (gp, f, poisoned);
  s->prev = gp->stackseg;
  s->next = NULL;
  s->oldsp = (uintptr) f;
  s->frame = f->frame;
  uintptr sp = ((uintptr) s - f->argsize) & ~(uintptr) (ARCH_STACK_ALIGN - 1);
  memcpy ((void *) sp, m->moreargp, f->argsize);
  gp->stackinuse += seg_frame_bytes (s->size);
  gp->stackseg = s;
  san_moved (gp);
  return (void *) sp;
}

/* Whether F's function fits on the current stack below __morestack's
   frame, after a preemption request made the prologue fail.  */
static _Bool
fits_here (G *gp, MoreFrame *f)
{
  uintptr need = f->framesize + f->argsize + 2 * ARCH_STACK_ALIGN;
  return (uintptr) f > need && (uintptr) f - need >= guard_for (runtime_m (), gp);
}

/* m->morebuf and m->moreargp describe the split in progress, for as
   long as runtime_newstack works on it and no longer: they are set just
   before the segment is linked and the arguments copied, and cleared
   right after, so that no M keeps the address of a dead frame or of an
   argument block (a closure, a reflect-call block) after the split.  A
   preemption request is served before they are set: the G may move to
   another M while it yields, and neither M must keep them.  The unwinder
   (runtime_morestack_unwind) and reflect-call clear them again: a panic
   or a reflect call that crosses a split leaves nothing behind either.  */
static void
morestate_set (M *m, MoreFrame *f)
{
  m->morebuf.pc = f->pc;
  m->morebuf.sp = f->sp;
  m->moreargp = (void *) f->args;
}

void
runtime_morestate_clear (M *m)
{
  if (m == NULL)
    return;                    /* a thread the runtime does not know */
  m->morebuf.pc = 0;
  m->morebuf.sp = 0;
  m->moreargp = NULL;
}

/* Whether SP lies on the stack piece gp's guard describes.  A guard
   that does not describe the stack sp is on (a goroutine switch between
   its guard write and its stack switch) makes prologues fail for no
   reason: the function then just runs where it is.  */
static _Bool
on_current_piece (G *gp, uintptr sp)
{
  uintptr lo, hi;
  runtime_stack_bounds (gp, &lo, &hi);
  return sp >= lo && sp <= hi;
}

/* Whether a poisoned prologue may yield: only Go code of the program
   running on its G outside any runtime critical section, as for the
   preemption signal (sigpreempt.h).  With the runtime's C split-stack
   too, its prologues meet the poison as well: on g0, holding a Lock,
   in the scheduler -- yielding there would break the scheduler's
   invariants or deadlock.  */
static _Bool
preempt_ok (M *m, G *gp, MoreFrame *f)
{
  if (!RUNTIME_C_SPLITS)
    return 1;                  /* only Go code (and cgo's C) splits */
  return gp == m->curg && m->locks == 0 && m->printlock == 0 && !m->dying
         && runtime_nosigpark == 0
         && __atomic_load_n (&gp->status, __ATOMIC_ACQUIRE) == Grunning
         && runtime_pc_preemptible (f->pc);
}

NOSPLIT void *
runtime_newstack (MoreFrame *f)
{
  M *m = runtime_m ();
  G *gp = runtime_g ();
  uintptr *slot = m != NULL ? m->stackguard_slot : NULL;
  if (slot != NULL && gp != NULL)
    __atomic_store_n (slot, StackNoCheck, __ATOMIC_RELEASE);
  if (m != NULL && m->insplit)
    return NULL;               /* inside a split: poisoned meanwhile */
  if (gp != NULL && !on_current_piece (gp, f->sp))
    {
      guard_install (m, gp);
      return NULL;
    }
  if (gp == NULL)
    {
      /* A thread with no goroutine has no stack to grow: a C thread
         that gave its extra M back (cgocall.c dropm) just as a
         preemption request poisoned the guard it had, or a new thread
         whose control block glibc reused with an old thread's guard in
         it, running the runtime's split-stack C before its M installs
         one.  Clear the guard; the function runs on this stack.  */
      uintptr *slot = runtime_guard_slot ();
      if (slot != NULL)
        *slot = 0;
      return NULL;
    }
  _Bool poisoned = __atomic_load_n (&m->stackpoison, __ATOMIC_ACQUIRE);
  if (poisoned)
    {
      _Bool room = (uintptr) f >= guard_for (m, gp) + YieldRoom;
      _Bool safe = preempt_ok (m, gp, f);
      if (safe && room)
        {
          preempt (m, gp);
          m = runtime_m ();    /* the G may have moved to another M */
          if (fits_here (gp, f))
            return NULL;       /* __morestack runs it on this stack */
          poisoned = __atomic_load_n (&m->stackpoison, __ATOMIC_ACQUIRE);
          if (m->stackguard_slot != NULL)
            __atomic_store_n (m->stackguard_slot, StackNoCheck,
                              __ATOMIC_RELEASE);
        }
      else if (!safe && fits_here (gp, f))
        {
          /* Not a safe point.  The request stands (stackpoison): the
             next guard write (a split, a switch) poisons the guard
             again; until then the runtime's code runs unhindered.  */
          if (slot != NULL)
            __atomic_store_n (slot, guard_for (m, gp), __ATOMIC_RELEASE);
          return NULL;
        }
      /* Else a split, poisoned still: the function's next call, on the
         new segment, yields with room.  Near the guard a yield, or
         running the function in place, would nest more splits in the
         guard zone than it holds.  */
    }
  m->insplit = 1;
  morestate_set (m, f);
  void *sp = split (m, gp, f, poisoned);
  runtime_morestate_clear (m);
  m->insplit = 0;
  if (Debug)
    {
      runtime_printlock ();
      runtime_prints ("newstack frame=");
      runtime_printhex (f->framesize);
      runtime_prints (" args=");
      runtime_printhex (f->argsize);
      runtime_prints (" at ");
      runtime_printhex (f->args);
      runtime_prints (" pc=");
      runtime_printhex (f->pc);
      runtime_prints (" -> sp=");
      runtime_printhex ((uintptr) sp);
      runtime_prints (" seg=");
      runtime_printhex (gp->stackseg->lo);
      runtime_prints ("+");
      runtime_printhex (gp->stackseg->size);
      runtime_prints ("\n");
      runtime_printunlock ();
    }
  /* Last, with no call after it: the new segment's guard may lie above
     this sp, on the old stack, and a prologue failing here would nest
     another __morestack record in the guard zone.  */
  guard_install (m, gp);
  return sp;
}

/* arch/arm/morestack.S: a Thumb prologue called __morestack.  Its
   code after the call has another length than the ARM one, and only the
   ARM protocol is implemented.  */
void runtime_morestack_thumb (void) NORETURN HIDDEN;
void
runtime_morestack_thumb (void)
{
  runtime_throw ("__morestack: Thumb split-stack prologue (build split-stack C with -marm)");
}

/* Unlink the segment the split of FRAME linked, if it did link one (a
   preempted prologue may have run on the same stack).  */
NOSPLIT GPRONLY static void
unlink_frame (uintptr frame, _Bool unwinding)
{
  M *m = runtime_m ();
  G *gp = runtime_g ();
  if (gp == NULL)
    return;                    /* a preempted prologue (nothing linked)
                                  whose function left Go: cgocall.c */
  StackSeg *s = gp->stackseg;
  if (s == NULL || s->frame != frame)
    return;
  /* sp is on the older stack, the guard still the segment's: no
     prologue may split until the guard matches again.  */
  m->insplit = 1;
  if (m->stackguard_slot != NULL)
    __atomic_store_n (m->stackguard_slot, StackNoCheck, __ATOMIC_RELEASE);
  gp->stackseg = s->prev;
  gp->stackinuse -= seg_frame_bytes (s->size);
  s->next = gp->stackspare;
  gp->stackspare = s;
  if (!unwinding)
    spares_trim (gp, (uintptr) __builtin_frame_address (0));
  san_moved (gp);
  m->insplit = 0;
  guard_install (m, gp);       /* last, as in runtime_newstack */
}

NOSPLIT GPRONLY void
runtime_oldstack (uintptr frame)
{
  unlink_frame (frame, 0);
}

/* The cleanup of __morestack's frame, run by the unwinder when a panic
   (or any exception) leaves the function through the split.  */
void
runtime_morestack_unwind (uintptr frame)
{
  unlink_frame (frame, 1);
  runtime_morestate_clear (runtime_m ());
}

#if ARCH_HAS_SPLIT_STACK && defined (ARCH_UNWIND_FP_REGNO)
/* The personality of __morestack's frame (x86): in the cleanup phase of
   an unwind that leaves a function through its split, unlink the
   segment, named by the frame's frame pointer.  The unwinder runs on
   the newest segment (runtime_callroom) and passes the splits newest
   first, the order unlink_frame takes them in.  */
_Unwind_Reason_Code runtime_morestack_personality (int, _Unwind_Action,
                                                   _Unwind_Exception_Class,
                                                   struct _Unwind_Exception *,
                                                   struct _Unwind_Context *)
  NOSPLIT HIDDEN;

_Unwind_Reason_Code
runtime_morestack_personality (int version, _Unwind_Action actions,
                               _Unwind_Exception_Class cls,
                               struct _Unwind_Exception *ue,
                               struct _Unwind_Context *ctx)
{
  (void) cls;
  (void) ue;
  if (version == 1 && (actions & _UA_CLEANUP_PHASE))
    runtime_morestack_unwind (_Unwind_GetGR (ctx, ARCH_UNWIND_FP_REGNO));
  return _URC_CONTINUE_UNWIND;
}
#endif

/* Zero the stack below the caller's frame on the piece it runs on, at
   most ClearBytes of it: the frames that go there next (the collector's,
   a parked goroutine's) then show the conservative scan no stale
   pointer from dead frames.  A leaf whose store is one string
   instruction, so that it may clear right up to its own frame: nothing
   it needs lies below (x86, the arches with split-stack C).  */
enum { ClearBytes = 4096 };

NOSPLIT void __attribute__ ((noinline))
runtime_stack_clear_below (void)
{
#if defined (__x86_64__) || defined (__i386__)
  G *gp = runtime_g ();
  uintptr here = (uintptr) __builtin_frame_address (0) & ~(uintptr) 15;
  if (gp == NULL)
    return;
  uintptr lo = gp->stackseg != NULL ? gp->stackseg->lo : gp->stacklo;
  uintptr hi = gp->stackseg != NULL ? (uintptr) gp->stackseg : gp->stackhi;
  if (here <= lo || here > hi)
    return;                    /* not on its current piece */
  if (here - lo > ClearBytes)
    lo = here - ClearBytes;
  uintptr n = (here - lo) / sizeof (uintptr);
  void *dst = (void *) lo;
#if defined (__x86_64__)
  __asm__ volatile ("rep stosq" : "+D" (dst), "+c" (n) : "a" (0) : "memory");
#else
  __asm__ volatile ("rep stosl" : "+D" (dst), "+c" (n) : "a" (0) : "memory");
#endif
#endif
}

/* A G's segments back to the cache.  Only when gp runs on none of them:
   the scheduler calls it when a goroutine exits (before its G or base
   stack is reused), else its segments leak until the G runs again.  */
void
runtime_stack_release (G *gp)
{
  if (!ARCH_HAS_SPLIT_STACK)
    runtime_fixedstack_check (gp, 1);
  StackSeg *s = gp->stackseg;
  while (s != NULL)
    {
      StackSeg *prev = s->prev;
      seg_free (s);
      s = prev;
    }
  gp->stackseg = NULL;
  gp->stackinuse = 0;
  gp->stackguard0 = 0;         /* recomputed from the next base stack */
  runtime_stack_trim (gp);
}

/* Drop gp's spare segment (the collector may do this for parked Gs).  */
void
runtime_stack_trim (G *gp)
{
  while (gp->stackspare != NULL)
    {
      StackSeg *s = gp->stackspare;
      gp->stackspare = s->next;
      seg_free (s);
    }
}

uintptr
runtime_stack_inuse (G *gp)
{
  return gp->stackinuse;
}

/* ---- The collector's view.  */


/* Every live range of gp's stack: from sp to the top of the segment
   holding it, then from each segment's saved oldsp to the top of the
   older one, ending on the base stack.  A thread stopped halfway
   through a split or its return has sp in a segment that is not (yet,
   or any more) gp->stackseg: it is found by address.  */
void
runtime_stack_visit (G *gp, void (*visit) (uintptr lo, uintptr hi, void *arg),
                     void *arg)
{
  uintptr sp = gp == runtime_g () ? (uintptr) __builtin_frame_address (0)
                                  : gp->stacksp;
  runtime_stack_visit_from (gp, sp, visit, arg);
}

void
runtime_stack_visit_from (G *gp, uintptr sp,
                          void (*visit) (uintptr lo, uintptr hi, void *arg),
                          void *arg)
{
  _Bool running = gp == runtime_g ();
  if (!ARCH_HAS_SPLIT_STACK && !running)
    runtime_fixedstack_check (gp, 0);
  /* A G not running keeps its callee-saved registers in its Context
     (proc.h; the scheduler saved them at its switch or system call).  */
  if (!running)
    runtime_context_visit (gp, visit, arg);
  StackSeg *s = gp->stackseg;
  StackSeg *spare = gp->stackspare;
  while (spare != NULL && !seg_holds (spare, sp))
    spare = spare->next;
  if (spare != NULL && spare != gp->stackspare)
    {
      /* An unwind left several splits and runs on one of the segments
         it unlinked: its frames here, then the whole newest linked
         piece, whose own sp is not known.  */
      visit (sp, (uintptr) spare, arg);
      if (s != NULL)
        sp = s->lo;
      else
        sp = gp->stacklo;
    }
  else if (spare != NULL)
    s = spare;
  else
    {
      /* sp is in an older piece than the newest when the collector,
         whose own frames split, scans the G it runs on, or when the G
         stopped between moving sp and linking.  */
      while (s != NULL && !seg_holds (s, sp))
        s = s->prev;
      if (s == NULL && !(sp >= gp->stacklo && sp <= gp->stackhi))
        s = gp->stackseg;      /* nowhere: the check below throws */
    }
  if (s != NULL && !seg_holds (s, sp))
    runtime_throw ("runtime_stack_visit: sp outside its stack segments");
  for (; s != NULL; s = s->prev)
    {
      visit (sp, (uintptr) s, arg);
      sp = s->oldsp;
    }
  if (sp != 0 && sp < gp->stackhi)
    visit (sp, gp->stackhi, arg);
}

/* ---- Overflow.  */

static void
print_limit (uintptr sp, uintptr lo, uintptr hi)
{
  runtime_printlock ();
  runtime_prints ("runtime: goroutine stack exceeds ");
  runtime_printuint (StackMax);
  runtime_prints ("-byte limit\nruntime: sp=");
  runtime_printhex (sp);
  runtime_prints (" stack=[");
  runtime_printhex (lo);
  runtime_prints (", ");
  runtime_printhex (hi);
  runtime_prints ("]\n");
  runtime_printunlock ();
}

typedef struct OverflowReport {
  uintptr sp, lo, hi;
} OverflowReport;

static void *
report_overflow (void *arg)
{
  OverflowReport *r = arg;
  print_limit (r->sp, r->lo, r->hi);
  runtime_throw ("stack overflow");
  return NULL;
}

NORETURN void
runtime_stack_overflow_limit (G *gp, uintptr sp)
{
  if (!RUNTIME_C_SPLITS)
    {
      print_limit (sp, gp->stacklo, gp->stackhi);
      runtime_throw ("stack overflow");
    }
  /* Called by a split, in the guard zone: the report and its traceback
     need room, which the limit no longer holds back (the program is
     dying).  */
  __atomic_store_n (&stack_limit_off, 1, __ATOMIC_RELEASE);
  M *m = runtime_m ();
  m->insplit = 0;
  guard_install (m, gp);
  OverflowReport r = { sp, gp->stacklo, gp->stackhi };
  runtime_callroom (report_overflow, &r);
  runtime_throw ("stack overflow");
}

/* A fault at ADDR on the current G's stack guard zone: report it as Go
   reports a stack overflow (that is what hit the zone) and exit.  A
   fault anywhere else is not ours: return false.  */
_Bool
runtime_stack_fault (uintptr addr)
{
  G *gp = runtime_g ();
  if (gp == NULL || gp->stacklo == 0)
    return 0;
  uintptr zone = ARCH_HAS_SPLIT_STACK ? runtime_physpagesize
                 : runtime_fixedstack_zone (runtime_stack_basesize (gp));
  /* A frame may skip some of the zone; and a Small fixed stack's
     runaway overflow faults in its 1 MiB mapping's bottom guard.  */
  if (addr >= gp->stacklo || gp->stacklo - addr > zone + (1 << 20))
    return 0;
  runtime_stack_overflow (addr);
}

void
runtime_stack_overflow (uintptr sp)
{
  G *gp = runtime_g ();
  print_limit (sp, gp != NULL ? gp->stacklo : 0, gp != NULL ? gp->stackhi : 0);
  runtime_throw ("stack overflow");
}
