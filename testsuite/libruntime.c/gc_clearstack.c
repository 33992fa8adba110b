// run

/* White-box test of runtime_gc_clearstack (mgc.c): a frame its caller
   makes right after it finds no stale word among the slots it never
   writes, in every build.  runtime_gc and the finalizer goroutine call
   it right before the frames the conservative scan then reads
   (gc_body's, the parked finalizer goroutine's): a stale word there
   keeps whatever a dead frame left alive.  In the ASan build its frame
   once put the buffer between redzones and left the 144 bytes next to
   the caller dirty (morebuf_gc.go's reflect-call object stayed alive).

   The stack below this frame is filled with a pattern, then cleared;
   then a probe frame counts the pattern words among its unwritten
   slots.  The same probe right after the fill must see the pattern: it
   proves the frames line up (no stack split in between).  */
#include <stdint.h>
#include "lrt_ctest.h"
#include "runtime.h"
#include "malloc.h"
#include "stack.h"

#define PATTERN ((uintptr) 0x5a5a5a5a5a5a5a5aULL)

/* The probe stays well inside what is cleared: 256 words.  */
enum { FillBytes = 4096, ProbeBytes = 512 };

static void __attribute__ ((noinline))
fill (void)
{
  volatile uintptr buf[FillBytes / sizeof (uintptr)];
  for (unsigned i = 0; i < FillBytes / sizeof (uintptr); i++)
    buf[i] = PATTERN;
}

/* The pattern words among this frame's slots, which nothing writes:
   they hold what the stack held (the empty asm tells the compiler they
   may have been written, so it reads them).  */
static int __attribute__ ((noinline))
stale_slots (void)
{
  uintptr slots[ProbeBytes / sizeof (uintptr)];
  __asm__ volatile ("" : : "r" (slots) : "memory");
  int n = 0;
  for (unsigned i = 0; i < ProbeBytes / sizeof (uintptr); i++)
    if (((volatile uintptr *) slots)[i] == PATTERN)
      n++;
  return n;
}

/* Run through runtime_callroom, as the runtime's callers do: the fill,
   the clearing and the probe then share one stack piece (with split
   stacks a 4 KiB frame would otherwise split to another segment).  */
static void *
probe (void *arg)
{
  fill ();
  int n = stale_slots ();
  if (n < 32)
    fprintf (stderr, "the probe saw %d pattern words after the fill\n", n);
  CHECK (n >= 32);
  fill ();
  runtime_gc_clearstack ();
  n = stale_slots ();
  if (n != 0)
    fprintf (stderr, "the probe saw %d pattern words after clearstack\n", n);
  CHECK (n == 0);
  return arg;
}

static void
test (void)
{
#if RUNTIME_C_SPLITS
  runtime_callroom (probe, NULL);
#else
  probe (NULL);
#endif
  printf ("ok\n");
  fflush (stdout);
}

LRT_MAIN (test)
