/* stack.h: goroutine stacks, segments and the split-stack protocol.

   Glossary.
     base stack   the stack a G starts on: memory from runtime_stackalloc
                  (goroutines) or the thread's own stack (the main
                  goroutine, g0 of every M).  [g->stacklo, g->stackhi).
     segment      a piece of memory linked below (in call order: after)
                  the base stack when a split-stack prologue finds too
                  little room; a StackSeg header sits at its top.
     guard        the word in the thread control block (TCB) that every
                  split-stack prologue compares sp against
                  (arch.h ARCH_TCB_GUARD); it always describes the stack
                  sp is on, or is poisoned (StackPreempt).
     split        __morestack (arch/ARCH/morestack.S) + runtime_newstack:
                  link a segment, copy the caller's stack arguments, run
                  the rest of the function there; its return unlinks the
                  segment (runtime_oldstack).

   Layout of a segment (addresses grow to the right; the stack grows to
   the left, from hdr down to lo):

     lo          guard = lo + StackGuard                 hdr      lo+size
     |<- StackGuard: room for non-split code ->|<- frames |StackSeg|
                 ^ prologues compare sp here              ^ copied args

   Layout of the chain of a G that has split twice:

     base stack  <--prev--  seg A  <--prev--  seg B (g->stackseg)  --next--> spare
     sp0 saved in A->oldsp, sp1 saved in B->oldsp; the spare was seg C,
     unlinked by oldstack and kept for the next split (no page faults,
     no lock on a hot split boundary).

   Sizes, on 386 and amd64, where the runtime's C is split-stack too
   (configure: LIBRUNTIME_SPLIT_C; "Sizes without split-stack C" below
   for the sanitizer build and arm):

   StackSmall = 256: gccgo's prologue for a frame below 256 bytes compares
     sp itself with the guard (r10 = 0 on amd64), so a function may use up
     to 256 bytes below the guard without any check (GCC's
     SPLIT_STACK_AVAILABLE).
   StackGuard = 1 KiB: all that ever runs below the guard.  Every frame
     of Go code and of the runtime's C asks for its room in its
     prologue; what does not is
       - a small frame (StackSmall) and a leaf libc call from it (the
         memory and string functions, system-call wrappers, the vDSO
         clock: tools/splitcalls lists which, each well under 512
         bytes);
       - __morestack's record (MoreFrame and the saved registers, 264
         bytes on amd64) and runtime_newstack with its callees, about
         300 bytes (gcc -fstack-usage), which run with the guard set to
         StackNoCheck, install the real guard as their last step, and
         are never made to split again: a preemption request leaves a
         guard of StackNoCheck alone (runtime_stack_poison; M.insplit
         catches what else might);
       - the signal handlers, which run on the signal stack and set the
         guard to StackNoCheck while they do.
     Worst case 256 + 264 + 300 bytes: under 1 KiB.  A poisoned guard
     (preemption) is served by a yield from runtime_newstack only when
     __morestack's record is YieldRoom (1 KiB) above the guard, so that
     the yield's calls need no split; nearer the guard the split is
     made first and the function's next call yields.
   StackMin = 2 KiB: the first segment of a goroutine, its G on top (288
     bytes on amd64) and StackGuard at the bottom, which leaves 736 bytes
     for Go frames before the first split.  A parked goroutine's frames
     take 272 (a chan receive), its wait record (chan.c, a Sudog in the
     parking frame) included, so a blocked goroutine costs its 2 KiB and
     nothing else: two share a page (gc Go: 2 KiB stacks and a g apart).
     Segments are carved from 1 MiB chunks without guard pages, so
     100,000 goroutines are a few mappings, not 200,000 (vm.max_map_count
     is 65,530).

   Calls out of split-stack C.  Code without split-stack prologues --
   libc, the libgcc unwinder, libffi -- runs below the frame that calls
   it, with only the guard zone under it unless the caller made room.
   The runtime calls what needs more through runtime_callroom, an
   assembly entry (morestack.S) whose prologue asks for STACK_ROOM (16
   KiB, what gold would add to such a caller's request) and leaves it to
   the callee: the unwinder (panics, tracebacks, and _Unwind_Resume,
   which unwind.c defines so that the landing pads of Go code call it
   there), libffi, pthread_create, dl_iterate_phdr.  tools/splitcalls,
   run by the testsuite, fails on any other call from split-stack C to
   code that is not split-stack.  C that others write gets room through
   G.stackroom: a cgo call (syscall.Cgocall) and GoStackRoomBegin
   (include/libruntime.h) raise every split-stack prologue's request by
   STACK_ROOM until CgocallDone or GoStackRoomEnd, the way gold's
   adjustment would for C that calls libc.  Programs are linked with
   -z now (tools/gort): the dynamic linker's lazy binding saves the
   vector registers on the stack at a function's first call, kilobytes
   below whatever frame made it.

   Sizes without split-stack C (arm, with clang-compiled split-stack C
   on fixed stacks; the sanitizer build): the runtime's C and libc run
   below the guard as a whole, so StackGuard is 8 KiB on 64-bit and 7 KiB
   on 32-bit (snprintf("%g %f %e") alone needs 4.6 KiB on amd64, 3.9 KiB
   on arm), 32 KiB under ASan, and StackMin 16 KiB (64 KiB).

   The G on top (split stacks only; fixed stacks keep the G apart, since
   an unguarded one may be overrun from above).  A goroutine's G (proc.c
   malg) is the top StackTopG bytes of its base stack, and g->stackhi
   is the G's own address: the G costs no memory apart from the stack
   its first frames touch anyway.
   StackMax = 1 GB on 64-bit, 250 MB on 32-bit, as Go: the bytes a G's
     frames may use, its base stack and its segments less their guard
     zones and headers; a split beyond it is "stack overflow".
   StackFixed (arches without split stacks): the biggest of the kinds of
     fixed stacks (stack_fixed.c, which explains them): 256 KiB, about
     5,000 Go frames; later goroutines get smaller ones, the latest no
     guard page, so that 100,000 fit a 32-bit address space and the
     kernel's limit of mappings.  */
