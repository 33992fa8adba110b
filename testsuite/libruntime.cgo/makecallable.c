/* C side of makecallable.go: C function pointers made from Go func
   values (GoMakeCallable), called from C on the calling thread -- from
   inside a cgo call and from a plain //extern call -- and from threads
   C creates.  */
#include <pthread.h>
#include <string.h>

#include "libruntime.h"

typedef struct { const void *type; void *data; } eface;

static void *
make (eface f)
{
  return GoMakeCallable ((const struct GoType *) f.type,
                         (const GoFuncVal *) f.data);
}

long
c_add (eface f, long a, long b)
{
  GoInt (*add) (GoInt, GoInt) = make (f);
  GoInt r = add (a, b) + add (1, 1);
  GoFreeCallable ((void *) add);
  return (long) r;
}

struct fs { double x; GoString s; };

/* func(float64, float32, string) (float64, string): returns x*1000 +
   len(s).  */
long
c_multi (eface f)
{
  struct fs (*fn) (double, float, GoString) = make (f);
  GoString in = { (const uint8_t *) "abc", 3 };
  struct fs r = fn (1.5, 0.25f, in);
  GoFreeCallable ((void *) fn);
  return (long) (r.x * 1000) + (long) r.s.len;
}

/* func(int8) int8: small results come back sign-extended.  */
int
c_small (eface f)
{
  int8_t (*fn) (int8_t) = make (f);
  int r = fn (-5);
  GoFreeCallable ((void *) fn);
  return r;
}

/* Threads C creates call one callable at once, ITERS times each.  */
static void (*shared) (GoInt);
static int iters;

static void *
run (void *arg)
{
  for (int i = 0; i < iters; i++)
    shared ((GoInt) (long) arg);
  return NULL;
}

int
c_threads (eface f, int n, int k)
{
  pthread_t t[16];
  shared = make (f);
  iters = k;
  for (int i = 0; i < n; i++)
    pthread_create (&t[i], NULL, run, (void *) (long) (i + 1));
  for (int i = 0; i < n; i++)
    pthread_join (t[i], NULL);
  GoFreeCallable ((void *) shared);
  return 0;
}
