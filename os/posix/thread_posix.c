/* os/posix/thread_posix.c: threads (os.h) with pthreads; shared by the
   linux and posix layers.  Threads are detached: an M never exits while
   the program runs.  */
#define _GNU_SOURCE 1              /* pthread_getattr_np */
#include <pthread.h>

#include "os.h"
#include "stack.h"
#include "gosignal.h"

enum { ThreadStack = 8 << 20 };   /* g0 stacks: address space, not RSS */

typedef struct NewThread {
  void *(*fn) (void *);
  void *arg;
  int err;
} NewThread;

static void *
newosproc_thunk (void *arg)
{
  NewThread *nt = arg;
  pthread_attr_t attr;
  pthread_t t;
  pthread_attr_init (&attr);
  pthread_attr_setdetachstate (&attr, PTHREAD_CREATE_DETACHED);
  pthread_attr_setstacksize (&attr, ThreadStack);
  nt->err = pthread_create (&t, &attr, nt->fn, nt->arg);
  pthread_attr_destroy (&attr);
  return NULL;
}

/* Any G may start an M (wakep): pthread_create runs with room.  */
int
runtime_newosproc (void *(*fn) (void *), void *arg)
{
  NewThread nt = { fn, arg, 0 };
  runtime_callroom (newosproc_thunk, &nt);
  return nt.err;
}

uintptr
runtime_osthread_self (void)
{
  return (uintptr) pthread_self ();
}

/* Per-thread set-up: the signal stack.  */
void
runtime_minit (void)
{
  M *m = runtime_m ();
  if (m != NULL)
    m->osthread = runtime_osthread_self ();    /* runtime_signalM */
  runtime_signalstack ();
}

/* pthread_getattr_np is a GNU extension (glibc, musl, bionic); where it
   is missing the caller falls back on what it knows.  */
int
runtime_threadstack (uintptr *lo, uintptr *hi)
{
#if defined (__GLIBC__) || defined (__linux__)
  pthread_attr_t attr;
  void *addr;
  size_t size;
  if (pthread_getattr_np (pthread_self (), &attr) != 0)
    return -1;
  int err = pthread_attr_getstack (&attr, &addr, &size);
  pthread_attr_destroy (&attr);
  if (err != 0)
    return -1;
  *lo = (uintptr) addr;
  *hi = (uintptr) addr + size;
  return 0;
#else
  (void) lo;
  (void) hi;
  return -1;
#endif
}
