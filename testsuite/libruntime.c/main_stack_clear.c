// run

/* main.main starts on a cleared stack: start-up and the package
   initializers ran on the main goroutine's stack first, and the dead
   frames they left where main.main's frame and its callees' go would
   show their words to the conservative scan, for as long as the
   program runs, through slots main.main has not written yet (a 1 MiB
   object stayed alive in finalizer.go on arm).  PROBE's frame, below
   main.main's and run's, is read before anything else is called.  */
#include <stdint.h>
#include "lrt_ctest.h"

enum { Words = 64 };

static void __attribute__ ((noinline))
probe (int *nonzero)
{
  volatile uintptr_t buf[Words];   /* not written: what was there */
  int n = 0;
  for (int i = 0; i < Words; i++)
    n += buf[i] != 0;
  *nonzero = n;
}

static void
run (void)
{
  int nonzero;
  probe (&nonzero);
  if (nonzero != 0)
    fprintf (stderr, "%d of %d words below main.main not cleared\n",
             nonzero, Words);
  CHECK (nonzero == 0);
  fprintf (stderr, "ok\n");
}

LRT_MAIN (run)
