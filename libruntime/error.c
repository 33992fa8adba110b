/* error.c: the runtime's error types (error.h) and the compiler's
   run-time error entry points: goPanic* for bounds, and the divide,
   shift, nil, makeslice and go-of-nil-func panics.  */
#include "runtime.h"
#include "error.h"
#include "malloc.h"
#include "typedesc.h"

#define PTRSZ ARCH_PTRSIZE

/* Methods of the error types.  Value methods of a non-pointer-shaped
   type receive a pointer to the value.  */
static String
runtime_error_text (const String *e)
{
  return runtime_concat2 (STRING_LIT ("runtime error: "), *e);
}

static String
plain_error_text (const String *e)
{
  return *e;
}

static void
runtime_error_marker (const String *e)
{
  (void) e;
}

DEFINE_STRING (m_error, "Error");
DEFINE_STRING (m_runtime_error, "RuntimeError");
DEFINE_STRING (pkg_runtime, "runtime");

/* A named string type in package runtime with methods Error and
   RuntimeError (sorted by name, as the compiler sorts them).  */
#define RUNTIME_ERROR_TYPE(cname, goname, errfn, hashval)                    \
  DEFINE_STRING (cname##_short, #goname);                                   \
  DEFINE_STRING (cname##_string, "\truntime\truntime." #goname);            \
  static const Method cname##_methods[2] = {                                \
    { &m_error, NULL, &runtime_func_string_type.type, NULL, (const void *) errfn }, \
    { &m_runtime_error, NULL, &runtime_func_void_type.type, NULL,           \
      (const void *) runtime_error_marker },                                \
  };                                                                        \
  static const UncommonType cname##_uncommon = {                            \
    &cname##_short, &pkg_runtime, { cname##_methods, 2, 2 } };              \
  extern const FuncVal runtime_strequal_f GOSYM ("runtime.strequal..f");    \
  const Type cname GOSYM ("runtime." #goname "..d") = {                     \
    .size = 2 * PTRSZ, .ptrdata = PTRSZ, .hash = hashval,                   \
    .align = PTRSZ, .fieldAlign = PTRSZ, .kind = KindString,                \
    .equal = &runtime_strequal_f, .gcdata = runtime_gcbits_1,               \
    .string = &cname##_string, .uncommon = &cname##_uncommon,               \
  };

RUNTIME_ERROR_TYPE (runtime_errorString_type, errorString, runtime_error_text, 0x52c1e7b3u)
RUNTIME_ERROR_TYPE (runtime_boundsError_type, boundsError, runtime_error_text, 0x1b07f3d5u)
RUNTIME_ERROR_TYPE (runtime_plainError_type, plainError, plain_error_text, 0x7e4a9c21u)

/* runtime.Error, the interface user code asserts to.  */
DEFINE_STRING (runtime_Error_short, "Error");
DEFINE_STRING (runtime_Error_string, "\truntime\truntime.Error");
static const IMethod runtime_Error_imethods[2] = {
  { &m_error, NULL, &runtime_func_string_type.type },
  { &m_runtime_error, NULL, &runtime_func_void_type.type },
};
static const UncommonType runtime_Error_uncommon = {
  &runtime_Error_short, &pkg_runtime, { NULL, 0, 0 } };
extern const FuncVal runtime_interequal_f GOSYM ("runtime.interequal..f");
const InterfaceType runtime_Error_type GOSYM ("runtime.Error..d") = {
  { .size = 2 * PTRSZ, .ptrdata = 2 * PTRSZ, .hash = 0x3f5e2a17u,
    .align = PTRSZ, .fieldAlign = PTRSZ, .kind = KindInterface,
    .equal = &runtime_interequal_f, .gcdata = runtime_gcbits_3,
    .string = &runtime_Error_string, .uncommon = &runtime_Error_uncommon },
  { runtime_Error_imethods, 2, 2 },
};

static void NORETURN
panic_with (const Type *t, String msg)
{
  String *box = runtime_mallocgc (sizeof *box, t, 0);
  *box = msg;
  runtime_gopanic ((Eface) { t, box });
}

void
runtime_panicerror (String msg)
{
  panic_with (&runtime_errorString_type, msg);
}

void
runtime_panicstring (const char *msg)
{
  runtime_panicerror (runtime_gostringnocopy (msg));
}

void
runtime_panicplain (const char *msg)
{
  panic_with (&runtime_plainError_type, runtime_gostringnocopy (msg));
}

void
runtime_panic_uncomparable (const char *msg, const Type *t)
{
  runtime_panicerror (runtime_concat2 (runtime_gostringnocopy (msg),
                                       runtime_typestring (t)));
}

/* Calls a func() string method found by name in E's method set.  */
_Bool
runtime_call_string_method (Eface e, const char *name, String *out)
{
  const Type *t = e.type;
  if (t == NULL || t->uncommon == NULL)
    return 0;
  size_t n = strlen (name);
  const UncommonType *u = t->uncommon;
  for (intgo i = 0; i < u->methods.len; i++)
    {
      const Method *m = &u->methods.array[i];
      if (m->pkgPath != NULL || m->name->len != (intgo) n
          || memcmp (m->name->str, name, n) != 0)
        continue;
      const FuncType *ft = (const FuncType *) m->mtyp;
      if (type_kind (m->mtyp) != KindFunc || ft->in.len != 0
          || ft->out.len != 1 || type_kind (ft->out.array[0]) != KindString)
        return 0;
      *out = ((String (*) (void *)) m->tfn) (e.data);
      return 1;
    }
  return 0;
}

/* Bounds errors.  The signed entry points report a negative index
   without the length, as Go does.  */
enum {
  BoundsIndex, BoundsSliceAlen, BoundsSliceAcap, BoundsSliceB,
  BoundsSlice3Alen, BoundsSlice3Acap, BoundsSlice3B, BoundsSlice3C,
  BoundsConvert,
};

static const char *const bounds_fmt[] = {
  [BoundsIndex] = "index out of range [%x] with length %y",
  [BoundsSliceAlen] = "slice bounds out of range [:%x] with length %y",
  [BoundsSliceAcap] = "slice bounds out of range [:%x] with capacity %y",
  [BoundsSliceB] = "slice bounds out of range [%x:%y]",
  [BoundsSlice3Alen] = "slice bounds out of range [::%x] with length %y",
  [BoundsSlice3Acap] = "slice bounds out of range [::%x] with capacity %y",
  [BoundsSlice3B] = "slice bounds out of range [:%x:%y]",
  [BoundsSlice3C] = "slice bounds out of range [%x:%y:]",
  [BoundsConvert] = "cannot convert slice with length %y to pointer to array with length %x",
};

static const char *const bounds_neg_fmt[] = {
  [BoundsIndex] = "index out of range [%x]",
  [BoundsSliceAlen] = "slice bounds out of range [:%x]",
  [BoundsSliceAcap] = "slice bounds out of range [:%x]",
  [BoundsSliceB] = "slice bounds out of range [%x:]",
  [BoundsSlice3Alen] = "slice bounds out of range [::%x]",
  [BoundsSlice3Acap] = "slice bounds out of range [::%x]",
  [BoundsSlice3B] = "slice bounds out of range [:%x:]",
  [BoundsSlice3C] = "slice bounds out of range [%x::]",
};

/* Append the decimal form of V (negative when NEG) to P.  */
static char *
append_int (char *p, uint64_t v, _Bool neg)
{
  char tmp[24];
  int i = sizeof tmp;
  do
    tmp[--i] = (char) ('0' + v % 10);
  while ((v /= 10) > 0);
  if (neg)
    *p++ = '-';
  memcpy (p, tmp + i, sizeof tmp - i);
  return p + sizeof tmp - i;
}

static void NORETURN
panic_bounds (int code, int64_t x, _Bool x_signed, int64_t y)
{
  _Bool neg = x_signed && x < 0;
  const char *f = neg ? bounds_neg_fmt[code] : bounds_fmt[code];
  char buf[160], *p = buf;
  for (; *f != '\0'; f++)
    {
      if (*f != '%')
        {
          *p++ = *f;
          continue;
        }
      f++;
      if (*f == 'x')
        p = append_int (p, neg ? -(uint64_t) x : (uint64_t) x, neg);
      else
        p = append_int (p, y < 0 ? -(uint64_t) y : (uint64_t) y, y < 0);
    }
  panic_with (&runtime_boundsError_type, runtime_gostringn ((uint8_t *) buf, p - buf));
}

/* One pair of entry points per bounds check: signed and unsigned x, and
   on 32-bit targets the Extend pair taking a 64-bit x.  */
#define BOUNDS_ENTRY(name, code)                                            \
  void runtime_goPanic##name (intgo x, intgo y) GOSYM ("runtime.goPanic" #name) NORETURN;                                        \
  void runtime_goPanic##name (intgo x, intgo y)                             \
  { panic_bounds (code, x, 1, y); }                                         \
  void runtime_goPanic##name##U (uintgo x, intgo y) GOSYM ("runtime.goPanic" #name "U") NORETURN;                                    \
  void runtime_goPanic##name##U (uintgo x, intgo y)                         \
  { panic_bounds (code, (int64_t) x, 0, y); }                               \
  void runtime_goPanicExtend##name (int64_t x, intgo y) GOSYM ("runtime.goPanicExtend" #name) NORETURN;                                  \
  void runtime_goPanicExtend##name (int64_t x, intgo y)                     \
  { panic_bounds (code, x, 1, y); }                                         \
  void runtime_goPanicExtend##name##U (uint64_t x, intgo y) GOSYM ("runtime.goPanicExtend" #name "U") NORETURN;                              \
  void runtime_goPanicExtend##name##U (uint64_t x, intgo y)                 \
  { panic_bounds (code, (int64_t) x, 0, y); }

BOUNDS_ENTRY (Index, BoundsIndex)
BOUNDS_ENTRY (SliceAlen, BoundsSliceAlen)
BOUNDS_ENTRY (SliceAcap, BoundsSliceAcap)
BOUNDS_ENTRY (SliceB, BoundsSliceB)
BOUNDS_ENTRY (Slice3Alen, BoundsSlice3Alen)
BOUNDS_ENTRY (Slice3Acap, BoundsSlice3Acap)
BOUNDS_ENTRY (Slice3B, BoundsSlice3B)
BOUNDS_ENTRY (Slice3C, BoundsSlice3C)

void runtime_goPanicSliceConvert (intgo x, intgo y) GOSYM ("runtime.goPanicSliceConvert") NORETURN;
void
runtime_goPanicSliceConvert (intgo x, intgo y)
{
  panic_bounds (BoundsConvert, x, 0, y);
}

void runtime_panicdivide (void) GOSYM ("runtime.panicdivide") NORETURN;
void
runtime_panicdivide (void)
{
  runtime_panicstring ("integer divide by zero");
}

void runtime_panicshift (void) GOSYM ("runtime.panicshift") NORETURN;
void
runtime_panicshift (void)
{
  runtime_panicstring ("negative shift amount");
}

void
runtime_panicmem (void)
{
  runtime_panicstring ("invalid memory address or nil pointer dereference");
}

void
runtime_panicmakeslicelen (void)
{
  runtime_panicstring ("makeslice: len out of range");
}

void
runtime_panicmakeslicecap (void)
{
  runtime_panicstring ("makeslice: cap out of range");
}

void runtime_panicgonil (void) GOSYM ("runtime.panicgonil") NORETURN;
void
runtime_panicgonil (void)
{
  runtime_throw ("go of nil func value");
}
