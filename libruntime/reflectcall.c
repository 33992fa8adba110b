/* reflectcall.c: call a Go function described only by its FuncType.

   runtime_reflectcall (ft, fn, params, results) calls the func value FN
   of type FT with PARAMS[i] pointing at the i-th argument, and copies
   the results, laid out as a struct of FT's result types, to RESULTS
   (NULL: dropped).  A Go function is a C function with the platform
   convention for the equivalent C types (ABI doc, introduction), so
   libffi describes it: each Go type maps to an ffi_type (scalars to
   scalars; strings, slices, interfaces, arrays and structs to ffi
   structs of their parts), several results to one struct.  The func
   value goes in the static chain register through ffi_call_go, which
   is what closures read their captured variables from.

   ffi_types and cifs are built once per Type and FuncType and kept (the
   number of distinct types a program calls this way is small): a
   cache of descriptors, guarded by cachelock, in runtime-owned memory
   that never moves.  */
#include <ffi.h>

#include "runtime.h"
#include "malloc.h"
#include "stack.h"

#if !FFI_GO_CLOSURES
#error "libffi without ffi_call_go: reflect-call needs FFI_GO_CLOSURES"
#endif

void runtime_reflectcall (const FuncType *ft, const FuncVal *fn,
                          void **params, void *results) HIDDEN;
ffi_cif *runtime_ffi_cif (const FuncType *ft) HIDDEN;

typedef struct TypeCache {
  const void *key;             /* Type or FuncType */
  void *val;                   /* ffi_type or ffi_cif */
} TypeCache;

enum { CacheSize = 512 };
static TypeCache cache[CacheSize];
static SpinLock cachelock;

static void *
cache_get (const void *key)
{
  uintptr h = ((uintptr) key >> 3) % CacheSize;
  for (uintptr i = 0; i < CacheSize; i++, h = (h + 1) % CacheSize)
    {
      if (cache[h].key == key)
        return cache[h].val;
      if (cache[h].key == NULL)
        return NULL;
    }
  return NULL;
}

static void
cache_put (const void *key, void *val)
{
  uintptr h = ((uintptr) key >> 3) % CacheSize;
  for (uintptr i = 0; i < CacheSize; i++, h = (h + 1) % CacheSize)
    if (cache[h].key == NULL || cache[h].key == key)
      {
        cache[h].key = key;
        cache[h].val = val;
        return;
      }
  /* A full cache only costs rebuilding descriptors next time.  */
}

static ffi_type *go_ffi_type (const Type *t);

/* An ffi struct of N members, filled by the caller.  */
static ffi_type *
ffi_struct (uintptr n)
{
  ffi_type *s = runtime_persistentalloc (sizeof *s);
  ffi_type **elems = runtime_persistentalloc ((n + 1) * sizeof *elems);
  s->size = 0;
  s->alignment = 0;
  s->type = FFI_TYPE_STRUCT;
  s->elements = elems;
  elems[n] = NULL;
  return s;
}

static ffi_type *
words (uintptr n)
{
  ffi_type *s = ffi_struct (n);
  for (uintptr i = 0; i < n; i++)
    s->elements[i] = &ffi_type_pointer;
  return s;
}

#ifndef FFI_TARGET_HAS_COMPLEX_TYPE
static ffi_type *
pair (ffi_type *e)
{
  ffi_type *s = ffi_struct (2);
  s->elements[0] = s->elements[1] = e;
  return s;
}
#endif

static ffi_type *
composite (const Type *t)
{
  if (type_kind (t) == KindArray)
    {
      const ArrayType *a = (const ArrayType *) t;
      ffi_type *s = ffi_struct (a->len);
      for (uintptr i = 0; i < a->len; i++)
        s->elements[i] = go_ffi_type (a->elem);
      return s;
    }
  const StructType *st = (const StructType *) t;
  uintptr n = 0;
  for (intgo i = 0; i < st->fields.len; i++)
    n += st->fields.array[i].typ->size != 0;
  ffi_type *s = ffi_struct (n);
  n = 0;
  for (intgo i = 0; i < st->fields.len; i++)
    if (st->fields.array[i].typ->size != 0)
      s->elements[n++] = go_ffi_type (st->fields.array[i].typ);
  return s;
}

static ffi_type *
int_type (uintptr size, _Bool sign)
{
  switch (size)
    {
    case 1: return sign ? &ffi_type_sint8 : &ffi_type_uint8;
    case 2: return sign ? &ffi_type_sint16 : &ffi_type_uint16;
    case 4: return sign ? &ffi_type_sint32 : &ffi_type_uint32;
    default: return sign ? &ffi_type_sint64 : &ffi_type_uint64;
    }
}

static ffi_type *
build (const Type *t)
{
  switch (type_kind (t))
    {
    case KindBool: case KindUint8: case KindUint16: case KindUint32:
    case KindUint64: case KindUint: case KindUintptr:
      return int_type (t->size, 0);
    case KindInt8: case KindInt16: case KindInt32: case KindInt64:
    case KindInt:
      return int_type (t->size, 1);
    case KindFloat32: return &ffi_type_float;
    case KindFloat64: return &ffi_type_double;
#ifdef FFI_TARGET_HAS_COMPLEX_TYPE
    /* Not a pair of floats: 386 returns _Complex in registers and a
       struct in memory.  */
    case KindComplex64: return &ffi_type_complex_float;
    case KindComplex128: return &ffi_type_complex_double;
#else
    case KindComplex64: return pair (&ffi_type_float);
    case KindComplex128: return pair (&ffi_type_double);
#endif
    case KindChan: case KindFunc: case KindMap: case KindPtr:
    case KindUnsafePointer:
      return &ffi_type_pointer;
    case KindString: case KindInterface:
      return words (2);
    case KindSlice:
      return words (3);
    case KindArray: case KindStruct:
      return composite (t);
    default:
      runtime_throw ("reflectcall: unknown kind");
    }
}

