/* C side of reflectcall.go: call a Go function given as an interface{}
   (its func type descriptor and func value) with an argument block,
   through the public API.  */
#include "libruntime.h"

void
c_reflectcall (GoEface f, void *args, void *results)
{
  GoReflectCall (f.type, (const GoFuncVal *) f.data, args, results);
}
