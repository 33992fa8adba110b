/* symtab.h: what a code address is, read from the running executable's
   own ELF symbol table and DWARF line table (symtab.c).

   Nothing is read at start-up: the first question maps the executable
   (os.h runtime_mapexe) and later ones reuse the mapping.  Every read of
   the file's tables is bounds-checked; a malformed table answers "not
   known", never a crash.  Callable from any thread and from a signal
   handler (no Go allocation, no locks held across a switch).  */
#ifndef LIBRUNTIME_SYMTAB_H
#define LIBRUNTIME_SYMTAB_H

#include "runtime.h"

/* The function containing PC: its symbol name (NUL-terminated, inside
   the mapping, valid for the process's life) and its entry address.
   Returns 0 if PC is in no known function.  */
_Bool runtime_symtab_func (uintptr pc, const char **name, uintptr *entry)
  HIDDEN;

/* The address of the symbol called NAME (a data or code symbol), or 0.  */
uintptr runtime_symtab_addr (const char *name) HIDDEN;

/* The source position of the instruction at PC: a directory (may be
   NULL or empty, or unused when FILE is absolute) and file name, both
   NUL-terminated and valid for the process's life, and the line.
   Returns 0 if the line table does not cover PC.  */
typedef struct SrcPos {
  const char *dir;
  const char *file;
  int32_t line;
} SrcPos;
_Bool runtime_symtab_line (uintptr pc, SrcPos *pos) HIDDEN;

/* The calls inlined at PC, innermost first, at most MAX into CALLS;
   returns how many (0: PC is in no inlined code).  NAME is the inlined
   function's symbol name (may be NULL if not known), CALL the position
   of the call in the function it is inlined into (the next entry's, or
   the one PC's symbol names), if HAS_CALL.  (inline.c)  */
typedef struct InlinedCall {
  const char *name;
  _Bool has_call;
  SrcPos call;
} InlinedCall;
int runtime_symtab_inlined (uintptr pc, InlinedCall *calls, int max) HIDDEN;

/* "DIR/FILE" (FILE alone when absolute or DIR empty) into BUF of SIZE
   bytes, truncated, NUL-terminated; returns its length.  */
uintptr runtime_srcpos_path (const SrcPos *pos, char *buf, uintptr size)
  HIDDEN;

/* White-box tests only (testsuite/libruntime.c/symtab_malformed.c):
   forget the executable and read IMAGE, SIZE bytes of an ELF file, as
   if it were loaded at its file addresses.  */
void runtime_symtab_use_image (const void *image, uintptr size) HIDDEN;

#endif