#ifndef LIBRUNTIME_STACK_H
#define LIBRUNTIME_STACK_H

#include "runtime.h"
#include "stack_asm.h"

/* Whether the runtime's own C is split-stack (configure).  */
#if LIBRUNTIME_SPLIT_C
#define RUNTIME_C_SPLITS 1
#else
#define RUNTIME_C_SPLITS 0
#endif

enum {
  StackSmall = 256,
#if LIBRUNTIME_SANITIZERS
  /* configure --enable-sanitizers: ASan's redzones make the runtime's C
     frames several times larger, and its interceptors run below the
     guard too.  (config.h, not __SANITIZE_ADDRESS__: the C tests that
     include this header are not instrumented.)  */
  StackGuard = 32 << 10,
  StackMinDefault = 64 << 10,
#elif LIBRUNTIME_SPLIT_C
  /* The runtime's C is split-stack (configure): below the guard runs
     only what "Sizes" lists, and goroutines start below a page.  */
  StackGuard = 1 << 10,
  StackMinDefault = 2 << 10,
#else
#if ARCH_PTRSIZE == 8
  StackGuard = 8 << 10,
#else
  StackGuard = 7 << 10,
#endif
  StackMinDefault = 16 << 10,
#endif
  StackFixed = 256 << 10,
};

/* StackTopG: the bytes at the top of a goroutine's base stack that
   hold its G (see "The G on top"), a multiple of 64.  The base stack's
   full size: runtime_stack_basesize.  */
#define StackTopG (((uintptr) sizeof (G) + 63) & ~(uintptr) 63)

static inline uintptr
runtime_stack_basesize (G *gp)
{
  uintptr n = gp->stackhi - gp->stacklo;
  return (uintptr) gp == gp->stackhi ? n + StackTopG : n;
}

/* StackMin: the size of a goroutine's first segment, and of the
   smallest class of the segment cache.  The one knob for it (a torture
   setting may lower it): a power of two of at least 2 * StackGuard, set
   before the first goroutine starts and never again (the cache's
   classes are multiples of it).  stack.c.  */
extern uintptr runtime_stackmin HIDDEN;
#define StackMin runtime_stackmin

#if ARCH_PTRSIZE == 8
#define StackMax ((uintptr) 1000000000)
#else
#define StackMax ((uintptr) 250000000)
#endif

/* StackPreempt: the poisoned guard.  Every sp is below it, so the next
   split-stack prologue enters __morestack, which finds the request
   (m->stackpoison) and yields instead of growing.  */
#define StackPreempt ((uintptr) -1 & ~(uintptr) 0xfff)

/* StackNoCheck: a guard below every sp, so prologues never split (they
   still stop when poisoned).  A G running on a C thread's stack for a
   callback (cgocall.c) uses it: the thread may leave Go, and give the
   G back, in a function that __morestack runs, and no segment may be
   linked then.  */
#define StackNoCheck ((uintptr) 1)

/* StackSeg: header of a split segment, at its top.
   Invariants: lo + size == (uintptr) this + sizeof *this rounded up to
   the page; a segment is either in one G's chain (prev/next) or in the
   free cache (next only); only the M running the G touches its chain,
   and the collector reads it with the world stopped.  */
typedef struct StackSeg StackSeg;
struct StackSeg {
  StackSeg *prev;            /* older segment; NULL: the base stack */
  StackSeg *next;            /* spare newer segment, or free-list link */
  uintptr lo;                /* lowest address of the memory */
  uintptr size;              /* bytes of memory, header included */
  uintptr oldsp;             /* sp on the older stack when linked */
  uintptr frame;             /* __morestack frame that linked it */
};

/* MoreFrame: the record __morestack builds on the old stack before it
   calls runtime_newstack.  Offsets are shared with the assembly as
   MF_* in arch.h and checked in stack.c.  */
