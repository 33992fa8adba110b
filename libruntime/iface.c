/* iface.c: interface conversions and assertions, the itab cache, and
   runtime.TypeAssertionError.

   A method table (itab) for concrete type T as interface I is
   {T, code of I's method 0, ...} (ABI doc 3.5), built by walking I's
   sorted methods and T's sorted methods together, matching name,
   package path and method type (by descriptor identity).  Tables are
   made once, kept in a hash table under itab_lock and never freed:
   compiled code keeps them in interface values without write barriers.  */
#include "runtime.h"
#include "error.h"
#include "lock.h"
#include "malloc.h"
#include "proc.h"
#include "typedesc.h"

/* ---- runtime.TypeAssertionError.  */

typedef struct TypeAssertionError {
  const Type *iface;           /* the interface type asserted from */
  const Type *concrete;        /* the dynamic type, NULL for nil */
  const Type *asserted;        /* the type asserted to */
  String missingMethod;        /* the method concrete lacks, or "" */
} TypeAssertionError;

static String
tae_Error (TypeAssertionError *e)
{
  String inter = e->iface != NULL ? runtime_typestring (e->iface)
                                  : STRING_LIT ("interface");
  String as = runtime_typestring (e->asserted);
  String pre = STRING_LIT ("interface conversion: ");
  if (e->concrete == NULL)
    {
      String parts[] = { pre, inter, STRING_LIT (" is nil, not "), as };
      return runtime_concatstrings_n (parts, 4);
    }
  String cs = runtime_typestring (e->concrete);
  if (e->missingMethod.len == 0)
    {
      String parts[] = { pre, inter, STRING_LIT (" is "), cs,
                         STRING_LIT (", not "), as };
      return runtime_concatstrings_n (parts, 6);
    }
  String parts[] = { pre, cs, STRING_LIT (" is not "), as,
                     STRING_LIT (": missing method "), e->missingMethod };
  return runtime_concatstrings_n (parts, 6);
}

static void
tae_RuntimeError (TypeAssertionError *e)
{
  (void) e;
}

String runtime_TypeAssertionError_Error (TypeAssertionError *e)
  GOSYM ("runtime.TypeAssertionError.Error");
String
runtime_TypeAssertionError_Error (TypeAssertionError *e)
{
  return tae_Error (e);
}

void runtime_TypeAssertionError_RuntimeError (TypeAssertionError *e)
  GOSYM ("runtime.TypeAssertionError.RuntimeError");
void
runtime_TypeAssertionError_RuntimeError (TypeAssertionError *e)
{
  tae_RuntimeError (e);
}

DEFINE_STRING (tae_name, "TypeAssertionError");
DEFINE_STRING (tae_string, "\truntime\truntime.TypeAssertionError");
DEFINE_STRING (tae_ptr_string, "*\truntime\truntime.TypeAssertionError");
DEFINE_STRING (tae_pkg, "runtime");
DEFINE_STRING (m_Error, "Error");
DEFINE_STRING (m_RuntimeError, "RuntimeError");

static const Method tae_methods[2] = {
  { &m_Error, NULL, &runtime_func_string_type.type, NULL,
    (const void *) runtime_TypeAssertionError_Error },
  { &m_RuntimeError, NULL, &runtime_func_void_type.type, NULL,
    (const void *) runtime_TypeAssertionError_RuntimeError },
};
static const UncommonType tae_uncommon = { &tae_name, &tae_pkg, { NULL, 0, 0 } };
static const UncommonType tae_ptr_uncommon = { NULL, NULL, { tae_methods, 2, 2 } };
static const uint8_t tae_gcbits[] = { 0x0f };
extern const PtrType runtime_TypeAssertionError_p
  GOSYM ("runtime.TypeAssertionError..p");

const Type runtime_TypeAssertionError_d GOSYM ("runtime.TypeAssertionError..d") = {
  .size = sizeof (TypeAssertionError), .ptrdata = 4 * ARCH_PTRSIZE,
  .hash = 0x5b2e8d41u, .align = ARCH_PTRSIZE, .fieldAlign = ARCH_PTRSIZE,
  .kind = KindStruct, .gcdata = tae_gcbits, .string = &tae_string,
  .uncommon = &tae_uncommon, .ptrToThis = &runtime_TypeAssertionError_p.type,
};
const PtrType runtime_TypeAssertionError_p = {
  { .size = ARCH_PTRSIZE, .ptrdata = ARCH_PTRSIZE, .hash = 0x2c61f9a3u,
    .tflag = TflagRegularMemory, .align = ARCH_PTRSIZE,
    .fieldAlign = ARCH_PTRSIZE, .kind = KindPtr | KindDirectIface,
    .equal = &runtime_memequal_ptr_f, .gcdata = runtime_gcbits_1,
    .string = &tae_ptr_string, .uncommon = &tae_ptr_uncommon },
  &runtime_TypeAssertionError_d,
};

