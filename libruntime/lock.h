/* lock.h: Lock (a mutex for runtime data) and Note (a one-shot event),
   on the OS layer's futexsleep/futexwakeup (lock_futex.c).

   Lock.key: 0 unlocked, 1 locked, 2 locked with sleepers.  A Lock is
   held only for short critical sections and never across a goroutine
   switch; m->locks counts the Locks the M holds.
   Note.key: 0 clear, 1 woken.  One sleeper, one waker per clearing:
   noteclear before use; notewakeup at most once; notesleep returns once
   it has been woken.  */
#ifndef LIBRUNTIME_LOCK_H
#define LIBRUNTIME_LOCK_H

#include "runtime.h"

void runtime_lock (Lock *l) HIDDEN;
void runtime_unlock (Lock *l) HIDDEN;
void runtime_noteclear (Note *n) HIDDEN;
void runtime_notesleep (Note *n) HIDDEN;
void runtime_notewakeup (Note *n) HIDDEN;
/* Sleep at most NS nanoseconds; true if woken.  */
_Bool runtime_notetsleep (Note *n, int64_t ns) HIDDEN;

#endif
