/* mgc_testhelpers.c: a test-only knob that runs the parallel collector
   on plain threads before the scheduler provides helper Ms.

   LIBRUNTIME_GCTEST_PROCS=N (1..MaxGcproc) starts N-1 threads at the
   first collection; each waits for a collection, calls
   runtime_gchelper like a helper M woken by runtime_helpgc, and waits
   again.  Without the variable the collector runs on one proc.  The
   threads never run Go code, so they need no M.

   Invariant: generation counts the collections that asked for help; a
   thread helps once per generation, the one of number cycle.  Both
   guarded by knob_lock.  */
#include <pthread.h>

#include "runtime.h"
#include "malloc.h"

static int32_t knob_procs = -1;
static pthread_mutex_t knob_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t knob_cond = PTHREAD_COND_INITIALIZER;
static uint64_t generation;
static uint32_t cycle;

static void *
knob_thread (void *arg)
{
  uint64_t seen = 0;
  for (;;)
    {
      pthread_mutex_lock (&knob_lock);
      while (generation == seen)
        pthread_cond_wait (&knob_cond, &knob_lock);
      seen = generation;
      uint32_t c = cycle;
      pthread_mutex_unlock (&knob_lock);
      runtime_gchelper (c);
    }
  return arg;
}

int32_t
runtime_gctest_procs (void)
{
  if (knob_procs >= 0)
    return knob_procs;
  String s = runtime_getenv ("LIBRUNTIME_GCTEST_PROCS");
  int32_t n = 0;
  for (intgo i = 0; i < s.len && s.str[i] >= '0' && s.str[i] <= '9'; i++)
    n = n * 10 + (s.str[i] - '0');
  if (n < 1)
    n = 1;
  if (n > MaxGcproc)
    n = MaxGcproc;
  for (int32_t i = 1; i < n; i++)
    {
      pthread_t t;
      if (pthread_create (&t, NULL, knob_thread, NULL) != 0)
        runtime_throw ("gctest: cannot start a helper thread");
    }
  knob_procs = n;
  return n;
}

int32_t
runtime_gctest_helpgc (int32_t nproc, uint32_t c)
{
  if (nproc != knob_procs)
    runtime_throw ("gctest: helpgc with a different proc count");
  pthread_mutex_lock (&knob_lock);
  generation++;
  cycle = c;
  pthread_cond_broadcast (&knob_cond);
  pthread_mutex_unlock (&knob_lock);
  return nproc - 1;
}
