/* cgocheck.c: the pointer-passing checks cgo-generated code calls
   (ABI doc 4.6): runtime.cgoCheckPointer before a cgo call passes a
   pointer, runtime.cgoCheckResult on what an exported function returns
   to C.  The rules are Go's (cmd/cgo "Passing pointers"): C may be given
   a Go pointer only to Go memory that holds no Go pointers, and may not
   be given a Go pointer back from a callback.  A Go pointer points into
   the heap, into a goroutine's stack, or into Go's global data (the
   variables gccgo registers as GC roots).  GODEBUG=cgocheck=0 turns
   the checks off.  Violations panic with Go's runtime errors.

   What a pointer to an unknown type points at is judged as Go judges
   it: its whole heap object (through the heap's pointer bitmap) or its
   whole global variable (through its gcdata).  */
#include "runtime.h"
#include "gcroots.h"
#include "malloc.h"
#include "stack.h"

static const char PointerFail[] = "cgo argument has Go pointer to Go pointer";
static const char ResultFail[] = "cgo result has Go pointer";

static int32_t cgocheck = -1;    /* GODEBUG cgocheck; -1: not read yet */

static _Bool
enabled (void)
{
  int32_t c = __atomic_load_n (&cgocheck, __ATOMIC_RELAXED);
  if (c >= 0)
    return c != 0;
  c = 1;
  String d = runtime_getenv ("GODEBUG");
  for (intgo i = 0; i + 9 <= d.len; i++)
    if ((i == 0 || d.str[i - 1] == ',') && memcmp (d.str + i, "cgocheck=", 9) == 0)
      c = i + 9 < d.len && d.str[i + 9] != '0';
  __atomic_store_n (&cgocheck, c, __ATOMIC_RELAXED);
  return c != 0;
}

static _Bool
on_stack (G *gp, uintptr a)
{
  if (gp == NULL)
    return 0;
  if (a >= gp->stacklo && a < gp->stackhi)
    return 1;
  for (StackSeg *s = gp->stackseg; s != NULL; s = s->prev)
    if (a >= s->lo && a < s->lo + s->size)
      return 1;
  return 0;
}

static _Bool
is_go_pointer (const void *p)
{
  uintptr a = (uintptr) p;
  if (a == 0)
    return 0;
  return runtime_spanof (a) != NULL || on_stack (runtime_g (), a)
         || runtime_in_dataroots (a);
}

static void NORETURN
fail (const char *msg)
{
  runtime_panicstring (msg);
}

static _Bool
bit (const uint8_t *bm, uintptr i)
{
  return (bm[i / 8] >> (i % 8)) & 1;
}

/* P is a Go pointer to memory of unknown type: what it points into must
   hold no Go pointer.  */
static void
check_unknown (const void *p, const char *msg)
{
  uintptr a = (uintptr) p;
  Span *s = runtime_spanof (a);
  if (s != NULL)
    {
      if (s->noscan)
        return;
      uintptr base = s->base, n = s->scanlen;
      if (s->sizeclass != 0)
        {
          base = s->base + runtime_objindex (s, a) * s->elemsize;
          n = s->elemsize;
        }
      for (uintptr i = 0; i < n; i += PTRSIZE)
        if (bit (s->ptrbits, (base - s->base + i) / PTRSIZE)
            && is_go_pointer (*(void *const *) (base + i)))
          fail (msg);
      return;
    }
  for (GcRootList *l = runtime_gcroots; l != NULL; l = l->next)
    for (intgo i = 0; i < l->count; i++)
      {
        const GcRoot *r = &l->roots[i];
        uintptr d = (uintptr) r->decl;
        if (a < d || a >= d + r->size)
          continue;
        for (uintptr j = 0; j < r->ptrdata / PTRSIZE; j++)
          if (bit (r->gcdata, j) && is_go_pointer (((void *const *) d)[j]))
            fail (msg);
        return;
      }
  /* A goroutine stack: Go does not look further either.  */
}

/* The value of type T at P (INDIR) or the value P itself (a pointer
   shaped value held directly); TOP: a Go pointer is allowed here, only
   not one to memory holding Go pointers.  */
