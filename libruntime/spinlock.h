/* spinlock.h: a lock for the few runtime paths that run before, or
   beneath, the scheduler's own locks (print, the bootstrap allocator).
   Held only for a few instructions; a waiter yields its thread.  The
   holder is never parked by a forced preemption (runtime_nosigpark):
   the collector and the next owner of its P may need the lock.
   Invariant: the word is 1 while held, 0 while free.  */
#ifndef LIBRUNTIME_SPINLOCK_H
#define LIBRUNTIME_SPINLOCK_H

#include "atomic.h"
#include "os.h"
#include "sigpreempt.h"

typedef struct { uint32_t held; } SpinLock;

static inline void
runtime_spinlock (SpinLock *l)
{
  runtime_nosigpark_enter ();
  while (!runtime_cas32 (&l->held, 0, 1))
    runtime_osyield_os ();
}

static inline void
runtime_spinunlock (SpinLock *l)
{
  runtime_store32_release (&l->held, 0);
  runtime_nosigpark_exit ();
}

#endif
