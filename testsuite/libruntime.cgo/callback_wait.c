/* C side of callback_wait.go: a thread Go did not create calls back
   into Go 200 ms after the program's only cgo call.  */
#include <pthread.h>
#include <time.h>

extern void goDeliver (int);

static void *
later (void *arg)
{
  struct timespec ts = { 0, 200 * 1000 * 1000 };
  nanosleep (&ts, NULL);
  goDeliver ((int) (long) arg);
  return NULL;
}

int
start_later (int v)
{
  pthread_t t;
  return pthread_create (&t, NULL, later, (void *) (long) v);
}
