/* context.S (arm64): the goroutine context primitives.
   Contract: arch/amd64/context.S.  Context.regs holds x19-x29 (11
   words) then d8-d15 (8 words); sp and the resume address (x30 at the
   call) are Context.sp and .pc.

   void runtime_gosave (G *gp)      setjmp into gp->context
   void runtime_gogo (G *gp)        longjmp to gp->context; never returns
   void runtime_mcall (G *gp, void (*fn) (G *))
                                    save as gosave, call fn (gp) on
                                    gp->m->g0's stack; fn never returns  */
#include "arch.h"
#include "asm-offsets.h"

#define REG(n)	(G_CONTEXT + CTX_REGS + 8 * (n))

/* Save the caller's context into the G at x0.  Uses x2.  */
.macro SAVE
	mov	x2, sp
	str	x2, [x0, #(G_CONTEXT + CTX_SP)]
	str	x2, [x0, #(G_STACKSP)]
	str	x30, [x0, #(G_CONTEXT + CTX_PC)]
	add	x2, x0, #(REG (0))
	stp	x19, x20, [x2, #0]
	stp	x21, x22, [x2, #16]
	stp	x23, x24, [x2, #32]
	stp	x25, x26, [x2, #48]
	stp	x27, x28, [x2, #64]
	str	x29, [x2, #80]
	stp	d8, d9, [x2, #88]
	stp	d10, d11, [x2, #104]
	stp	d12, d13, [x2, #120]
	stp	d14, d15, [x2, #136]
.endm

	.text
	.globl	runtime_gosave
	.type	runtime_gosave, %function
	.hidden	runtime_gosave
	.p2align 2
runtime_gosave:
	.cfi_startproc
	SAVE
	mov	x0, #0
	ret
	.cfi_endproc
	.size	runtime_gosave, . - runtime_gosave

	.globl	runtime_gogo
	.type	runtime_gogo, %function
	.hidden	runtime_gogo
	.p2align 2
runtime_gogo:
	.cfi_startproc
	add	x2, x0, #(REG (0))
	ldp	x19, x20, [x2, #0]
	ldp	x21, x22, [x2, #16]
	ldp	x23, x24, [x2, #32]
	ldp	x25, x26, [x2, #48]
	ldp	x27, x28, [x2, #64]
	ldr	x29, [x2, #80]
	ldp	d8, d9, [x2, #88]
	ldp	d10, d11, [x2, #104]
	ldp	d12, d13, [x2, #120]
	ldp	d14, d15, [x2, #136]
	ldr	x2, [x0, #(G_CONTEXT + CTX_SP)]
	mov	sp, x2
	ldr	x3, [x0, #(G_CONTEXT + CTX_PC)]
	mov	x30, #0				/* a new G's entry has no caller */
	mov	x0, #1
	br	x3
	.cfi_endproc
	.size	runtime_gogo, . - runtime_gogo

	.globl	runtime_mcall
	.type	runtime_mcall, %function
	.hidden	runtime_mcall
	.p2align 2
runtime_mcall:
	.cfi_startproc
	SAVE
	ldr	x2, [x0, #(G_M)]
	ldr	x2, [x2, #(M_G0)]
	ldr	x2, [x2, #(G_CONTEXT + CTX_SP)]
	and	x2, x2, #~15
	mov	sp, x2				/* the scheduler stack */
	.cfi_undefined x30			/* unwinding stops here */
	blr	x1				/* fn (gp): x0 is still gp */
	bl	runtime_mcall_returned
	.cfi_endproc
	.size	runtime_mcall, . - runtime_mcall

	.section .note.GNU-stack,"",%progbits
