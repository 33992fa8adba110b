/* typedesc.h: helpers for type descriptors the runtime defines itself.

   Descriptors the runtime owns (its error types, unsafe.Pointer, and the
   few predeclared and function types they refer to) carry the symbol
   names the compiler gives them, so that the weak copies in user objects
   merge with them and pointer identity holds across the program.  */
#ifndef LIBRUNTIME_TYPEDESC_H
#define LIBRUNTIME_TYPEDESC_H

#include "runtime.h"

/* A static String object, for the name and string fields.  */
#define DEFINE_STRING(id, text) \
  static const String id = { (const uint8_t *) (text), sizeof (text) - 1 }

extern const uint8_t runtime_gcbits_1[] HIDDEN;   /* {0x01}: one pointer */
extern const uint8_t runtime_gcbits_3[] HIDDEN;   /* {0x03}: two */

extern const Type runtime_string_type GOSYM ("string..d");
extern const FuncType runtime_func_string_type GOSYM ("type..func_8_9_8string_9");
extern const FuncType runtime_func_void_type GOSYM ("type..func_8_9_8_9");
extern const PtrType runtime_unsafe_pointer_ptr GOSYM ("unsafe.Pointer..p");
/* Equality of one pointer word.  */
extern const FuncVal runtime_memequal_ptr_f
#if ARCH_PTRSIZE == 8
  GOSYM ("runtime.memequal64..f");
#else
  GOSYM ("runtime.memequal32..f");
#endif

/* The name of T as Go prints it: the reflection string without the
   tab-quoted package paths.  Allocates.  */
String runtime_typestring (const Type *t) HIDDEN;

#endif
