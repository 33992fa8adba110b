/* os/posix/futex_posix.c: runtime_futexsleep/futexwakeup (os.h) built
   from POSIX mutexes and condition variables, for systems without
   futexes.  Words hash to one of a fixed set of buckets; a sleeper
   checks the word under its bucket's mutex, so a wake-up between the
   check and the wait cannot be lost, and wakers broadcast (sleepers
   recheck their word: spurious wake-ups are allowed by the contract).  */
#include <pthread.h>
#include <time.h>

#include "os.h"

enum { NBuckets = 64 };

static struct bucket {
  pthread_mutex_t mu;
  pthread_cond_t cv;
} buckets[NBuckets];
static pthread_once_t buckets_once = PTHREAD_ONCE_INIT;

static void
buckets_init (void)
{
  pthread_condattr_t a;
  pthread_condattr_init (&a);
  pthread_condattr_setclock (&a, CLOCK_MONOTONIC);
  for (int i = 0; i < NBuckets; i++)
    {
      pthread_mutex_init (&buckets[i].mu, NULL);
      pthread_cond_init (&buckets[i].cv, &a);
    }
}

static struct bucket *
bucket_of (uint32_t *addr)
{
  pthread_once (&buckets_once, buckets_init);
  return &buckets[((uintptr) addr >> 2) % NBuckets];
}

void
runtime_futexsleep (uint32_t *addr, uint32_t val, int64_t ns)
{
  struct bucket *b = bucket_of (addr);
  pthread_mutex_lock (&b->mu);
  if (__atomic_load_n (addr, __ATOMIC_ACQUIRE) == val)
    {
      if (ns < 0)
        pthread_cond_wait (&b->cv, &b->mu);
      else
        {
          struct timespec ts;
          clock_gettime (CLOCK_MONOTONIC, &ts);
          int64_t t = ts.tv_nsec + ns;
          ts.tv_sec += t / 1000000000;
          ts.tv_nsec = t % 1000000000;
          pthread_cond_timedwait (&b->cv, &b->mu, &ts);
        }
    }
  pthread_mutex_unlock (&b->mu);
}

void
runtime_futexwakeup (uint32_t *addr, uint32_t cnt)
{
  (void) cnt;
  struct bucket *b = bucket_of (addr);
  pthread_mutex_lock (&b->mu);
  pthread_cond_broadcast (&b->cv);
  pthread_mutex_unlock (&b->mu);
}
