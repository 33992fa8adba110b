/* libruntime.h: the public C API of libruntime.

   Go values as C sees them when a C host or C test code talks to Go code
   compiled by gccgo-12 and linked with libruntime.  Every layout here is the
   one gccgo-12 uses (see docs/ and the ABI notes); a Go int is pointer
   sized on every target, so it is GoInt here, never C int.

   Contents:
     1. Go types as C structs (GoString, GoSlice, GoEface, GoIface,
        GoFuncVal).  A Go struct is the C struct of the same members in
        the same order; a Go function is a C function taking the
        parameters in order and returning its one result, or a struct of
        its results when it has several.
     2. Which threads may run Go code, and how a C thread enters Go
        (GoEnter, GoLeave).
     3. Calling a Go func value from C (GoCallFuncVal).
     4. Calling a Go function from its type descriptor and an argument
        block (GoReflectCall).
     5. Making a C function pointer that calls a Go func value
        (GoMakeCallable, GoFreeCallable).

   Type descriptors.  A C host gets the descriptor of a Go function type
   the way Go code hands one over: in an interface.  An interface{}
   holding a func value f is { descriptor of f's type, f } (GoEface), so
   Go code that calls C with `interface{}(f)` gives both.  Through a cgo
   call that works for top-level functions, whose func values are
   constants; a closure is a Go pointer to Go pointers, which cgo's
   pointer checks (GODEBUG=cgocheck) refuse to pass to C, so hand it
   over through a plain //extern function instead.  */

#ifndef LIBRUNTIME_H
#define LIBRUNTIME_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* 1. Go types as C structs.  */
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
   address in the static chain register (section 3 does).  */
typedef struct GoFuncVal {
  void (*code)(void);
} GoFuncVal;

/* 2. Threads.  Go code (and every function below) runs only on a thread
   that is "in Go":
     - a thread running Go code that called C through a plain //extern
       declaration is in Go;
     - a thread inside a cgo call (C.f(...)) is not: the goroutine left
       the scheduler for the call (its P may run other goroutines);
     - a thread C created is not.
   An exported Go function (//export) enters and leaves Go by itself.
   Any other C code that calls Go brackets the calls with GoEnter and
   GoLeave, which nest.  On a thread inside a cgo call they take the
   goroutine back into the scheduler and out again.  On a thread Go did
   not create, GoEnter borrows an extra M (a runtime thread record) and
   a goroutine that runs on the thread's own stack (make that stack big
   enough for the Go code: it does not grow), and GoLeave gives them
   back; the code in between has the whole runtime (allocation,
   channels, goroutines, panics recovered in Go).  A panic must not
   leave the bracketed code.  The extra Ms come from the program's first
   cgo call: a C thread that enters Go before any cgo call ends the
   program with "fatal error: cgo callback before cgo call" (status 1).  */
void GoEnter (void);
void GoLeave (void);

/* 2b. Stack room for code that is not split-stack.  On 386 and amd64 a
   goroutine's stack starts at 2 KiB and grows in segments when a
   split-stack prologue (Go's; C's built with -fsplit-stack, as gort
   builds C) finds too little room.  Code without such prologues --
   libc, libffi, any C built without -fsplit-stack -- runs below the
   frame that called it, in the 1 KiB each segment keeps below its
   guard: enough for memcpy or write, not for printf.  C called through
   a cgo call has room for that: while it runs, every split-stack
   prologue leaves 16 KiB more below its frame.  C reached from Go
   through a plain //extern declaration that calls such code brackets
   it (or itself) with GoStackRoomBegin and GoStackRoomEnd, which nest,
   for the same room; the thread must be in Go.  Where stacks do not
   grow -- a thread C created, arm and arm64 -- they only count.  */
void GoStackRoomBegin (void);
void GoStackRoomEnd (void);

/* 3. Calling a Go func value from C (the thread must be in Go).  The
   callee needs the func value in the static chain register, which C
   cannot set; runtime_closure_call is an assembly entry that takes it
   from a per-thread word and jumps to the code with the caller's
   arguments untouched; libruntime_funcval_prepare stores FV there and
   returns that entry.  FTYPE is the C function
   pointer type of the Go function, e.g. GoInt (*)(GoInt, GoString):

     GoInt n = GoCallFuncVal (GoInt (*) (GoInt, GoString), fv, 3, s);  */
typedef void (*GoClosureEntry) (void);
GoClosureEntry libruntime_funcval_prepare (const GoFuncVal *fv);
#define GoCallFuncVal(FTYPE, fv, ...) \
  (((FTYPE) libruntime_funcval_prepare (fv)) (__VA_ARGS__))

/* 4. Reflect-call (the thread must be in Go).  Calls the func value FN,
   whose type descriptor is FUNCTYPE (a Go func type; methods as method
   values or method expressions, whose receiver is the first
   parameter), with the arguments in ARGS, laid out as a C struct of
   the parameter types in order, and writes the results to RESULTS,
   laid out as a C struct of the result types (NULL: dropped).  Any
   argument and result types: integers, floats, complex, strings,
   slices, interfaces, pointers, maps, channels, funcs, arrays and
   structs; zero-sized ones are not supported.  Through libffi
   (ffi_call_go, which passes FN as the static chain).  E.g. for
   func(int, string) (float64, error):

     struct { GoInt a; GoString b; } args = { 1, s };
     struct { double r; GoIface err; } res;
     GoReflectCall (e.type, (const GoFuncVal *) e.data, &args, &res);  */
void GoReflectCall (const struct GoType *functype, const GoFuncVal *fn,
                    void *args, void *results);

/* 5. Callables made at run time.  GoMakeCallable returns a C function
   pointer that takes the arguments of the Go func type FUNCTYPE the C
   way (section 1) and calls FN with them, through a libffi closure.
   It may be called from any thread: it enters and leaves Go itself, as
   an exported function does.  FN stays alive until GoFreeCallable,
   after which the pointer must not be called.  Cast it to the C type:

     GoInt (*add) (GoInt, GoInt) = GoMakeCallable (e.type, e.data);  */
void *GoMakeCallable (const struct GoType *functype, const GoFuncVal *fn);
void GoFreeCallable (void *code);

#ifdef __cplusplus
}
#endif

#endif /* LIBRUNTIME_H */
