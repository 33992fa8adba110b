// run
// exitcode: 2
// output: prefix

/* A fault while the world is stopped is a fatal error, as in Go, not a
   panic of the goroutine that stopped it: the collector runs on the
   allocating goroutine, and a run-time panic there (a bad segment
   chain met by the stack scan, under tools/torture's knobs) was
   reported as a nil dereference in that goroutine's Go code, its
   trace naming a Go line.  The faulting function is named like the
   runtime's own, so that gosignal.c does not take it for foreign C:
   only the stopped world may make the fault fatal.  */
#include "lrt_ctest.h"
#include "runtime.h"
#include "proc.h"

__attribute__ ((noinline)) void
runtime_test_fault_stopped (volatile int *p)
{
  runtime_stopTheWorld ("test");
  *p = 1;
  runtime_startTheWorld ();
}

static void
test (void)
{
  runtime_test_fault_stopped ((volatile int *) 0);
  fprintf (stderr, "no fault\n");
}

LRT_MAIN (test)
