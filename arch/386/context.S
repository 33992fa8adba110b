/* context.S (386): the goroutine context primitives.
   Contract: arch/amd64/context.S.  Callee-saved registers kept in
   Context.regs: ebx ebp esi edi.  Arguments come on the stack (cdecl).

   void runtime_gosave (G *gp)      setjmp into gp->context
   void runtime_gogo (G *gp)        longjmp to gp->context; never returns
   void runtime_mcall (G *gp, void (*fn) (G *))
                                    save as gosave, call fn (gp) on
                                    gp->m->g0's stack; fn never returns  */
#include "arch.h"
#include "asm-offsets.h"

#define CTX(f)	G_CONTEXT+CTX_##f
#define REG(n)	G_CONTEXT+CTX_REGS+4*n

/* Save the caller's context into the G at %ecx.  Uses %eax, %edx.  */
.macro SAVE
	movl	(%esp), %eax			/* resume pc: our return address */
	leal	4(%esp), %edx			/* resume sp: after the return */
	movl	%eax, CTX(PC)(%ecx)
	movl	%edx, CTX(SP)(%ecx)
	movl	%edx, G_STACKSP(%ecx)
	movl	%ebx, REG(0)(%ecx)
	movl	%ebp, REG(1)(%ecx)
	movl	%esi, REG(2)(%ecx)
	movl	%edi, REG(3)(%ecx)
.endm

	.text
	.globl	runtime_gosave
	.type	runtime_gosave, @function
	.hidden	runtime_gosave
	.p2align 4
runtime_gosave:
	.cfi_startproc
	movl	4(%esp), %ecx
	SAVE
	xorl	%eax, %eax
	ret
	.cfi_endproc
	.size	runtime_gosave, . - runtime_gosave

	.globl	runtime_gogo
	.type	runtime_gogo, @function
	.hidden	runtime_gogo
	.p2align 4
runtime_gogo:
	.cfi_startproc
	movl	4(%esp), %ecx
	movl	REG(0)(%ecx), %ebx
	movl	REG(1)(%ecx), %ebp
	movl	REG(2)(%ecx), %esi
	movl	REG(3)(%ecx), %edi
	movl	CTX(SP)(%ecx), %esp
	movl	$1, %eax
	jmp	*CTX(PC)(%ecx)
	.cfi_endproc
	.size	runtime_gogo, . - runtime_gogo

	.globl	runtime_mcall
	.type	runtime_mcall, @function
	.hidden	runtime_mcall
	.p2align 4
runtime_mcall:
	.cfi_startproc
	movl	4(%esp), %ecx			/* gp */
	SAVE
	movl	8(%esp), %edx			/* fn */
	movl	G_M(%ecx), %eax
	movl	M_G0(%eax), %eax
	movl	CTX(SP)(%eax), %esp		/* the scheduler stack */
	.cfi_undefined eip			/* unwinding stops here */
	andl	$-16, %esp
	subl	$12, %esp
	pushl	%ecx				/* sp is 16-aligned at the call */
	call	*%edx
	call	runtime_mcall_returned
	.cfi_endproc
	.size	runtime_mcall, . - runtime_mcall

	.section .note.GNU-stack,"",@progbits
