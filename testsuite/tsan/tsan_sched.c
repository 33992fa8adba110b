/* tsan_sched.c: the runtime's locks, notes and run queues from plain
   threads, under ThreadSanitizer (testsuite/tsan/run).

   The runtime's own C is where its memory-ordering bugs would be, and
   TSan cannot follow goroutines (it does not know the stack switches),
   so the pieces that work without goroutines are compiled in here
   (lock_futex.c, runq.c, futex_linux.c) against stubs, and driven from
   pthreads that stand in for Ms:
   - four threads increment a plain counter under one runtime Lock;
   - a note hands a plain value from one thread to another;
   - one owner pushes 200,000 fake Gs through its P's run queue (runqput,
     runnext, runqget; overflow to the global queue under sched.lock)
     while three thieves steal from it (runqsteal) and run what they
     took; every G must be taken exactly once.
   TSan reports any data race; the checks report anything lost.  */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../../libruntime/lock_futex.c"
#include "../../libruntime/runq.c"
#include "../../os/linux/futex_linux.c"

#include "../lib/lrt_ctest.h"   /* CHECK */

__thread G *runtime_g_tls;
__thread M *runtime_m_tls;
Sched runtime_sched;
int32_t runtime_gomaxprocs = 4;

void
runtime_throw (const char *s)
{
  fprintf (stderr, "fatal error: %s\n", s);
  abort ();
}

void
runtime_osyield_os (void)
{
  sched_yield ();
}

int64_t
runtime_nanotime (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

void
runtime_prints (const char *s)
{
  fputs (s, stderr);
}

void
runtime_printint (int64_t v)
{
  fprintf (stderr, "%lld", (long long) v);
}

static void
as_m (void)
{
  runtime_m_tls = calloc (1, sizeof (M));
}

/* ---- Lock.  */

enum { LockThreads = 4, LockRounds = 50000 };
static Lock counter_lock;
static long counter;

static void *
locker (void *arg)
{
  (void) arg;
  as_m ();
  for (int i = 0; i < LockRounds; i++)
    {
      runtime_lock (&counter_lock);
      counter++;
      runtime_unlock (&counter_lock);
    }
  CHECK (runtime_m ()->locks == 0);
  return NULL;
}

/* ---- Note.  */

static Note handoff;
static long handed;

static void *
note_sender (void *arg)
{
  (void) arg;
  handed = 42;
  runtime_notewakeup (&handoff);
  return NULL;
}

/* ---- Run queues.  */

enum { Gs = 200000, Thieves = 3 };
static G *gs;
static uint8_t taken[Gs];      /* atomic */
static uint32_t ntaken;        /* atomic */
static P owner_p, thief_p[Thieves];

static void
run (G *gp)
{
  CHECK (gp >= gs && gp < gs + Gs);
  CHECK (__atomic_fetch_add (&taken[gp - gs], 1, __ATOMIC_RELAXED) == 0);
  __atomic_fetch_add (&ntaken, 1, __ATOMIC_RELAXED);
}

static void *
owner (void *arg)
{
  (void) arg;
  as_m ();
  runtime_m ()->p = &owner_p;
  for (int i = 0; i < Gs; i++)
    {
      runtime_runqput (&owner_p, &gs[i], i % 3 == 0);
      if (i % 4 == 0)
        {
          G *gp = runtime_runqget (&owner_p, NULL);
          if (gp != NULL)
            run (gp);
        }
    }
  for (;;)
    {
      G *gp = runtime_runqget (&owner_p, NULL);
      if (gp == NULL)
        {
          runtime_lock (&runtime_sched.lock);
          gp = runtime_globrunqget (&owner_p, 0);
          runtime_unlock (&runtime_sched.lock);
        }
      if (gp == NULL)
        break;
      run (gp);
    }
  return NULL;
}

static uint32_t owner_done;    /* atomic */

static void *
thief (void *arg)
{
  P *p = arg;
  as_m ();
  runtime_m ()->p = p;
  while (!__atomic_load_n (&owner_done, __ATOMIC_ACQUIRE))
    {
      G *gp = runtime_runqsteal (p, &owner_p, 1);
      if (gp == NULL)
        {
          sched_yield ();
          continue;
        }
      run (gp);
      while ((gp = runtime_runqget (p, NULL)) != NULL)
        run (gp);
    }
  G *gp;
  while ((gp = runtime_runqget (p, NULL)) != NULL)
    run (gp);
  return NULL;
}

int
main (void)
{
  as_m ();
  pthread_t t[LockThreads + Thieves + 1];
  for (int i = 0; i < LockThreads; i++)
    CHECK (pthread_create (&t[i], NULL, locker, NULL) == 0);
  for (int i = 0; i < LockThreads; i++)
    pthread_join (t[i], NULL);
  CHECK (counter == (long) LockThreads * LockRounds);
  printf ("PASS: lock: %d threads x %d rounds\n", LockThreads, LockRounds);

  runtime_noteclear (&handoff);
  CHECK (pthread_create (&t[0], NULL, note_sender, NULL) == 0);
  runtime_notesleep (&handoff);
  CHECK (handed == 42);
  pthread_join (t[0], NULL);
  printf ("PASS: note hands a value over\n");

  gs = calloc (Gs, sizeof (G));
  for (int i = 0; i < Thieves; i++)
    CHECK (pthread_create (&t[i], NULL, thief, &thief_p[i]) == 0);
  CHECK (pthread_create (&t[Thieves], NULL, owner, NULL) == 0);
  pthread_join (t[Thieves], NULL);
  __atomic_store_n (&owner_done, 1, __ATOMIC_RELEASE);
  for (int i = 0; i < Thieves; i++)
    pthread_join (t[i], NULL);
  /* The owner drained the global queue last, but a thief may have put
     back nothing: what is left anywhere is lost.  */
  CHECK (runtime_sched.runqsize == 0);
  CHECK (ntaken == Gs);
  for (int i = 0; i < Gs; i++)
    CHECK (taken[i] == 1);
  printf ("PASS: run queues: %d Gs, %d thieves, each G once\n", Gs, Thieves);
  return 0;
}
