// run

/* White-box test of runtime_gc_clearstack (mgc.c): it zeroes every
   word of the 2 KiB just below its caller's frame, up to the caller's
   sp, in every build.  runtime_gc and the finalizer goroutine call it
   right before the frames the conservative scan then reads (gc_body's,
   the parked finalizer goroutine's): a word it skipped would keep
   whatever a dead frame left there alive.  In the ASan build its frame
   once put the buffer between redzones and left the 144 bytes next to
   the caller dirty (morebuf_gc.go's reflect-call object stayed alive).

   The words below this frame are filled with a pattern, then cleared;
   the pattern must be gone from the 1 KiB below this frame.  A pattern
   that never reached below this frame (a stack split in between) would
   prove nothing: it is looked for after the fill too.  */
#include <stdint.h>
#include "lrt_ctest.h"
#include "runtime.h"
#include "malloc.h"

#define PATTERN ((uintptr) 0x5a5a5a5a5a5a5a5aULL)

enum { FillWords = 512, CheckBytes = 1024 };

static void __attribute__ ((noinline))
fill (void)
{
  volatile uintptr buf[FillWords];
  for (int i = 0; i < FillWords; i++)
    buf[i] = PATTERN;
}

/* Pattern words in the CheckBytes below TOP (an address in the
   caller's frame), read in place: no call may put a frame there.  */
#define COUNT_PATTERN(top, n)                                           \
  do {                                                                  \
    n = 0;                                                              \
    for (uintptr a = (top) - CheckBytes; a < (top); a += sizeof (uintptr)) \
      if (*(volatile uintptr *) a == PATTERN)                           \
        n++;                                                            \
  } while (0)

static void __attribute__ ((noinline))
test (void)
{
  volatile uintptr here = 0;
  uintptr top = (uintptr) &here & ~(uintptr) (sizeof (uintptr) - 1);
  int n;
  fill ();
  COUNT_PATTERN (top, n);
  if (n < 64)
    fprintf (stderr, "fill left %d pattern words below the frame\n", n);
  CHECK (n >= 64);
  fill ();
  runtime_gc_clearstack ();
  COUNT_PATTERN (top, n);
  if (n != 0)
    fprintf (stderr, "%d pattern words below the frame after clearstack\n", n);
  CHECK (n == 0);
  printf ("ok\n");
  fflush (stdout);
}

LRT_MAIN (test)
