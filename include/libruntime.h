/* libruntime.h: the public C API of libruntime.

   Go values as C sees them when a C host or C test code talks to Go code
   compiled by gccgo-12 and linked with libruntime.  Every layout here is the
   one gccgo-12 uses (see docs/ and the ABI notes); a Go int is pointer
   sized on every target, so it is GoInt here, never C int.  */

#ifndef LIBRUNTIME_H
#define LIBRUNTIME_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef intptr_t GoInt;     /* Go int and int-sized counts.  */
typedef uintptr_t GoUint;   /* Go uint and uintptr.  */

/* A Go string: len bytes at str, not NUL-terminated, immutable.  */
typedef struct GoString {
  const uint8_t *str;
  GoInt len;
} GoString;

/* A Go slice: len elements in use of cap allocated at array.  */
typedef struct GoSlice {
  void *array;
  GoInt len;
  GoInt cap;
} GoSlice;

struct GoType;              /* A type descriptor; opaque to C hosts.  */

/* interface{}: the dynamic type (NULL for nil) and the data word.  */
typedef struct GoEface {
  const struct GoType *type;
  void *data;
} GoEface;

/* A non-empty interface: tab[0] is the dynamic type, tab[1+i] the code of
   the i-th method in sorted order; NULL tab is the nil interface.  */
typedef struct GoIface {
  void *const *tab;
  void *data;
} GoIface;

/* A func value points at a block whose first word is the code address;
   a closure's captured variables follow.  Call it with the block's
   address in the static chain register.  */
typedef struct GoFuncVal {
  void (*code)(void);
} GoFuncVal;

/* Calling a Go func value from C.  The callee needs the func value in the
   static chain register, which C cannot set; runtime_closure_call is an
   assembly entry that takes it from a per-thread word and jumps to the
   code with the caller's arguments untouched; libruntime_funcval_prepare
   stores FV there and returns that entry.  FTYPE is the C function
   pointer type of the Go function, e.g. GoInt (*)(GoInt, GoString):

     GoInt n = GoCallFuncVal (GoInt (*) (GoInt, GoString), fv, 3, s);  */
typedef void (*GoClosureEntry) (void);
GoClosureEntry libruntime_funcval_prepare (const GoFuncVal *fv);
#define GoCallFuncVal(FTYPE, fv, ...) \
  (((FTYPE) libruntime_funcval_prepare (fv)) (__VA_ARGS__))

#ifdef __cplusplus
}
#endif

#endif /* LIBRUNTIME_H */
