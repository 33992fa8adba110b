/* pthread_wrap.c: __wrap_pthread_create for links made by the stock
   gccgo driver on x86.

   With -fsplit-stack the driver links with --wrap=pthread_create, which
   would pull libgcc's wrapper (and with it libgcc's own split-stack
   segment manager) into the program.  libruntime manages goroutine and
   thread stacks itself, so its wrapper just creates the thread.  The
   reference to __real_pthread_create is weak: without --wrap (the gort
   driver, the shared library) it stays unresolved and the plain
   pthread_create is called.  */
#include <pthread.h>

#include "runtime.h"

extern int __real_pthread_create (pthread_t *, const pthread_attr_t *,
                                  void *(*) (void *), void *)
  __attribute__ ((weak));

int __wrap_pthread_create (pthread_t *, const pthread_attr_t *,
                           void *(*) (void *), void *);

int
__wrap_pthread_create (pthread_t *t, const pthread_attr_t *attr,
                       void *(*fn) (void *), void *arg)
{
  if (__real_pthread_create != NULL)
    return __real_pthread_create (t, attr, fn, arg);
  return pthread_create (t, attr, fn, arg);
}
