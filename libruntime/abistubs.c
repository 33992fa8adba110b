/* abistubs.c: symbols the stock runtime.gox makes every main object
   reference without ever calling them.

   Compiling any main package against runtime.gox generates local stub
   methods for an unnamed runtime struct embedding runtime.gList; at -O0
   they are kept, so the link needs these four methods although no
   program reaches them.  Reaching one is a broken invariant.  */
#include "runtime.h"

#define UNREACHABLE_METHOD(sym, cname)                \
  void cname (void) GOSYM (sym);                      \
  void cname (void)                                   \
  {                                                   \
    runtime_throw ("unreachable " sym " called");     \
  }

UNREACHABLE_METHOD ("runtime.gList.empty", runtime_gList_empty)
UNREACHABLE_METHOD ("runtime.gList.pop", runtime_gList_pop)
UNREACHABLE_METHOD ("runtime.gList.push", runtime_gList_push)
UNREACHABLE_METHOD ("runtime.gList.pushAll", runtime_gList_pushAll)
