/* sanitizer.h: what the runtime tells AddressSanitizer (configure
   --enable-sanitizers; everything here is empty otherwise).

   ASan keeps, per thread, the bounds of the stack it runs on, and
   shadow memory marking the redzones of the instrumented C frames on
   it.  Goroutines break both assumptions, so:
   - every switch between a G and its M's g0 is announced as a fiber
     switch: runtime_san_switch_to before runtime_gogo / runtime_mcall,
     runtime_san_switched after landing (goentry, the return of
     runtime_mcall, g0_dispatch).  Then __asan_handle_no_return (which
     GCC calls before every noreturn call: runtime_throw, runtime_gogo)
     clears the right stack instead of warning;
   - a stack handed to a new goroutine or split segment is unpoisoned
     first: frames of a goroutine that exited never returned, and their
     redzones would otherwise stay poisoned for the next owner.
   Fake stacks (detect_stack_use_after_return) are not supported: the
   switches pass no fake-stack save slot, so tools/torture runs with
   ASAN_OPTIONS=detect_stack_use_after_return=0 (GCC 12's default).
   A G moving between the segments of its split stack is announced too
   (runtime_san_stack_moved, stack.c), and a switch to a G names the
   segment it runs on (runtime_stack_bounds).  */
#ifndef LIBRUNTIME_SANITIZER_H
#define LIBRUNTIME_SANITIZER_H

#include "runtime.h"
#include "stack.h"

/* On a function that reads memory ASan poisons on purpose (the
   collector scanning stacks word by word, redzones included).  */
#define NO_SANITIZE_ADDRESS __attribute__ ((no_sanitize_address))

/* On a function whose frame must be laid out as in the plain build:
   neither sanitizer's instrumentation (UBSan's bounds checks left 12
   bytes of padding in runtime_gc_clearstack's frame on 386, which it
   never cleared).  */
#define NO_SANITIZE __attribute__ ((no_sanitize ("address", "undefined")))

#if defined (__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#include <sanitizer/asan_interface.h>

static inline void
runtime_san_switch_to (uintptr lo, uintptr hi)
{
  __sanitizer_start_switch_fiber (NULL, (const void *) lo, (size_t) (hi - lo));
}

/* Before runtime_gogo (gp): the segment (or base stack) it runs on.  */
static inline void
runtime_san_switch_to_g (G *gp)
{
  uintptr lo, hi;
  runtime_stack_bounds (gp, &lo, &hi);
  runtime_san_switch_to (lo, hi);
}

static inline void
runtime_san_switched (void)
{
  __sanitizer_finish_switch_fiber (NULL, NULL, NULL);
}

/* The running G moved to another segment of its own stack (a split or
   its return): no switch to straddle, the bounds change at once.  */
static inline void
runtime_san_stack_moved (uintptr lo, uintptr hi)
{
  __sanitizer_start_switch_fiber (NULL, (const void *) lo, (size_t) (hi - lo));
  __sanitizer_finish_switch_fiber (NULL, NULL, NULL);
}

static inline void
runtime_san_unpoison (uintptr lo, uintptr size)
{
  __asan_unpoison_memory_region ((const void *) lo, (size_t) size);
}
#else
static inline void runtime_san_switch_to (uintptr lo, uintptr hi) { (void) lo; (void) hi; }
static inline void runtime_san_switch_to_g (G *gp) { (void) gp; }
static inline void runtime_san_switched (void) {}
static inline void runtime_san_stack_moved (uintptr lo, uintptr hi) { (void) lo; (void) hi; }
static inline void runtime_san_unpoison (uintptr lo, uintptr size) { (void) lo; (void) size; }
#endif

#endif