static void
check_arg (const Type *t, const void *p, _Bool indir, _Bool top,
           const char *msg)
{
  if (t->ptrdata == 0 || p == NULL)
    return;
  switch (type_kind (t))
    {
    case KindArray:
      {
        const ArrayType *at = (const ArrayType *) t;
        if (!indir)
          {
            check_arg (at->elem, p, !type_is_direct_iface (at->elem), top, msg);
            return;
          }
        for (uintptr i = 0; i < at->len; i++)
          check_arg (at->elem, (const char *) p + i * at->elem->size, 1, top,
                     msg);
        return;
      }
    case KindChan:
    case KindMap:
      fail (msg);              /* always Go memory full of Go pointers */
    case KindFunc:
      if (indir)
        p = *(void *const *) p;
      if (is_go_pointer (p))
        fail (msg);
      return;
    case KindInterface:
      {
        const Type *it = *(const Type *const *) p;
        if (it == NULL)
          return;
        if (type_kind (t) == KindInterface
            && ((const InterfaceType *) t)->methods.len != 0)
          it = *(const Type *const *) it;  /* an itab: its type first */
        if (runtime_spanof ((uintptr) it) != NULL)
          fail (msg);          /* a type made at run time */
        const void *data = ((void *const *) p)[1];
        if (!is_go_pointer (data))
          return;
        if (!top)
          fail (msg);
        check_arg (it, data, !type_is_direct_iface (it), 0, msg);
        return;
      }
    case KindSlice:
      {
        const SliceType *st = (const SliceType *) t;
        const Slice *s = p;
        const char *q = s->array;
        if (q == NULL || !is_go_pointer (q))
          return;
        if (!top)
          fail (msg);
        if (st->elem->ptrdata == 0)
          return;
        for (intgo i = 0; i < s->cap; i++, q += st->elem->size)
          check_arg (st->elem, q, 1, 0, msg);
        return;
      }
    case KindString:
      if (is_go_pointer (((const String *) p)->str) && !top)
        fail (msg);
      return;
    case KindStruct:
      {
        const StructType *st = (const StructType *) t;
        if (!indir)
          {
            const Type *ft = st->fields.array[0].typ;
            check_arg (ft, p, !type_is_direct_iface (ft), top, msg);
            return;
          }
        for (intgo i = 0; i < st->fields.len; i++)
          {
            const StructField *f = &st->fields.array[i];
            if (f->typ->ptrdata != 0)
              check_arg (f->typ, (const char *) p + (f->offsetAnon >> 1), 1,
                         top, msg);
          }
        return;
      }
    case KindPtr:
    case KindUnsafePointer:
      if (indir)
        {
          p = *(void *const *) p;
          if (p == NULL)
            return;
        }
      if (!is_go_pointer (p))
        return;
      if (!top)
        fail (msg);
      check_unknown (p, msg);
      return;
    default:
      runtime_throw ("cgoCheckPointer: unexpected kind");
    }
}

/* cgoCheckPointer(ptr, arg): PTR is the argument passed to C; ARG, when
   not nil, says what the pointer was taken from (cgo passes `true' for
   &x.f, or the slice or array whose element address is passed), and
   then that is what is checked.  */
void runtime_cgoCheckPointer (Eface ptr, Eface arg)
  GOSYM ("runtime.cgoCheckPointer");
void
runtime_cgoCheckPointer (Eface ptr, Eface arg)
{
  if (!enabled () || ptr.type == NULL)
    return;
  const Type *t = ptr.type;
  const void *data = ptr.data;
  _Bool top = 1;
  int k = type_kind (t);
  if (arg.type != NULL && (k == KindPtr || k == KindUnsafePointer))
    {
      const void *p = type_is_direct_iface (t) ? data : *(void *const *) data;
      if (p == NULL || !is_go_pointer (p))
        return;
      switch (type_kind (arg.type))
        {
        case KindBool:
          if (k == KindUnsafePointer)
            break;             /* element type unknown: the pointer */
          check_arg (((const PtrType *) t)->elem, p, 1, 0, PointerFail);
          return;
        case KindSlice:
          t = arg.type;
          data = arg.data;
          break;
        case KindArray:
          t = arg.type;
          data = arg.data;
          top = 0;
          break;
        default:
          runtime_throw ("cgoCheckPointer: unexpected argument kind");
        }
    }
  check_arg (t, data, !type_is_direct_iface (t), top, PointerFail);
}

/* cgoCheckResult(val): what an exported function returns to C holds no
   Go pointer at all.  */
void runtime_cgoCheckResult (Eface val) GOSYM ("runtime.cgoCheckResult");
void
runtime_cgoCheckResult (Eface val)
{
  if (!enabled () || val.type == NULL)
    return;
  check_arg (val.type, val.data, !type_is_direct_iface (val.type), 0,
             ResultFail);
}
