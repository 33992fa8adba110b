/* alg.c: the equality and hash functions type descriptors point at
   (the `equal` field and MapType.hasher), and the three-argument
   memequal/memhash that compiler-generated ..eq/..hash functions call.

   Equality follows Go: +0 == -0, NaN != NaN, interfaces compare dynamic
   types then values, and comparing values of an incomparable dynamic
   type panics.  Hashes are seeded per map; equal values hash alike
   (+0 and -0 included; NaNs hash randomly, as Go's do).  */
#include "runtime.h"
#include "error.h"
#include "typedesc.h"

/* The mixing step: a 64-bit multiply-xorshift with good avalanche.  */
static inline uint64_t
mix (uint64_t h)
{
  h ^= h >> 32;
  h *= 0xd6e8feb86659fd93ull;
  h ^= h >> 32;
  h *= 0xd6e8feb86659fd93ull;
  h ^= h >> 32;
  return h;
}

static inline uint64_t
load64 (const uint8_t *p)
{
  uint64_t v;
  memcpy (&v, p, 8);
  return v;
}

uintptr runtime_memhash (const void *key, uintptr seed, uintptr size)
  GOSYM ("runtime.memhash");
uintptr
runtime_memhash (const void *key, uintptr seed, uintptr size)
{
  const uint8_t *p = key;
  uint64_t h = (uint64_t) seed ^ (size * 0x9e3779b97f4a7c15ull);
  while (size >= 8)
    {
      h = mix (h ^ load64 (p));
      p += 8;
      size -= 8;
    }
  if (size > 0)
    {
      uint64_t tail = 0;
      memcpy (&tail, p, size);
      h = mix (h ^ tail ^ ((uint64_t) size << 56));
    }
  return (uintptr) mix (h);
}

_Bool runtime_memequal (const void *a, const void *b, uintptr size)
  GOSYM ("runtime.memequal");
_Bool
runtime_memequal (const void *a, const void *b, uintptr size)
{
  return a == b || memcmp (a, b, size) == 0;
}

