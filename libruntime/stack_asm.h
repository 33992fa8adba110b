/* stack_asm.h: what arch/ARCH/morestack.S and stack.c share about
   __morestack's record (struct MoreFrame in stack.h).  #defines only, so
   both C and assembly include it; stack.c checks each offset against
   the C struct with _Static_assert, so neither side can drift.  */
#ifndef LIBRUNTIME_STACK_ASM_H
#define LIBRUNTIME_STACK_ASM_H

#include "arch.h"

#define MF_FRAMESIZE (0 * ARCH_PTRSIZE)  /* frame size the prologue asked for */
#define MF_ARGSIZE   (1 * ARCH_PTRSIZE)  /* bytes of stack arguments to copy */
#define MF_ARGS      (2 * ARCH_PTRSIZE)  /* where they are on the old stack */
#define MF_PC        (3 * ARCH_PTRSIZE)  /* return address into the prologue */
#define MF_SP        (4 * ARCH_PTRSIZE)  /* the function's sp at its entry */
#define MF_FRAME     (5 * ARCH_PTRSIZE)  /* __morestack's frame pointer */
#define MF_SIZE      (6 * ARCH_PTRSIZE)

/* The stack runtime_callroom guarantees below its frame (stack.h
   "Calls out of split-stack C"): as much as gold adds to the request of
   a split function that calls non-split code.  */
#define STACK_ROOM   0x4000

#endif
