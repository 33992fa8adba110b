/* lock_futex.c: Lock and Note (lock.h) on futexes.  */
#include "runtime.h"
#include "lock.h"
#include "atomic.h"
#include "os.h"

enum { Unlocked = 0, Locked = 1, Sleeping = 2, ActiveSpin = 4, PassiveSpin = 1 };

void
runtime_lock (Lock *l)
{
  M *m = runtime_m ();
  if (m != NULL)
    m->locks++;
  uint32_t v = runtime_xchg32 (&l->key, Locked);
  if (v == Unlocked)
    return;
  /* Whoever finds the lock free takes it with the state it saw, so that
     sleepers are not forgotten.  */
  uint32_t wait = v;
  for (;;)
    {
      for (int i = 0; i < ActiveSpin; i++)
        {
          while (runtime_load32_acquire (&l->key) == Unlocked)
            if (runtime_cas32 (&l->key, Unlocked, wait))
              return;
          runtime_spinpause ();
        }
      for (int i = 0; i < PassiveSpin; i++)
        {
          while (runtime_load32_acquire (&l->key) == Unlocked)
            if (runtime_cas32 (&l->key, Unlocked, wait))
              return;
          runtime_osyield_os ();
        }
      v = runtime_xchg32 (&l->key, Sleeping);
      if (v == Unlocked)
        return;
      wait = Sleeping;
      runtime_futexsleep (&l->key, Sleeping, -1);
    }
}

void
runtime_unlock (Lock *l)
{
  uint32_t v = runtime_xchg32 (&l->key, Unlocked);
  if (v == Unlocked)
    runtime_throw ("unlock of unlocked lock");
  if (v == Sleeping)
    runtime_futexwakeup (&l->key, 1);
  M *m = runtime_m ();
  if (m != NULL && --m->locks < 0)
    runtime_throw ("runtime_unlock: lock count");
}

void
runtime_noteclear (Note *n)
{
  n->key = 0;
}

void
runtime_notewakeup (Note *n)
{
  if (runtime_xchg32 (&n->key, 1) != 0)
    runtime_throw ("notewakeup - double wakeup");
  runtime_futexwakeup (&n->key, 1);
}

void
runtime_notesleep (Note *n)
{
  while (runtime_load32_acquire (&n->key) == 0)
    runtime_futexsleep (&n->key, 0, -1);
}

_Bool
runtime_notetsleep (Note *n, int64_t ns)
{
  if (ns < 0)
    {
      runtime_notesleep (n);
      return 1;
    }
  int64_t deadline = runtime_nanotime () + ns;
  while (runtime_load32_acquire (&n->key) == 0)
    {
      int64_t left = deadline - runtime_nanotime ();
      if (left <= 0)
        return 0;
      runtime_futexsleep (&n->key, 0, left);
    }
  return 1;
}
