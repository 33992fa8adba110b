/* debug.h: the GODEBUG settings, parsed once (debug.c).

   GODEBUG is a comma-separated list of NAME=VALUE.  The settings that
   libruntime knows:
     gctrace=1       a line on stderr per collection (mgc.c)
     gcevery=N       a collection at every N-th allocation, whatever the
                     heap size: every allocation site becomes a point where
                     the collector runs (malloc.c)
     mcacheoff=1     no allocation from a cached span: every small
                     allocation gives its span back to the Central and
                     takes one from the Central lists again (malloc.c)
     stacksegmin=1   every split takes the smallest segment that holds the
                     frame, with no doubling and no spare segment kept, so
                     deep calls split as often as they can (stack.c)
     asyncpreemptoff=1  no forced preemption by signal (sigpreempt.c):
                     call-free loops then block collections, as in Go
   Unknown names are ignored, as Go does.  The torture configurations
   (tools/torture) run the testsuite under each.  */
#ifndef LIBRUNTIME_DEBUG_H
#define LIBRUNTIME_DEBUG_H

#include "runtime.h"

/* Written by runtime_debuginit before any goroutine or thread exists,
   read-only after.  */
typedef struct DebugVars {
  int32_t gctrace;
  int32_t gcevery;
  int32_t mcacheoff;
  int32_t stacksegmin;
  int32_t asyncpreemptoff;
} DebugVars;

extern DebugVars runtime_debug HIDDEN;

/* Parse GODEBUG into runtime_debug; idempotent, so every early entry
   point (main, the first allocation) may call it.  */
void runtime_debuginit (void) HIDDEN;

#endif
