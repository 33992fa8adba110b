/* asm-offsets.c: the offsets of G, M and Context fields that assembly
   uses, generated from the C structures so no .S file types a number.

   Never linked: the build compiles this file with -S and turns each
   "->NAME VALUE" marker in the assembler output into
   "#define NAME VALUE" in asm-offsets.h (Makefile.am), as Linux's
   kbuild does.  Each DEFINE emits a marker in a string the assembler
   would see; the value is printed as an immediate operand.  */
#include <stddef.h>

#include "runtime.h"

#define DEFINE(sym, val) \
  __asm__ volatile ("\n.ascii \"->" #sym " %0\"" : : "i" (val))

void runtime_asm_offsets (void);
void
runtime_asm_offsets (void)
{
  /* Context (runtime.h), as reached through a G.  */
  DEFINE (CTX_SP, offsetof (Context, sp));
  DEFINE (CTX_PC, offsetof (Context, pc));
  DEFINE (CTX_REGS, offsetof (Context, regs));
  DEFINE (CTX_SIZE, sizeof (Context));

  /* G and M: what runtime_mcall follows to the scheduler's stack.  */
  DEFINE (G_CONTEXT, offsetof (G, context));
  DEFINE (G_STACKSP, offsetof (G, stacksp));
  DEFINE (G_M, offsetof (G, m));
  DEFINE (M_G0, offsetof (M, g0));
}
