/* C side of c_frame_panic.go: a C frame, built with -fexceptions,
   between a Go caller that recovers and a Go callee that panics.  */
#include "libruntime.h"

static volatile int c_after_call;

GoInt
c_call_go (const GoFuncVal *f, GoInt x)
{
  GoInt r = GoCallFuncVal (GoInt (*) (GoInt), f, x);
  c_after_call = (int) x;      /* not reached when f panics */
  return r + 1;
}

GoInt
c_reached_after (void)
{
  return c_after_call;
}