void
runtime_panic_typeassert (const Type *iface, const Type *have,
                          const Type *want, const String *missing)
{
  TypeAssertionError *e = runtime_mallocgc (sizeof *e, &runtime_TypeAssertionError_d, 0);
  e->iface = iface;
  e->concrete = have;
  e->asserted = want;
  if (missing != NULL)
    e->missingMethod = *missing;
  runtime_gopanic ((Eface) { &runtime_TypeAssertionError_p.type, e });
}

/* ---- Method tables.  */

static _Bool
string_eq (const String *a, const String *b)
{
  if (a == b)
    return 1;
  if (a == NULL || b == NULL)
    return 0;
  return a->len == b->len && memcmp (a->str, b->str, a->len) == 0;
}

/* Build T's table for INTER, or return NULL and the first missing
   method's name in *MISSING.  */
static void *const *
build_itab (const InterfaceType *inter, const Type *t, const String **missing)
{
  intgo ni = inter->methods.len;
  const UncommonType *u = t->uncommon;
  const Method *tm = u != NULL ? u->methods.array : NULL;
  intgo nt = u != NULL ? u->methods.len : 0;
  void **tab = runtime_persistentalloc ((1 + ni) * sizeof *tab);
  tab[0] = (void *) t;
  intgo j = 0;
  for (intgo i = 0; i < ni; i++)
    {
      const IMethod *im = &inter->methods.array[i];
      for (; j < nt; j++)
        if (string_eq (tm[j].name, im->name)
            && string_eq (tm[j].pkgPath, im->pkgPath))
          break;
      if (j == nt || tm[j].mtyp != im->typ)
        {
          *missing = im->name;
          return NULL;         /* the block is lost: a few words, once */
        }
      tab[1 + i] = (void *) tm[j].tfn;
      j++;
    }
  return (void *const *) tab;
}

/* The cache: open addressing on (inter, t); negative results cached
   too (tab NULL, missing set).  Grows at half full.  */
typedef struct ItabEntry {
  const InterfaceType *inter;
  const Type *t;
  void *const *tab;
  const String *missing;
} ItabEntry;

static Lock itab_lock;
static ItabEntry *itab_table;
static uintptr itab_size, itab_count;

static ItabEntry *
itab_slot (ItabEntry *table, uintptr size, const InterfaceType *inter,
           const Type *t)
{
  uintptr h = ((uintptr) inter * 31 + (uintptr) t) * 0x9e3779b97f4a7c15ull;
  for (uintptr i = (h >> 7) & (size - 1);; i = (i + 1) & (size - 1))
    if (table[i].inter == NULL
        || (table[i].inter == inter && table[i].t == t))
      return &table[i];
}

static void
itab_grow (void)
{
  uintptr size = itab_size ? 2 * itab_size : 256;
  ItabEntry *table = runtime_persistentalloc (size * sizeof *table);
  memset (table, 0, size * sizeof *table);
  for (uintptr i = 0; i < itab_size; i++)
    if (itab_table[i].inter != NULL)
      *itab_slot (table, size, itab_table[i].inter, itab_table[i].t)
        = itab_table[i];
  itab_table = table;          /* the old array is not freed */
  itab_size = size;
}

static void *const *
getitab (const Type *inter_t, const Type *t, const String **missing)
{
  const InterfaceType *inter = (const InterfaceType *) inter_t;
  runtime_lock (&itab_lock);
  if (2 * (itab_count + 1) > itab_size)
    itab_grow ();
  ItabEntry *e = itab_slot (itab_table, itab_size, inter, t);
  if (e->inter == NULL)
    {
      e->missing = NULL;
      e->tab = build_itab (inter, t, &e->missing);
      e->inter = inter;
      e->t = t;
      itab_count++;
    }
  void *const *tab = e->tab;
  *missing = e->missing;
  runtime_unlock (&itab_lock);
  return tab;
}

static _Bool
empty_interface (const Type *inter)
{
  return ((const InterfaceType *) inter)->methods.len == 0;
}

/* ---- The compiler's entry points (ABI doc 2.6).  */

typedef struct { Eface e; _Bool ok; } EfaceBool;
typedef struct { Iface i; _Bool ok; } IfaceBool;

void *const *runtime_assertitab (const Type *inter, const Type *t)
  GOSYM ("runtime.assertitab");
