/* C side of callback_spin.go: a thread Go did not create calls a Go
   function that spins without calls and never returns.  */
#include <pthread.h>

extern void goSpin (void);

static void *
spin (void *arg)
{
  goSpin ();
  return arg;
}

int
start_spinner (void)
{
  pthread_t t;
  return pthread_create (&t, NULL, spin, NULL);
}
