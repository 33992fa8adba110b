/* typedesc.c: type descriptors the runtime must define, the per-package
   type lists and initialisers every program links against, and type
   names for messages.  */
#include "runtime.h"
#include "typedesc.h"
#include "malloc.h"

#define PTRSZ ARCH_PTRSIZE

const uint8_t runtime_gcbits_1[] = { 0x01 };
const uint8_t runtime_gcbits_3[] = { 0x03 };

extern const FuncVal runtime_strequal_f GOSYM ("runtime.strequal..f");
extern const FuncVal runtime_memequal_ptr_f
#if PTRSZ == 8
  GOSYM ("runtime.memequal64..f");
#else
  GOSYM ("runtime.memequal32..f");
#endif

/* string and *string.  */
DEFINE_STRING (string_name, "string");
DEFINE_STRING (string_ptr_name, "*string");
static const UncommonType string_uncommon = { &string_name, NULL, { NULL, 0, 0 } };
extern const PtrType runtime_string_ptr_type GOSYM ("string..p");

const Type runtime_string_type = {
  .size = 2 * PTRSZ, .ptrdata = PTRSZ, .hash = (uint32_t) -1998952806,
  .tflag = 0, .align = PTRSZ, .fieldAlign = PTRSZ, .kind = KindString,
  .equal = &runtime_strequal_f, .gcdata = runtime_gcbits_1,
  .string = &string_name, .uncommon = &string_uncommon,
  .ptrToThis = &runtime_string_ptr_type.type,
};
const PtrType runtime_string_ptr_type = {
  { .size = PTRSZ, .ptrdata = PTRSZ, .hash = (uint32_t) -1918473815,
    .tflag = TflagRegularMemory, .align = PTRSZ, .fieldAlign = PTRSZ,
    .kind = KindPtr | KindDirectIface, .equal = &runtime_memequal_ptr_f,
    .gcdata = runtime_gcbits_1, .string = &string_ptr_name },
  &runtime_string_type,
};

/* unsafe.Pointer and *unsafe.Pointer: only ever referenced by compiled
   code, never emitted, so the runtime is their one definition.  */
DEFINE_STRING (uptr_name, "unsafe.Pointer");
DEFINE_STRING (uptr_ptr_name, "*unsafe.Pointer");
DEFINE_STRING (uptr_short, "Pointer");
DEFINE_STRING (unsafe_pkg, "unsafe");
static const UncommonType uptr_uncommon = { &uptr_short, &unsafe_pkg, { NULL, 0, 0 } };
extern const Type runtime_unsafe_pointer GOSYM ("unsafe.Pointer..d");

const Type runtime_unsafe_pointer = {
  .size = PTRSZ, .ptrdata = PTRSZ, .hash = 78501163u,
  .tflag = TflagRegularMemory, .align = PTRSZ, .fieldAlign = PTRSZ,
  .kind = KindUnsafePointer | KindDirectIface,
  .equal = &runtime_memequal_ptr_f, .gcdata = runtime_gcbits_1,
  .string = &uptr_name, .uncommon = &uptr_uncommon,
  .ptrToThis = &runtime_unsafe_pointer_ptr.type,
};
const PtrType runtime_unsafe_pointer_ptr = {
  { .size = PTRSZ, .ptrdata = PTRSZ, .hash = 1578501163u,
    .tflag = TflagRegularMemory, .align = PTRSZ, .fieldAlign = PTRSZ,
    .kind = KindPtr | KindDirectIface, .equal = &runtime_memequal_ptr_f,
    .gcdata = runtime_gcbits_1, .string = &uptr_ptr_name },
  &runtime_unsafe_pointer,
};

/* func() string and func(): the method types of runtime.Error.  A
   func type's in/out slices point at a (possibly empty) array.  */
static const Type *const no_types[1];
static const Type *const string_result[1] = { &runtime_string_type };
DEFINE_STRING (func_string_name, "func() string");
DEFINE_STRING (func_void_name, "func()");

const FuncType runtime_func_string_type = {
  { .size = PTRSZ, .ptrdata = PTRSZ, .hash = 916039304u, .align = PTRSZ,
    .fieldAlign = PTRSZ, .kind = KindFunc | KindDirectIface,
    .gcdata = runtime_gcbits_1, .string = &func_string_name },
  0, { no_types, 0, 0 }, { string_result, 1, 1 },
};
const FuncType runtime_func_void_type = {
  { .size = PTRSZ, .ptrdata = PTRSZ, .hash = 8u, .align = PTRSZ,
    .fieldAlign = PTRSZ, .kind = KindFunc | KindDirectIface,
    .gcdata = runtime_gcbits_1, .string = &func_void_name },
  0, { no_types, 0, 0 }, { no_types, 0, 0 },
};

/* The type lists of the packages runtime.gox makes every program
   import.  The runtime's own descriptors need no canonicalisation, so
   the lists are empty.  */
typedef struct { intgo count; const Type *types[1]; } TypeList;
#define EMPTY_TYPELIST(sym, id) const TypeList id GOSYM (sym) = { 0, { NULL } }
EMPTY_TYPELIST ("runtime..types", tl_runtime);
EMPTY_TYPELIST ("internal_1cpu..types", tl_cpu);
EMPTY_TYPELIST ("internal_1abi..types", tl_abi);
EMPTY_TYPELIST ("internal_1bytealg..types", tl_bytealg);
EMPTY_TYPELIST ("internal_1goarch..types", tl_goarch);
EMPTY_TYPELIST ("internal_1goexperiment..types", tl_goexperiment);
EMPTY_TYPELIST ("internal_1goos..types", tl_goos);
EMPTY_TYPELIST ("runtime_1internal_1atomic..types", tl_atomic);
EMPTY_TYPELIST ("runtime_1internal_1math..types", tl_math);
EMPTY_TYPELIST ("runtime_1internal_1sys..types", tl_sys);

/* Package initialisers: the runtime initialises itself before
   __go_init_main, so these have nothing left to do.  */
void runtime_import (void) GOSYM ("runtime..import");
void runtime_import (void) {}
void runtime_cpu_import (void) GOSYM ("internal_1cpu..import");
void runtime_cpu_import (void) {}

/* The program's type lists, for reflection to canonicalise types it
   builds at run time.  Kept; nothing in the runtime needs them yet.  */
static intgo typelists_count;
static const TypeList *const *typelists;

void runtime_registerTypeDescriptors (intgo n, const TypeList *const *lists)
  GOSYM ("runtime.registerTypeDescriptors");
void
runtime_registerTypeDescriptors (intgo n, const TypeList *const *lists)
{
  typelists_count = n;
  typelists = lists;
}

String
runtime_typestring (const Type *t)
{
  const String *s = t->string;
  uint8_t *buf = runtime_mallocgc (s->len, NULL, FlagNoScan);
  intgo n = 0;
  _Bool quoted = 0;
  for (intgo i = 0; i < s->len; i++)
    {
      if (s->str[i] == '\t')
        quoted = !quoted;
      else if (!quoted)
        buf[n++] = s->str[i];
    }
  return (String) { buf, n };
}
