/* context.S (arm): the goroutine context primitives, in Thumb-2 (the
   state gcc's armhf code runs in; every jump is a bx/blx, so ARM-state
   callers work too).  Contract: arch/amd64/context.S.  Context.regs
   holds r4-r11 (8 words) then the VFP callee-saved d8-d15 (16 words);
   sp and the resume address (lr at the call) are Context.sp and .pc.
   r12 (ip) and the other VFP registers are caller-saved in the AAPCS.

   void runtime_gosave (G *gp)      setjmp into gp->context
   void runtime_gogo (G *gp)        longjmp to gp->context; never returns
   void runtime_mcall (G *gp, void (*fn) (G *))
                                    save as gosave, call fn (gp) on
                                    gp->m->g0's stack; fn never returns  */
#include "arch.h"
#include "asm-offsets.h"

	.syntax unified
	.thumb
	.fpu	vfpv3-d16

/* Save the caller's context into the G at r0.  Uses r2, r3.  */
.macro SAVE
	add	r2, r0, #(G_CONTEXT)
	str	sp, [r2, #(CTX_SP)]
	str	lr, [r2, #(CTX_PC)]
	str	sp, [r0, #(G_STACKSP)]
	add	r3, r2, #(CTX_REGS)
	stmia	r3!, {r4-r11}
	vstmia	r3, {d8-d15}
.endm

	.text
	.globl	runtime_gosave
	.type	runtime_gosave, %function
	.hidden	runtime_gosave
	.thumb_func
	.p2align 2
runtime_gosave:
	.fnstart
	.cantunwind
	SAVE
	movs	r0, #0
	bx	lr
	.fnend
	.size	runtime_gosave, . - runtime_gosave

	.globl	runtime_gogo
	.type	runtime_gogo, %function
	.hidden	runtime_gogo
	.thumb_func
	.p2align 2
runtime_gogo:
	.fnstart
	.cantunwind
	add	r2, r0, #(G_CONTEXT)
	add	r3, r2, #(CTX_REGS)
	ldmia	r3!, {r4-r11}
	vldmia	r3, {d8-d15}
	ldr	r3, [r2, #(CTX_SP)]
	mov	sp, r3
	ldr	r3, [r2, #(CTX_PC)]
	movs	r0, #1
	mov	lr, #0				/* a new G's entry has no caller */
	bx	r3
	.fnend
	.size	runtime_gogo, . - runtime_gogo

	.globl	runtime_mcall
	.type	runtime_mcall, %function
	.hidden	runtime_mcall
	.thumb_func
	.p2align 2
runtime_mcall:
	.fnstart
	.cantunwind
	SAVE
	ldr	r2, [r0, #(G_M)]
	ldr	r2, [r2, #(M_G0)]
	ldr	r2, [r2, #(G_CONTEXT + CTX_SP)]
	bic	r2, r2, #7
	mov	sp, r2				/* the scheduler stack */
	blx	r1				/* fn (gp): r0 is still gp */
	bl	runtime_mcall_returned
	.fnend
	.size	runtime_mcall, . - runtime_mcall

	.section .note.GNU-stack,"",%progbits
