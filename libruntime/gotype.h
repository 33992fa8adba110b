/* gotype.h: type descriptors as gccgo-12 emits them.

   The compiler emits a descriptor for every type a program needs; the
   runtime only reads them (and defines a few of its own, which must be
   byte-compatible and carry the compiler's symbol names so the linker
   merges them with the weak copies in user objects).  Type identity is
   pointer identity of descriptors.

       Type (64 bytes on amd64, 36 on 32-bit)
       +---------+---------+------+-----+-----+------+----+-------+------+
       | size    | ptrdata | hash |tflag|align|falign|kind| equal |gcdata|
       +---------+---------+------+-----+-----+------+----+-------+------+
       | string  | uncommon| ptrToThis | kind-specific tail ...          |
       +---------+---------+-----------+---------------------------------+
*/
#ifndef LIBRUNTIME_GOTYPE_H
#define LIBRUNTIME_GOTYPE_H

#include "libruntime.h"

/* Kinds: the low five bits of Type.kind.  */
enum {
  KindBool = 1, KindInt, KindInt8, KindInt16, KindInt32, KindInt64,
  KindUint, KindUint8, KindUint16, KindUint32, KindUint64, KindUintptr,
  KindFloat32, KindFloat64, KindComplex64, KindComplex128,
  KindArray, KindChan, KindFunc, KindInterface, KindMap, KindPtr,
  KindSlice, KindString, KindStruct, KindUnsafePointer,

  KindMask = 0x1f,
  KindDirectIface = 0x20,  /* the value itself is the interface data word */
  KindGCProg = 0x40,       /* gcdata is a GC program, not a bitmap */
  KindNoPointers = 0x80,   /* set by gccgo-12 for pointer-free types */
};

enum { TflagRegularMemory = 8 };  /* equal/hash may treat it as bytes */

typedef struct GoType Type;  /* the public header's opaque GoType */
typedef struct UncommonType UncommonType;

struct GoType {
  uintptr_t size;             /* sizeof(T) */
  uintptr_t ptrdata;          /* prefix that may hold pointers; 0: none */
  uint32_t hash;              /* compiler's hash of the type */
  uint8_t tflag;
  uint8_t align;
  uint8_t fieldAlign;
  uint8_t kind;
  const GoFuncVal *equal;     /* bool (*)(const void*, const void*); NULL:
                                 not comparable */
  const uint8_t *gcdata;      /* pointer bitmap or GC program */
  const GoString *string;     /* reflection string, tab-quoted pkg paths */
  const UncommonType *uncommon;
  const Type *ptrToThis;
};

typedef struct Method {
  const GoString *name;
  const GoString *pkgPath;    /* NULL if exported */
  const Type *mtyp;           /* method type without receiver */
  const Type *typ;            /* function type with receiver */
  const void *tfn;            /* raw code address */
} Method;

struct UncommonType {
  const GoString *name;
  const GoString *pkgPath;    /* NULL for predeclared types */
  struct { const Method *array; GoInt len, cap; } methods;  /* sorted */
};

typedef struct IMethod {
  const GoString *name;
  const GoString *pkgPath;
  const Type *typ;            /* without receiver */
} IMethod;

typedef struct PtrType { Type type; const Type *elem; } PtrType;
typedef struct SliceType { Type type; const Type *elem; } SliceType;
typedef struct ArrayType {
  Type type; const Type *elem; const Type *slice; uintptr_t len;
} ArrayType;
typedef struct ChanType { Type type; const Type *elem; uintptr_t dir; } ChanType;

typedef struct TypeSlice { const Type *const *array; GoInt len, cap; } TypeSlice;
typedef struct FuncType {
  Type type; _Bool dotdotdot; TypeSlice in; TypeSlice out;
} FuncType;

typedef struct InterfaceType {
  Type type; struct { const IMethod *array; GoInt len, cap; } methods;
} InterfaceType;

enum {  /* MapType.flags */
  MapIndirectKey = 1, MapIndirectValue = 2, MapReflexiveKey = 4,
  MapNeedKeyUpdate = 8, MapHashMightPanic = 16,
};
typedef struct MapType {
  Type type;
  const Type *key;
  const Type *elem;
  const Type *bucket;
  const GoFuncVal *hasher;    /* uintptr (*)(const void *key, uintptr seed) */
  uint8_t keysize;
  uint8_t valuesize;
  uint16_t bucketsize;
  uint32_t flags;
} MapType;

typedef struct StructField {
  const GoString *name;
  const GoString *pkgPath;
  const Type *typ;
  const GoString *tag;
  uintptr_t offsetAnon;       /* offset << 1 | embedded */
} StructField;
typedef struct StructType {
  Type type; struct { const StructField *array; GoInt len, cap; } fields;
} StructType;

static inline int
type_kind (const Type *t)
{
  return t->kind & KindMask;
}

static inline _Bool
type_is_direct_iface (const Type *t)
{
  return (t->kind & KindDirectIface) != 0;
}

/* Calls to the equal and hash functions of descriptors.  The runtime's
   own functions ignore the static chain, and so do the compiler's
   generated ones, so a plain C call through the code word is enough.  */
static inline _Bool
type_equal (const Type *t, const void *a, const void *b)
{
  return ((_Bool (*) (const void *, const void *)) t->equal->code) (a, b);
}

#endif /* LIBRUNTIME_GOTYPE_H */
