/* C side of enter_go.go: what a C thread does to run Go code it holds
   as func values, through the public API: GoEnter, calls, GoLeave.  */
#include <pthread.h>

#include "libruntime.h"

typedef struct { const void *type; void *data; } eface;

static eface fn_square, fn_note;
static long results[8];

static void *
run (void *arg)
{
  long id = (long) arg;
  GoEnter ();
  GoInt sq = GoCallFuncVal (GoInt (*) (GoInt), (const GoFuncVal *) fn_square.data, id);
  struct { GoInt a; } args = { sq };
  GoInt r;
  GoReflectCall (fn_note.type, (const GoFuncVal *) fn_note.data, &args, &r);
  GoLeave ();
  results[id] = r;
  return NULL;
}

long
c_enter_threads (eface square, eface note, int n)
{
  pthread_t t[8];
  fn_square = square;
  fn_note = note;
  for (long i = 0; i < n; i++)
    pthread_create (&t[i], NULL, run, (void *) i);
  long sum = 0;
  for (int i = 0; i < n; i++)
    {
      pthread_join (t[i], NULL);
      sum += results[i];
    }
  return sum;
}
