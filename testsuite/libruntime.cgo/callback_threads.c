/* C side of callback_threads.go and callback_stress.go: threads Go did
   not create call an exported Go function ITERS times each and add up
   what it returns.  */
#include <pthread.h>
#include <stdlib.h>

extern long goWork (int thread, int iter);

enum { MaxThreads = 64 };
static pthread_t threads[MaxThreads];
static long sums[MaxThreads];
static int nthreads, iters;

static void *
run (void *arg)
{
  int id = (int) (long) arg;
  long sum = 0;
  for (int i = 0; i < iters; i++)
    sum += goWork (id, i);
  sums[id] = sum;
  return NULL;
}

int
start_threads (int n, int k)
{
  if (n > MaxThreads)
    return -1;
  nthreads = n;
  iters = k;
  for (int i = 0; i < n; i++)
    if (pthread_create (&threads[i], NULL, run, (void *) (long) i) != 0)
      return -1;
  return 0;
}

/* Wait for every thread; the sum of their sums.  */
long
join_threads (void)
{
  long total = 0;
  for (int i = 0; i < nthreads; i++)
    {
      pthread_join (threads[i], NULL);
      total += sums[i];
    }
  return total;
}