static ffi_type *
go_ffi_type (const Type *t)
{
  if (t->size == 0)
    runtime_throw ("reflectcall: zero-size argument or result");
  ffi_type *r = cache_get (t);
  if (r == NULL)
    {
      r = build (t);
      cache_put (t, r);
    }
  return r;
}

static ffi_type *
result_type (const FuncType *ft)
{
  if (ft->out.len == 0)
    return &ffi_type_void;
  if (ft->out.len == 1)
    return go_ffi_type (ft->out.array[0]);
  ffi_type *s = ffi_struct ((uintptr) ft->out.len);
  for (intgo i = 0; i < ft->out.len; i++)
    s->elements[i] = go_ffi_type (ft->out.array[i]);
  return s;
}

/* libffi is not split-stack: it runs with room (stack.h).  */
typedef struct PrepCif {
  ffi_cif *cif;
  unsigned n;
  ffi_type *rtype;
  ffi_type **args;
  ffi_status status;
} PrepCif;

static void *
prep_cif_thunk (void *arg)
{
  PrepCif *p = arg;
  p->status = ffi_prep_cif (p->cif, FFI_DEFAULT_ABI, p->n, p->rtype, p->args);
  return NULL;
}

ffi_cif *
runtime_ffi_cif (const FuncType *ft)
{
  runtime_spinlock (&cachelock);
  ffi_cif *cif = cache_get (ft);
  if (cif == NULL)
    {
      uintptr n = (uintptr) ft->in.len;
      ffi_type **args = runtime_persistentalloc ((n + 1) * sizeof *args);
      for (uintptr i = 0; i < n; i++)
        args[i] = go_ffi_type (ft->in.array[i]);
      cif = runtime_persistentalloc (sizeof *cif);
      PrepCif prep = { cif, (unsigned) n, result_type (ft), args, FFI_OK };
      runtime_callroom (prep_cif_thunk, &prep);
      if (prep.status != FFI_OK)
        runtime_throw ("reflectcall: ffi_prep_cif failed");
      cache_put (ft, cif);
    }
  runtime_spinunlock (&cachelock);
  return cif;
}

typedef struct FfiCall {
  ffi_cif *cif;
  const FuncVal *fn;
  void *rvalue;
  void **params;
} FfiCall;

static void *
ffi_call_thunk (void *arg)
{
  FfiCall *c = arg;
  ffi_call_go (c->cif, (void (*) (void)) c->fn->code, c->rvalue, c->params,
               (void *) c->fn);
  return NULL;
}

void
runtime_reflectcall (const FuncType *ft, const FuncVal *fn, void **params,
                     void *results)
{
  ffi_cif *cif = runtime_ffi_cif (ft);
  uintptr rsize = cif->rtype->size;
  if (rsize < sizeof (ffi_arg))
    rsize = sizeof (ffi_arg);
  /* Results land on this stack; big ones on the heap (scanned).  */
  union { ffi_arg a; double d; void *p; char buf[256]; } local;
  void *rvalue = rsize <= sizeof local ? (void *) &local
                                       : runtime_mallocgc (rsize, NULL, 0);
  FfiCall call = { cif, fn, rvalue, params };
  runtime_callroom (ffi_call_thunk, &call);
  /* The callee may have split with PARAMS' block as its arguments, and
     this may be another M than the one that called (the G can move).  */
  runtime_morestate_clear (runtime_m ());
  if (results != NULL && ft->out.len > 0)
    memcpy (results, rvalue, cif->rtype->size);
}

/* ---- The public C API (include/libruntime.h): the arguments laid out
   as a struct of FTYPE's parameter types, the results as a struct of
   its result types, as a C compiler lays out the equivalent structs
   (which is how gccgo lays out Go structs).  */

static uintptr
align_up (uintptr off, uintptr align)
{
  return (off + align - 1) & ~(align - 1);
}

void
GoReflectCall (const struct GoType *functype, const GoFuncVal *fn,
               void *args, void *results)
{
  if (functype == NULL || type_kind (functype) != KindFunc)
    runtime_throw ("GoReflectCall: not a func type descriptor");
  if (fn == NULL)
    runtime_panicmem ();
  const FuncType *ft = (const FuncType *) functype;
  uintptr n = (uintptr) ft->in.len;
  /* No alloca: split-stack C would need libgcc's
     __morestack_allocate_stack_space for it.  The heap block holds
     pointers into ARGS, which the caller keeps alive.  */
  void *few[8];
  void **params = n <= 8 ? few : runtime_mallocgc (n * sizeof *params, NULL, 0);
  uintptr off = 0;
  for (uintptr i = 0; i < n; i++)
    {
      const Type *t = ft->in.array[i];
      off = align_up (off, t->fieldAlign);
      params[i] = (char *) args + off;
      off += t->size;
    }
  runtime_reflectcall (ft, fn, params, results);
}
