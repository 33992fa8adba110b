/* C side of early_callback_thread.go: a constructor starts a thread
   that calls an exported Go function; main waits for it outside cgo.  */
#include <pthread.h>

extern void goEarly (void);

static pthread_t thread;

static void *
run (void *arg)
{
  (void) arg;
  goEarly ();
  return NULL;
}

__attribute__ ((constructor)) static void
start_thread (void)
{
  pthread_create (&thread, NULL, run, NULL);
}

/* Called through //extern, not cgo: not a cgo call.  */
void
join_early_thread (void)
{
  pthread_join (thread, NULL);
}
