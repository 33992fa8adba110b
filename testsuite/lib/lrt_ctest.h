/* lrt_ctest.h: C test programs linked with libruntime.

   libruntime's main() starts the runtime (bootstrap M and G, stack
   guard, ...) and then runs the Go program's __go_init_main and
   main.main.  A C test defines both with LRT_MAIN, so its body runs
   exactly where Go's main.main would: on the main goroutine.  Failures
   print the condition and exit with status 1 (not a Go panic: the
   runtime under test must not judge itself).  */
#ifndef LRT_CTEST_H
#define LRT_CTEST_H

#include <stdio.h>
#include <stdlib.h>

#define LRT_MAIN(fn)                                                    \
  void lrt_go_init_main (void) __asm__ ("__go_init_main");             \
  void lrt_go_init_main (void) {}                                       \
  void lrt_main_main (void) __asm__ ("main.main");                      \
  void lrt_main_main (void) { fn (); }

#define CHECK(c)                                                        \
  do {                                                                  \
    if (!(c))                                                           \
      {                                                                 \
        fprintf (stderr, "%s:%d: CHECK failed: %s\n", __FILE__,         \
                 __LINE__, #c);                                         \
        exit (1);                                                       \
      }                                                                 \
  } while (0)

#endif
