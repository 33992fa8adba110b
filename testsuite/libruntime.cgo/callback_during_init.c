/* C side of callback_during_init.go: a thread that calls back into Go
   at once, and a sleep.  */
#include <pthread.h>
#include <time.h>

extern void goReport (void);

static void *
run (void *arg)
{
  (void) arg;
  goReport ();
  return NULL;
}

int
start_now (void)
{
  pthread_t t;
  return pthread_create (&t, NULL, run, NULL);
}

void
sleep_ms (int ms)
{
  struct timespec ts = { 0, ms * 1000L * 1000 };
  nanosleep (&ts, NULL);
}
