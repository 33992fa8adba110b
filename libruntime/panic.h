/* panic.h: defer, panic and recover (ABI doc 4.2).

     G.defer --> Defer --> Defer --> ...   innermost first; stack records
                                           live in the deferring frame,
                                           heap records in P.deferpool
     G.panic --> Panic --> Panic --> ...   innermost first; each lives in
                                           the frame of gopanic / Goexit

   Deferred calls of a panic run on top of the panicking stack: nothing
   is unwound until one of them recovers.  Then unwind.c raises a GNUCGO
   exception; every Go frame with defers catches it in a landing pad
   that calls checkdefer, and the frame whose deferred call recovered
   resumes at its exit path; the others rethrow.

   The collector must treat each G's defer chain (the records and the
   argument blocks they point at) and panic chain as roots.  */
#ifndef LIBRUNTIME_PANIC_H
#define LIBRUNTIME_PANIC_H

#include "runtime.h"

/* The compiler's defer record (ABI 3.13), reserved uninitialised in the
   deferring frame for deferprocStack.  Offsets are the compiler's: do
   not move fields.  */
typedef struct Defer {
  struct Defer *link;        /* next outer record on the G */
  _Bool *frame;              /* frame flag of the deferring function */
  struct Panic *panicStack;  /* G.panic when deferred */
  struct Panic *panic;       /* panic running this call, or NULL */
  uintptr pfn;               /* thunk code; 0 once the call started */
  void *arg;                 /* thunk argument block */
  uintptr retaddr;           /* set by setdeferretaddr */
  _Bool makefunccanrecover;  /* reflect.MakeFunc support (unused) */
  _Bool heap;                /* from deferproc: goes back to the pool */
} Defer;

_Static_assert (sizeof (Defer) == 8 * ARCH_PTRSIZE, "Defer ABI size");

/* A panic in progress.  */
typedef struct Panic {
  struct Panic *link;        /* the panic this one interrupted */
  Eface arg;                 /* panic(arg) */
  _Bool recovered;           /* recover() returned arg */
  _Bool aborted;             /* a newer panic cut its deferred call */
  _Bool goexit;              /* runtime.Goexit: cannot be recovered */
  uintptr deferfn;           /* code of the deferred call it runs now
                                (canrecover, for thunks that record no
                                return address) */
} Panic;

/* defer.c */
void runtime_freedefer (Defer *d) HIDDEN;
void runtime_calldefer (Defer *d, Panic *p) HIDDEN;

/* unwind.c: unwind to the frame whose deferred call recovered.  */
void runtime_unwindstack (void) NORETURN HIDDEN;

#endif
