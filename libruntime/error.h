/* error.h: the runtime's Go-visible errors.

   Every error the runtime raises in Go code is a panic with a value of
   one of the runtime's error types, which implement runtime.Error:
     runtime.errorString  Error() is "runtime error: " + the text
     runtime.boundsError  likewise, for index and slice bounds
     runtime.plainError   Error() is the text alone (channel misuse)
   Broken runtime invariants are not errors: they call runtime_throw.  */
#ifndef LIBRUNTIME_ERROR_H
#define LIBRUNTIME_ERROR_H

#include "runtime.h"

void runtime_panicmakeslicelen (void) GOSYM ("runtime.panicmakeslicelen") NORETURN;
void runtime_panicmakeslicecap (void) GOSYM ("runtime.panicmakeslicecap") NORETURN;
/* MSG followed by T's name: "hash of unhashable type []int".  */
void runtime_panic_uncomparable (const char *msg, const Type *t) NORETURN HIDDEN;

/* A failed type assertion (iface.c): a *runtime.TypeAssertionError.  */
void runtime_panic_typeassert (const Type *iface, const Type *have,
                               const Type *want, const String *missing)
  NORETURN HIDDEN;

/* If E's dynamic type has a method NAME of type func() string, call it
   and store the result in *OUT.  For printing panic values.  */
_Bool runtime_call_string_method (Eface e, const char *name, String *out) HIDDEN;

#endif