typedef struct MoreFrame {
  uintptr framesize;         /* MF_FRAMESIZE: frame the prologue asked for */
  uintptr argsize;           /* MF_ARGSIZE: bytes of stack arguments */
  uintptr args;              /* MF_ARGS: their address on the old stack */
  uintptr pc;                /* MF_PC: return address into the prologue */
  uintptr sp;                /* MF_SP: the function's sp at its entry */
  uintptr frame;             /* MF_FRAME: __morestack's frame pointer,
                                which names this split to oldstack */
} MoreFrame;

/* morestack.S <-> stack.c.  */
void *runtime_newstack (MoreFrame *f) HIDDEN;
void runtime_oldstack (uintptr frame) HIDDEN;
void runtime_morestack_unwind (uintptr frame) HIDDEN;
/* Forget the split in progress (m->morebuf, m->moreargp): newstack,
   the unwinder's cleanup of a split and reflect-call call it once they
   are done, so no M keeps a dead frame's closure or arguments.  */
void runtime_morestate_clear (M *m) HIDDEN;

/* FN (ARG) with STACK_ROOM bytes of stack below: how split-stack C calls
   non-split code that needs more than the guard zone (stack.h "Calls
   out of split-stack C").  Without split stacks a plain call.  */
#if ARCH_HAS_SPLIT_STACK
void *runtime_callroom (void *(*fn) (void *), void *arg) HIDDEN;
#else
static inline void *
runtime_callroom (void *(*fn) (void *), void *arg)
{
  return fn (arg);
}
#endif

/* The TCB guard of the calling thread, or NULL on an arch where no
   compiler reads one (arch.h ARCH_TCB_GUARD 0: arm64, where the word at
   the thread pointer is glibc's dtv and must not be touched).  */
NOSPLIT static inline uintptr *
runtime_guard_slot (void)
{
  if (ARCH_TCB_GUARD == 0)
    return NULL;
  uintptr *p;
#if defined (__x86_64__)
  __asm__ ("movq %%fs:0, %0" : "=r" (p));
#elif defined (__i386__)
  __asm__ ("movl %%gs:0, %0" : "=r" (p));
#elif defined (__arm__)
  __asm__ ("mrc p15, 0, %0, c13, c0, 3" : "=r" (p));
#else
  p = __builtin_thread_pointer ();
#endif
  return (uintptr *) ((char *) p + ARCH_TCB_GUARD);
}

/* Thread start and goroutine switches (contracts.md).  */
void *runtime_stackalloc (uintptr size, uintptr *allocated) HIDDEN;
void runtime_stackfree (void *p, uintptr size) HIDDEN;
void runtime_stack_bounds (G *gp, uintptr *lo, uintptr *hi) HIDDEN;
void runtime_stackguard_install (G *gp) HIDDEN;
void runtime_stack_release (G *gp) HIDDEN;
void runtime_stack_trim (G *gp) HIDDEN;
void runtime_stackinit (G *gp, uintptr sp) HIDDEN;

/* Preemption through the guard.  */
void runtime_stack_poison (M *mp) HIDDEN;
_Bool runtime_preempt_requested (G *gp) HIDDEN;
extern void (*runtime_preempt_hook) (void) HIDDEN;

/* The collector's view: every live range of gp's stack, from its
   saved sp (from the current frame if gp runs on this thread).  */
void runtime_stack_visit (G *gp, void (*visit) (uintptr lo, uintptr hi,
                                                void *arg), void *arg) HIDDEN;
/* The same from SP, an address in gp's current segment (or base
   stack): for the collecting goroutine, whose frames below the
   collector's entry are the collector's own.  */
void runtime_stack_visit_from (G *gp, uintptr sp,
                               void (*visit) (uintptr lo, uintptr hi,
                                              void *arg), void *arg) HIDDEN;

/* The signal handler's question: is a fault at ADDR a stack overflow
   into a guard page?  Reports it as Go does and exits if so.  */
_Bool runtime_stack_fault (uintptr addr) HIDDEN;
void runtime_stack_overflow (uintptr sp) NORETURN HIDDEN;
void runtime_stack_overflow_limit (G *gp, uintptr sp) NORETURN HIDDEN;

/* Fixed stacks (stack_fixed.c; arches without split stacks): kinds,
   guards and the overflow checks of stacks without a guard.
   runtime_stack_switched_out: the scheduler, as a G leaves its M.  */
void *runtime_fixedstack_alloc (uintptr want, uintptr *allocated) HIDDEN;
void runtime_fixedstack_free (void *p, uintptr size) HIDDEN;
uintptr runtime_fixedstack_zone (uintptr size) HIDDEN;
void runtime_fixedstack_check (G *gp, _Bool slow) HIDDEN;
void runtime_stack_switched_out (G *gp) HIDDEN;

/* Zero what lies below the caller's frame on its stack piece (mgc.c
   runtime_gc_clearstack).  */
void runtime_stack_clear_below (void) HIDDEN;

/* Test and tuning knobs.  */
uintptr runtime_stack_inuse (G *gp) HIDDEN;

#endif /* LIBRUNTIME_STACK_H */
