/* context.S (arm64): goroutine context switches.
   Contract: see arch/amd64/context.S.  Saved on the goroutine's stack
   (160 bytes, sp stays 16-aligned): x19-x29, x30 (the resume address)
   and d8-d15.  */
#include "arch.h"

	.text
	.globl	runtime_ctx_switch
	.type	runtime_ctx_switch, %function
	.hidden	runtime_ctx_switch
	.p2align 2
runtime_ctx_switch:
	.cfi_startproc
	sub	sp, sp, #160
	stp	x19, x20, [sp, #0]
	stp	x21, x22, [sp, #16]
	stp	x23, x24, [sp, #32]
	stp	x25, x26, [sp, #48]
	stp	x27, x28, [sp, #64]
	stp	x29, x30, [sp, #80]
	stp	d8, d9, [sp, #96]
	stp	d10, d11, [sp, #112]
	stp	d12, d13, [sp, #128]
	stp	d14, d15, [sp, #144]
	mov	x2, sp
	str	x2, [x0]
	mov	sp, x1
	ldp	x19, x20, [sp, #0]
	ldp	x21, x22, [sp, #16]
	ldp	x23, x24, [sp, #32]
	ldp	x25, x26, [sp, #48]
	ldp	x27, x28, [sp, #64]
	ldp	x29, x30, [sp, #80]
	ldp	d8, d9, [sp, #96]
	ldp	d10, d11, [sp, #112]
	ldp	d12, d13, [sp, #128]
	ldp	d14, d15, [sp, #144]
	add	sp, sp, #160
	ret
	.cfi_endproc
	.size	runtime_ctx_switch, . - runtime_ctx_switch

/* uintptr runtime_ctx_make (uintptr top, void (*fn) (void)) */
	.globl	runtime_ctx_make
	.type	runtime_ctx_make, %function
	.hidden	runtime_ctx_make
	.p2align 2
runtime_ctx_make:
	.cfi_startproc
	and	x0, x0, #~15
	sub	x0, x0, #160
	mov	x2, #0
1:	str	xzr, [x0, x2]
	add	x2, x2, #8
	cmp	x2, #160
	b.ne	1b
	str	x1, [x0, #88]			/* x30: FN */
	ret
	.cfi_endproc
	.size	runtime_ctx_make, . - runtime_ctx_make

	.section .note.GNU-stack,"",%progbits
