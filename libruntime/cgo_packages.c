/* cgo_packages.c: what a program that imports "C" needs from packages
   libgo would provide.  Importing "C" imports syscall, which makes the
   main package reference the initialisers and type lists of syscall and
   of the packages syscall imports.  libruntime has no Go code of its own
   for them: their lists are empty and their initialisers have nothing
   to do.  The code cgo generates (_cgo_defun.c) also converts between C
   memory and Go strings and slices through the two functions below.  */
#include "runtime.h"
#include "malloc.h"

typedef struct { intgo count; const Type *types[1]; } TypeList;
#define GO_PACKAGE(pkg, id)                                                  \
  const TypeList id##_types GOSYM (pkg "..types") = { 0, { NULL } };     \
  void id##_import (void) GOSYM (pkg "..import");                          \
  void id##_import (void) {}
#define PACKAGE_TYPES_ONLY(pkg, id)                                       \
  const TypeList id##_types GOSYM (pkg "..types") = { 0, { NULL } };

GO_PACKAGE ("syscall", syscall)
GO_PACKAGE ("sync", sync)
GO_PACKAGE ("errors", errors)
GO_PACKAGE ("internal_1oserror", oserror)
GO_PACKAGE ("internal_1reflectlite", reflectlite)
PACKAGE_TYPES_ONLY ("sync_1atomic", sync_atomic)
PACKAGE_TYPES_ONLY ("internal_1itoa", itoa)
PACKAGE_TYPES_ONLY ("internal_1race", race)
PACKAGE_TYPES_ONLY ("internal_1unsafeheader", unsafeheader)

/* C.GoString, C.GoStringN: copy C bytes into a new Go string.  */
String
__go_byte_array_to_string (const void *p, intgo len)
{
  return runtime_gostringn (p, len);
}

/* C.GoBytes: copy into a new []byte.  */
Slice
__go_string_to_byte_array (String s)
{
  uint8_t *p = runtime_mallocgc ((uintptr) s.len, NULL, FlagNoScan | FlagNoZero);
  if (s.len > 0)
    memcpy (p, s.str, s.len);
  return (Slice) { p, s.len, s.len };
}
