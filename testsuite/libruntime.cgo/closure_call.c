/* C side of closure_call.go: call Go func values from C.  */
#include "libruntime.h"

GoInt
c_apply (const GoFuncVal *f, GoInt x, GoString s)
{
  return GoCallFuncVal (GoInt (*) (GoInt, GoString), f, x, s) * 2;
}

struct float_int { double a; GoInt b; };

GoInt
c_apply3 (const GoFuncVal *f, double x)
{
  struct float_int r
    = GoCallFuncVal (struct float_int (*) (double, double, double), f, x, x, x);
  return (GoInt) (r.a * 10) + r.b;
}

GoInt
c_apply_many (const GoFuncVal *f)
{
  GoString s = { (const uint8_t *) "xyz", 3 };
  return GoCallFuncVal (GoInt (*) (GoInt, GoInt, GoInt, GoInt, GoInt, GoInt,
                                   GoInt, GoInt, GoString, float),
                        f, 1, 2, 3, 4, 5, 6, 7, 8, s, 42.5f);
}
