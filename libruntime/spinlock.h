/* spinlock.h: a lock for the few runtime paths that run before, or
   beneath, the scheduler's own locks (print, the bootstrap allocator).
   Held only for a few instructions; a waiter yields its thread.
   Invariant: the word is 1 while held, 0 while free.  */
#ifndef LIBRUNTIME_SPINLOCK_H
#define LIBRUNTIME_SPINLOCK_H

#include "atomic.h"
#include "os.h"

typedef struct { uint32_t held; } SpinLock;

static inline void
runtime_spinlock (SpinLock *l)
{
  while (!runtime_cas32 (&l->held, 0, 1))
    runtime_osyield_os ();
}

static inline void
runtime_spinunlock (SpinLock *l)
{
  runtime_store32_release (&l->held, 0);
}

#endif
