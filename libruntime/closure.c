/* closure.c: calling Go func values from C (the C side of
   arch/ARCH/closure.S).  A C caller writes
       libruntime_funcval_prepare (fv);
       r = ((R (*) (A...)) runtime_closure_call) (args...);
   (include/libruntime.h wraps this as GoCallFuncVal).  The pending word
   is per thread, so concurrent calls from different threads do not
   interfere; it is cleared by the trampoline before the call.  */
#include "runtime.h"

__thread const FuncVal *runtime_closure_pending TLS_IE;

void runtime_closure_call (void) HIDDEN;   /* arch/ARCH/closure.S */

GoClosureEntry
libruntime_funcval_prepare (const GoFuncVal *fv)
{
  runtime_closure_pending = fv;
  return runtime_closure_call;
}
