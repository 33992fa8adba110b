/* closure.S (arm): call a Go func value from C.

   void runtime_closure_call (ARGS...)   -- any signature
     As on amd64 (see arch/amd64/closure.S): the func value waits in the
     initial-exec TLS word runtime_closure_pending; this entry loads it
     into the static chain register (ip, r12), clears the word and jumps
     to fv->code.  r0-r3, the stack and lr are as the caller left them;
     r4 and r5 are used as scratch and restored before the jump.  The
     jump is a load into pc, which interworks (the target is Thumb-2).  */
#include "arch.h"

	.syntax unified
	.arm
	.text
	.globl	runtime_closure_call
	.type	runtime_closure_call, %function
	.align	2
runtime_closure_call:
	.fnstart
	push	{r4, r5}
	mrc	p15, 0, r4, c13, c0, 3		@ thread pointer
	ldr	r12, 2f
1:	ldr	r12, [pc, r12]			@ TLS offset of the word, from the GOT
	add	r4, r4, r12			@ its address
	ldr	r12, [r4]			@ the func value
	mov	r5, #0
	str	r5, [r4]
	pop	{r4, r5}
	ldr	pc, [r12]			@ fv->code, chain in r12
2:	.word	runtime_closure_pending(gottpoff) + (. - 1b - 8)
	.cantunwind
	.fnend
	.size	runtime_closure_call, . - runtime_closure_call

	.section .note.GNU-stack,"",%progbits