void *const *
runtime_assertitab (const Type *inter, const Type *t)
{
  if (t == NULL)
    runtime_panic_typeassert (NULL, NULL, inter, NULL);
  if (empty_interface (inter))
    return (void *const *) t;
  const String *missing;
  void *const *tab = getitab (inter, t, &missing);
  if (tab == NULL)
    runtime_panic_typeassert (NULL, t, inter, missing);
  return tab;
}

void *const *runtime_requireitab (const Type *inter, const Type *t)
  GOSYM ("runtime.requireitab");
void *const *
runtime_requireitab (const Type *inter, const Type *t)
{
  if (t == NULL)
    return NULL;
  return runtime_assertitab (inter, t);
}

void runtime_panicdottype (const Type *want, const Type *have,
                           const Type *iface) GOSYM ("runtime.panicdottype");
void
runtime_panicdottype (const Type *want, const Type *have, const Type *iface)
{
  runtime_panic_typeassert (iface, have, want, NULL);
}

_Bool runtime_ifaceT2Ip (const Type *inter, const Type *t) GOSYM ("runtime.ifaceT2Ip");
_Bool
runtime_ifaceT2Ip (const Type *inter, const Type *t)
{
  if (t == NULL)
    return 0;
  if (empty_interface (inter))
    return 1;
  const String *missing;
  return getitab (inter, t, &missing) != NULL;
}

EfaceBool runtime_ifaceE2E2 (Eface e) GOSYM ("runtime.ifaceE2E2");
EfaceBool
runtime_ifaceE2E2 (Eface e)
{
  return (EfaceBool) { e, e.type != NULL };
}

EfaceBool runtime_ifaceI2E2 (Iface i) GOSYM ("runtime.ifaceI2E2");
EfaceBool
runtime_ifaceI2E2 (Iface i)
{
  if (i.tab == NULL)
    return (EfaceBool) { { NULL, NULL }, 0 };
  return (EfaceBool) { { (const Type *) i.tab[0], i.data }, 1 };
}

static IfaceBool
to_iface (const Type *inter, const Type *t, void *data)
{
  const String *missing;
  void *const *tab;
  if (t == NULL)
    return (IfaceBool) { { NULL, NULL }, 0 };
  tab = empty_interface (inter) ? (void *const *) t
                                : getitab (inter, t, &missing);
  if (tab == NULL)
    return (IfaceBool) { { NULL, NULL }, 0 };
  return (IfaceBool) { { tab, data }, 1 };
}

IfaceBool runtime_ifaceE2I2 (const Type *inter, Eface e) GOSYM ("runtime.ifaceE2I2");
IfaceBool
runtime_ifaceE2I2 (const Type *inter, Eface e)
{
  return to_iface (inter, e.type, e.data);
}

IfaceBool runtime_ifaceI2I2 (const Type *inter, Iface i) GOSYM ("runtime.ifaceI2I2");
IfaceBool
runtime_ifaceI2I2 (const Type *inter, Iface i)
{
  return to_iface (inter, i.tab != NULL ? (const Type *) i.tab[0] : NULL, i.data);
}

PtrBool runtime_ifaceE2T2P (const Type *t, Eface e) GOSYM ("runtime.ifaceE2T2P");
PtrBool
runtime_ifaceE2T2P (const Type *t, Eface e)
{
  if (e.type != t)
    return (PtrBool) { NULL, 0 };
  return (PtrBool) { e.data, 1 };
}

PtrBool runtime_ifaceI2T2P (const Type *t, Iface i) GOSYM ("runtime.ifaceI2T2P");
PtrBool
runtime_ifaceI2T2P (const Type *t, Iface i)
{
  if (i.tab == NULL || i.tab[0] != t)
    return (PtrBool) { NULL, 0 };
  return (PtrBool) { i.data, 1 };
}

/* Copy the value in an interface's data word to RET, or zero RET.  */
static _Bool
copy_out (const Type *t, const Type *have, void *data, void *ret)
{
  if (have != t)
    {
      memset (ret, 0, t->size);
      return 0;
    }
  if (type_is_direct_iface (t))
    memcpy (ret, &data, t->size);
  else
    memmove (ret, data, t->size);
  return 1;
}

_Bool runtime_ifaceE2T2 (const Type *t, Eface e, void *ret) GOSYM ("runtime.ifaceE2T2");
_Bool
runtime_ifaceE2T2 (const Type *t, Eface e, void *ret)
{
  return copy_out (t, e.type, e.data, ret);
}

_Bool runtime_ifaceI2T2 (const Type *t, Iface i, void *ret) GOSYM ("runtime.ifaceI2T2");
_Bool
runtime_ifaceI2T2 (const Type *t, Iface i, void *ret)
{
  return copy_out (t, i.tab != NULL ? (const Type *) i.tab[0] : NULL, i.data, ret);
}
