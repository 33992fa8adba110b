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
   libruntime signal handler runs split-stack code on the interrupted
   stack (they run on the alternate signal stack, and the runtime's C is
   not compiled with -fsplit-stack).  */
#include "stack.h"
#include "proc.h"
#include "os.h"
#include "spinlock.h"
#include "debug.h"
#include "sanitizer.h"

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
    runtime_sysunused ((void *) lo, size - runtime_physpagesize);
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

GPRONLY static void
guard_install (M *m, G *gp)
{
  if (m->stackguard_slot == NULL)
    m->stackguard_slot = runtime_guard_slot ();
  if (m->stackguard_slot == NULL)
    return;                    /* no TCB guard on this arch */
  uintptr g = cur_guard (gp);
  if (__atomic_load_n (&m->stackpoison, __ATOMIC_ACQUIRE))
    g = StackPreempt;
  __atomic_store_n (m->stackguard_slot, g, __ATOMIC_RELEASE);
}

void
runtime_stackguard_install (G *gp)
{
  guard_install (runtime_m (), gp);
}

/* Ask the M to stop at its next split-stack prologue.  Any thread.  The
   M itself may be rewriting its guard at the same moment (a split, a
   switch); it rereads stackpoison when it does, so at worst the poison
   takes effect at its next guard write instead of its next prologue,
   and a caller that must be sure (sysmon) simply poisons again.  */
void
runtime_stack_poison (M *mp)
{
  __atomic_store_n (&mp->stackpoison, 1, __ATOMIC_RELEASE);
  if (mp->stackguard_slot != NULL)
    __atomic_store_n (mp->stackguard_slot, StackPreempt, __ATOMIC_RELEASE);
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
  uintptr need = frame + f->argsize + StackGuard + sizeof (StackSeg) + 64;
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

static StackSeg *
seg_get (G *gp, MoreFrame *f)
{
  uintptr min = f->framesize + f->argsize + StackGuard + StackSmall
                + sizeof (StackSeg) + 64;
  StackSeg *s = gp->stackspare;
  gp->stackspare = NULL;
  if (s != NULL && s->size >= min && !runtime_debug.stacksegmin)
    return s;
  if (s != NULL)
    seg_free (s);
  /* GODEBUG=stacksegmin=1: the smallest segment that fits, every time.  */
  uintptr need = runtime_debug.stacksegmin ? min : seg_need (gp, f);
  int c = size_class (need);
  uintptr base = runtime_stack_basesize (gp);
  if (c < 0 || base + gp->stackinuse + class_size (c) > StackMax)
    {
      /* The doubling may overshoot what the frame needs: try exact.
         The limit is on what the frame needs, not on the power-of-two
         block holding it (a 128 MiB frame on 32-bit takes a 256 MiB
         block, over StackMax, yet within Go's limit).  */
      c = size_class (min);
      if (c < 0 || base + gp->stackinuse + min > StackMax)
        runtime_stack_overflow_limit (gp, f->sp);
    }
  uintptr lo = block_alloc (c);
  if (lo == 0)
    runtime_throw ("out of memory allocating a stack segment");
  s = header_of (lo, class_size (c));
  s->lo = lo;
  s->size = class_size (c);
  return s;
}

/* Link a segment below F's function and copy its stack arguments there;
   returns the sp to call the continuation with (the copied arguments
   start at it).  Runs on the old stack, inside StackGuard.  */
static void *
split (M *m, G *gp, MoreFrame *f)
{
  StackSeg *s = seg_get (gp, f);
  s->prev = gp->stackseg;
  s->next = NULL;
  s->oldsp = (uintptr) f;
  s->frame = f->frame;
  uintptr sp = ((uintptr) s - f->argsize) & ~(uintptr) (ARCH_STACK_ALIGN - 1);
  memcpy ((void *) sp, m->moreargp, f->argsize);
  gp->stackinuse += s->size;
  gp->stackseg = s;
  guard_install (m, gp);
  san_moved (gp);
  return (void *) sp;
}

/* Whether F's function fits on the current stack below __morestack's
   frame, after a preemption request made the prologue fail.  */
static _Bool
fits_here (G *gp, MoreFrame *f)
{
  uintptr need = f->framesize + f->argsize + 2 * ARCH_STACK_ALIGN;
  return (uintptr) f > need && (uintptr) f - need >= cur_guard (gp);
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

void *
runtime_newstack (MoreFrame *f)
{
  M *m = runtime_m ();
  G *gp = runtime_g ();
  if (gp == NULL)
    {
      /* A C thread that gave its extra M back (cgocall.c dropm) just as
         a preemption request poisoned the guard it had: un-poison it;
         the function runs on this stack.  */
      uintptr *slot = runtime_guard_slot ();
      if (slot != NULL && *slot == StackPreempt)
        {
          *slot = 0;
          return NULL;
        }
      runtime_throw ("__morestack on a thread without a goroutine");
    }
  if (__atomic_load_n (&m->stackpoison, __ATOMIC_ACQUIRE))
    {
      preempt (m, gp);
      m = runtime_m ();        /* the G may have moved to another M */
      if (fits_here (gp, f))
        return NULL;           /* __morestack runs it on this stack */
    }
  morestate_set (m, f);
  void *sp = split (m, gp, f);
  runtime_morestate_clear (m);
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
GPRONLY static void
unlink_frame (uintptr frame)
{
  M *m = runtime_m ();
  G *gp = runtime_g ();
  if (gp == NULL)
    return;                    /* a preempted prologue (nothing linked)
                                  whose function left Go: cgocall.c */
  StackSeg *s = gp->stackseg;
  if (s == NULL || s->frame != frame)
    return;
  gp->stackseg = s->prev;
  gp->stackinuse -= s->size;
  if (gp->stackspare != NULL)
    seg_free (gp->stackspare);
  gp->stackspare = s;
  guard_install (m, gp);
  san_moved (gp);
}

GPRONLY void
runtime_oldstack (uintptr frame)
{
  unlink_frame (frame);
}

/* The cleanup of __morestack's frame, run by the unwinder when a panic
   (or any exception) leaves the function through the split.  */
void
runtime_morestack_unwind (uintptr frame)
{
  unlink_frame (frame);
  runtime_morestate_clear (runtime_m ());
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
  if (gp->stackspare != NULL)
    seg_free (gp->stackspare);
  gp->stackspare = NULL;
}

uintptr
runtime_stack_inuse (G *gp)
{
  return gp->stackinuse;
}

/* ---- The collector's view.  */

static _Bool
seg_holds (StackSeg *s, uintptr sp)
{
  return s != NULL && sp >= s->lo && sp <= (uintptr) s;
}

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
  if (seg_holds (gp->stackspare, sp))
    s = gp->stackspare;
  else if (s != NULL && seg_holds (s->prev, sp) && !seg_holds (s, sp))
    s = s->prev;               /* between moving sp and linking */
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

void
runtime_stack_overflow_limit (G *gp, uintptr sp)
{
  print_limit (sp, gp->stacklo, gp->stackhi);
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