/* Fixed-size memory equality and hash, with their func descriptors.  */
#define MEM_ALG(bits, bytes)                                               \
  _Bool runtime_memequal##bits (const void *a, const void *b)              \
    GOSYM ("runtime.memequal" #bits);                                      \
  _Bool runtime_memequal##bits (const void *a, const void *b)              \
  {                                                                        \
    return memcmp (a, b, bytes) == 0;                                      \
  }                                                                        \
  const FuncVal runtime_memequal##bits##_f                                 \
    GOSYM ("runtime.memequal" #bits "..f")                                 \
    = { (void (*) (void)) runtime_memequal##bits };                        \
  uintptr runtime_memhash##bits (const void *p, uintptr seed)              \
    GOSYM ("runtime.memhash" #bits);                                       \
  uintptr runtime_memhash##bits (const void *p, uintptr seed)              \
  {                                                                        \
    return runtime_memhash (p, seed, bytes);                               \
  }                                                                        \
  const FuncVal runtime_memhash##bits##_f                                  \
    GOSYM ("runtime.memhash" #bits "..f")                                  \
    = { (void (*) (void)) runtime_memhash##bits };

MEM_ALG (0, 0)
MEM_ALG (8, 1)
MEM_ALG (16, 2)
MEM_ALG (32, 4)
MEM_ALG (64, 8)
MEM_ALG (128, 16)

/* Defines NAME (an equal or hash function) and NAME..f.  */
#define FUNCVAL(cname, goname) \
  const FuncVal cname##_f GOSYM ("runtime." goname "..f") \
    = { (void (*) (void)) cname };

_Bool runtime_strequal (const void *a, const void *b) GOSYM ("runtime.strequal");
_Bool
runtime_strequal (const void *a, const void *b)
{
  const String *x = a, *y = b;
  return x->len == y->len && (x->str == y->str || memcmp (x->str, y->str, x->len) == 0);
}
FUNCVAL (runtime_strequal, "strequal")

uintptr runtime_strhash (const void *a, uintptr seed) GOSYM ("runtime.strhash");
uintptr
runtime_strhash (const void *a, uintptr seed)
{
  const String *s = a;
  return runtime_memhash (s->str, seed, s->len);
}
FUNCVAL (runtime_strhash, "strhash")

static _Bool feq32 (float a, float b) { return a == b; }
static _Bool feq64 (double a, double b) { return a == b; }

/* Float hashes: +0 and -0 hash alike; a NaN hashes to a random value,
   so NaN keys spread over a map instead of piling up.  */
static uintptr
fhash64 (double f, uintptr seed)
{
  if (f == 0)
    return runtime_memhash (&(uint64_t) { 0 }, seed, 8);
  if (f != f)
    return (uintptr) mix (seed ^ (uint64_t) runtime_fastrand ());
  return runtime_memhash (&f, seed, 8);
}

_Bool runtime_f32equal (const void *a, const void *b) GOSYM ("runtime.f32equal");
_Bool runtime_f32equal (const void *a, const void *b)
{ return feq32 (*(const float *) a, *(const float *) b); }
FUNCVAL (runtime_f32equal, "f32equal")

_Bool runtime_f64equal (const void *a, const void *b) GOSYM ("runtime.f64equal");
_Bool runtime_f64equal (const void *a, const void *b)
{ return feq64 (*(const double *) a, *(const double *) b); }
FUNCVAL (runtime_f64equal, "f64equal")

_Bool runtime_c64equal (const void *a, const void *b) GOSYM ("runtime.c64equal");
_Bool runtime_c64equal (const void *a, const void *b)
{
  const float *x = a, *y = b;
  return feq32 (x[0], y[0]) && feq32 (x[1], y[1]);
}
FUNCVAL (runtime_c64equal, "c64equal")

_Bool runtime_c128equal (const void *a, const void *b) GOSYM ("runtime.c128equal");
_Bool runtime_c128equal (const void *a, const void *b)
{
  const double *x = a, *y = b;
  return feq64 (x[0], y[0]) && feq64 (x[1], y[1]);
}
FUNCVAL (runtime_c128equal, "c128equal")

uintptr runtime_f32hash (const void *a, uintptr seed) GOSYM ("runtime.f32hash");
uintptr runtime_f32hash (const void *a, uintptr seed)
{ return fhash64 (*(const float *) a, seed); }
FUNCVAL (runtime_f32hash, "f32hash")

uintptr runtime_f64hash (const void *a, uintptr seed) GOSYM ("runtime.f64hash");
uintptr runtime_f64hash (const void *a, uintptr seed)
{ return fhash64 (*(const double *) a, seed); }
FUNCVAL (runtime_f64hash, "f64hash")

uintptr runtime_c64hash (const void *a, uintptr seed) GOSYM ("runtime.c64hash");
uintptr runtime_c64hash (const void *a, uintptr seed)
{
  const float *x = a;
  return fhash64 (x[1], fhash64 (x[0], seed));
}
FUNCVAL (runtime_c64hash, "c64hash")

uintptr runtime_c128hash (const void *a, uintptr seed) GOSYM ("runtime.c128hash");
uintptr runtime_c128hash (const void *a, uintptr seed)
{
  const double *x = a;
  return fhash64 (x[1], fhash64 (x[0], seed));
}
FUNCVAL (runtime_c128hash, "c128hash")

/* Interfaces: equal iff same dynamic type and equal values.  */
static _Bool
efaceeq_typed (const Type *t, void *x, void *y)
{
  if (t == NULL)
    return 1;
  if (t->equal == NULL)
    runtime_panic_uncomparable ("comparing uncomparable type ", t);
  if (type_is_direct_iface (t))
    return x == y;
  return type_equal (t, x, y);
}

static uintptr typehash_composite (const Type *t, const void *p, uintptr seed);

static uintptr
typehash (const Type *t, const void *p, uintptr seed)
{
  if (t->equal == NULL)
    runtime_panic_uncomparable ("hash of unhashable type ", t);
  switch (type_kind (t))
    {
    case KindFloat32: return runtime_f32hash (p, seed);
    case KindFloat64: return runtime_f64hash (p, seed);
    case KindComplex64: return runtime_c64hash (p, seed);
    case KindComplex128: return runtime_c128hash (p, seed);
    case KindString: return runtime_strhash (p, seed);
    case KindInterface:
      {
        const InterfaceType *it = (const InterfaceType *) t;
        return it->methods.len == 0 ? runtime_nilinterhash (p, seed)
                                    : runtime_interhash (p, seed);
      }
    default:
      break;
    }
  if (t->tflag & TflagRegularMemory)
    return runtime_memhash (p, seed, t->size);
  return typehash_composite (t, p, seed);
}

/* Arrays and structs that are not plain memory: hash element by element
   and field by field, skipping blank fields as equality does.  */
static uintptr
typehash_composite (const Type *t, const void *p, uintptr seed)
{
  const uint8_t *b = p;
  switch (type_kind (t))
    {
    case KindArray:
      {
        const ArrayType *at = (const ArrayType *) t;
        for (uintptr i = 0; i < at->len; i++)
          seed = typehash (at->elem, b + i * at->elem->size, seed);
        return seed;
      }
    case KindStruct:
      {
        const StructType *st = (const StructType *) t;
        for (intgo i = 0; i < st->fields.len; i++)
          {
            const StructField *f = &st->fields.array[i];
            if (f->name->len == 1 && f->name->str[0] == '_')
              continue;
            seed = typehash (f->typ, b + (f->offsetAnon >> 1), seed);
          }
        return seed;
      }
    default:
      return runtime_memhash (p, seed, t->size);
    }
}

uintptr
runtime_nilinterhash (const void *a, uintptr seed)
{
  const Eface *e = a;
  if (e->type == NULL)
    return seed;
  const void *p = type_is_direct_iface (e->type) ? (const void *) &e->data : e->data;
  return typehash (e->type, p, seed ^ e->type->hash);
}
FUNCVAL (runtime_nilinterhash, "nilinterhash")

uintptr
runtime_interhash (const void *a, uintptr seed)
{
  const Iface *i = a;
  if (i->tab == NULL)
    return seed;
  const Type *t = i->tab[0];
  const void *p = type_is_direct_iface (t) ? (const void *) &i->data : i->data;
  return typehash (t, p, seed ^ t->hash);
}
FUNCVAL (runtime_interhash, "interhash")

_Bool
runtime_nilinterequal (const void *a, const void *b)
{
  const Eface *x = a, *y = b;
  return x->type == y->type && efaceeq_typed (x->type, x->data, y->data);
}
FUNCVAL (runtime_nilinterequal, "nilinterequal")

_Bool
runtime_interequal (const void *a, const void *b)
{
  const Iface *x = a, *y = b;
  if (x->tab != y->tab)
    {
      /* Distinct tables can describe one type: compare the types.  */
      if (x->tab == NULL || y->tab == NULL || x->tab[0] != y->tab[0])
        return 0;
    }
  if (x->tab == NULL)
    return 1;
  return efaceeq_typed (x->tab[0], x->data, y->data);
}
FUNCVAL (runtime_interequal, "interequal")

/* The compiler's interface comparisons.  */
_Bool runtime_efaceeq (Eface a, Eface b) GOSYM ("runtime.efaceeq");
_Bool
runtime_efaceeq (Eface a, Eface b)
{
  return runtime_nilinterequal (&a, &b);
}

_Bool runtime_ifaceeq (Iface a, Iface b) GOSYM ("runtime.ifaceeq");
_Bool
runtime_ifaceeq (Iface a, Iface b)
{
  return runtime_interequal (&a, &b);
}

_Bool runtime_ifaceefaceeq (Iface a, Eface b) GOSYM ("runtime.ifaceefaceeq");
_Bool
runtime_ifaceefaceeq (Iface a, Eface b)
{
  const Type *t = a.tab == NULL ? NULL : a.tab[0];
  return t == b.type && efaceeq_typed (t, a.data, b.data);
}

/* An interface against a concrete value *P of type T.  */
static _Bool
valeq (const Type *have, void *data, const Type *t, const void *p)
{
  if (have != t)
    return 0;
  if (t->equal == NULL)
    runtime_panic_uncomparable ("comparing uncomparable type ", t);
  /* For a direct-interface T the compiler passes the value itself (the
     pointer) as P, not its address.  */
  if (type_is_direct_iface (t))
    return data == p;
  return type_equal (t, data, p);
}

_Bool runtime_efacevaleq (Eface a, const Type *t, const void *p)
  GOSYM ("runtime.efacevaleq");
_Bool
runtime_efacevaleq (Eface a, const Type *t, const void *p)
{
  return valeq (a.type, a.data, t, p);
}

_Bool runtime_ifacevaleq (Iface a, const Type *t, const void *p)
  GOSYM ("runtime.ifacevaleq");
_Bool
runtime_ifacevaleq (Iface a, const Type *t, const void *p)
{
  return valeq (a.tab == NULL ? NULL : a.tab[0], a.data, t, p);
}
