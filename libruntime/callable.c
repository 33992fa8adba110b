/* callable.c: C function pointers made at run time that forward to a Go
   func value (reflect.MakeFunc's direction reversed: C calls, Go runs),
   through libffi closures.

   GoMakeCallable (ftype, fn) builds an ffi closure with the cif of
   FTYPE (reflectcall.c: the C signature gccgo gives that Go function
   type) whose handler calls FN through runtime_reflectcall.  The
   handler brackets the call as an exported function's wrapper does
   (cgocall.c GoEnter / GoLeave), so the pointer
   may be called from any thread: from C that Go called through cgo, and
   from threads Go did not create.

   Callable: one per made pointer, in blocks that are GC roots, so the
   func value stays alive while C holds the pointer.  A free one has
   code == NULL and is on the free list through next.  calllock guards
   the blocks, the free list and every Callable's fields; the handler
   reads fn and ft of its own, which do not change while C may call
   the pointer.  */
#include <ffi.h>

#include "runtime.h"
#include "malloc.h"
#include "proc.h"
#include "spinlock.h"
#include "stack.h"

ffi_cif *runtime_ffi_cif (const FuncType *ft) HIDDEN;
void runtime_reflectcall (const FuncType *ft, const FuncVal *fn,
                          void **params, void *results) HIDDEN;

typedef struct Callable Callable;
struct Callable {
  const FuncVal *fn;           /* the Go func value (a root) */
  const FuncType *ft;
  ffi_closure *closure;        /* its writable address */
  void *code;                  /* its executable address; NULL: free */
  Callable *next;              /* free list */
};

enum { BlockSize = 127 };
typedef struct Block {
  struct Block *next;
  Callable c[BlockSize];
} Block;

static SpinLock calllock;
static Block *blocks;          /* every block, newest first */
static Callable *freelist;

static Callable *
callable_get (void)
{
  runtime_spinlock (&calllock);
  if (freelist == NULL)
    {
      Block *b = runtime_persistentalloc (sizeof *b);
      memset (b, 0, sizeof *b);
      for (int i = 0; i < BlockSize; i++)
        {
          b->c[i].next = freelist;
          freelist = &b->c[i];
        }
      b->next = blocks;
      blocks = b;
      runtime_gcroot_add (b, sizeof *b);
    }
  Callable *c = freelist;
  freelist = c->next;
  c->next = NULL;
  runtime_spinunlock (&calllock);
  return c;
}

/* An integer result narrower than ffi_arg is returned widened.  */
static void
widen (const Type *t, void *ret)
{
  ffi_arg *r = ret;
  switch (type_kind (t))
    {
    case KindInt8: *r = (ffi_arg) (ffi_sarg) *(int8_t *) ret; break;
    case KindInt16: *r = (ffi_arg) (ffi_sarg) *(int16_t *) ret; break;
    case KindBool: case KindUint8: *r = *(uint8_t *) ret; break;
    case KindUint16: *r = *(uint16_t *) ret; break;
    case KindInt32:
      if (sizeof (ffi_arg) > 4)
        *r = (ffi_arg) (ffi_sarg) *(int32_t *) ret;
      break;
    case KindUint32:
      if (sizeof (ffi_arg) > 4)
        *r = *(uint32_t *) ret;
      break;
    default:
      break;
    }
}

static void
handler (ffi_cif *cif, void *ret, void **args, void *data)
{
  (void) cif;
  Callable *c = data;
  GoEnter ();
  runtime_reflectcall (c->ft, c->fn, args, ret);
  GoLeave ();
  if (c->ft->out.len == 1 && c->ft->out.array[0]->size < sizeof (ffi_arg))
    widen (c->ft->out.array[0], ret);
}

/* libffi is not split-stack: it runs with room (stack.h).  */
typedef struct NewClosure {
  ffi_cif *cif;
  Callable *c;
  ffi_closure *cl;
  void *code;
  ffi_status status;
} NewClosure;

static void *
new_closure (void *arg)
{
  NewClosure *nc = arg;
  nc->cl = ffi_closure_alloc (sizeof (ffi_closure), &nc->code);
  if (nc->cl != NULL)
    nc->status = ffi_prep_closure_loc (nc->cl, nc->cif, handler, nc->c,
                                       nc->code);
  return NULL;
}

static void *
free_closure (void *cl)
{
  ffi_closure_free (cl);
  return NULL;
}

void *
GoMakeCallable (const struct GoType *functype, const GoFuncVal *fn)
{
  if (functype == NULL || type_kind (functype) != KindFunc)
    runtime_throw ("GoMakeCallable: not a func type descriptor");
  if (fn == NULL)
    runtime_panicmem ();
  const FuncType *ft = (const FuncType *) functype;
  ffi_cif *cif = runtime_ffi_cif (ft);
  Callable *c = callable_get ();
  NewClosure nc = { cif, c, NULL, NULL, FFI_OK };
  runtime_callroom (new_closure, &nc);
  if (nc.cl == NULL)
    runtime_throw ("GoMakeCallable: out of closure memory");
  if (nc.status != FFI_OK)
    runtime_throw ("GoMakeCallable: ffi_prep_closure_loc failed");
  ffi_closure *cl = nc.cl;
  void *code = nc.code;
  runtime_spinlock (&calllock);
  c->fn = fn;
  c->ft = ft;
  c->closure = cl;
  c->code = code;
  runtime_spinunlock (&calllock);
  return code;
}

void
GoFreeCallable (void *code)
{
  if (code == NULL)
    return;
  runtime_spinlock (&calllock);
  Callable *c = NULL;
  for (Block *b = blocks; b != NULL && c == NULL; b = b->next)
    for (int i = 0; i < BlockSize; i++)
      if (b->c[i].code == code)
        {
          c = &b->c[i];
          break;
        }
  if (c == NULL)
    runtime_throw ("GoFreeCallable: not a pointer GoMakeCallable made");
  ffi_closure *cl = c->closure;
  c->fn = NULL;
  c->ft = NULL;
  c->closure = NULL;
  c->code = NULL;
  c->next = freelist;
  freelist = c;
  runtime_spinunlock (&calllock);
  runtime_callroom (free_closure, cl);
}
