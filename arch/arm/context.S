/* context.S (arm): goroutine context switches.
   Contract: see arch/amd64/context.S.  Saved on the goroutine's stack:
   d8-d15, r4-r12 and lr (ten words keep sp 8-aligned, as AAPCS wants);
   the switch resumes with bx lr, which interworks with Thumb-2 code.  */
#include "arch.h"

	.syntax unified
	.arm
	.fpu	vfpv3-d16
	.text
	.globl	runtime_ctx_switch
	.type	runtime_ctx_switch, %function
	.hidden	runtime_ctx_switch
	.align	2
runtime_ctx_switch:
	.fnstart
	.cantunwind
	push	{r4-r12, lr}
	vpush	{d8-d15}
	str	sp, [r0]
	mov	sp, r1
	vpop	{d8-d15}
	pop	{r4-r12, lr}
	bx	lr
	.fnend
	.size	runtime_ctx_switch, . - runtime_ctx_switch

/* uintptr runtime_ctx_make (uintptr top, void (*fn) (void)) */
	.globl	runtime_ctx_make
	.type	runtime_ctx_make, %function
	.hidden	runtime_ctx_make
	.align	2
runtime_ctx_make:
	.fnstart
	.cantunwind
	bic	r0, r0, #15
	sub	r0, r0, #(64 + 40)		/* d8-d15, then r4-r12 and lr */
	mov	r2, #0
	mov	r3, #0
1:	cmp	r3, #(64 + 36)
	strne	r2, [r0, r3]
	addne	r3, r3, #4
	bne	1b
	str	r1, [r0, #(64 + 36)]		/* lr: FN */
	bx	lr
	.fnend
	.size	runtime_ctx_make, . - runtime_ctx_make

	.section .note.GNU-stack,"",%progbits
