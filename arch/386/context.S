/* context.S (386): goroutine context switches.
   Contract: see arch/amd64/context.S.  Saved on the goroutine's stack:
   %ebp %ebx %esi %edi and the resume address.  */
#include "arch.h"

#define CTX_WORDS 4			/* ebp ebx esi edi */

	.text
	.globl	runtime_ctx_switch
	.type	runtime_ctx_switch, @function
	.hidden	runtime_ctx_switch
runtime_ctx_switch:
	.cfi_startproc
	movl	4(%esp), %eax			/* save_sp */
	movl	8(%esp), %edx			/* load_sp */
	pushl	%ebp
	pushl	%ebx
	pushl	%esi
	pushl	%edi
	movl	%esp, (%eax)
	movl	%edx, %esp
	popl	%edi
	popl	%esi
	popl	%ebx
	popl	%ebp
	ret
	.cfi_endproc
	.size	runtime_ctx_switch, . - runtime_ctx_switch

	.globl	runtime_ctx_make
	.type	runtime_ctx_make, @function
	.hidden	runtime_ctx_make
runtime_ctx_make:
	.cfi_startproc
	movl	4(%esp), %eax			/* top */
	movl	8(%esp), %edx			/* fn */
	andl	$-16, %eax
	movl	$0, -4(%eax)			/* return address of FN: none */
	movl	%edx, -8(%eax)			/* where the switch returns */
	subl	$8+4*CTX_WORDS, %eax
	movl	$0, 0(%eax)
	movl	$0, 4(%eax)
	movl	$0, 8(%eax)
	movl	$0, 12(%eax)
	ret
	.cfi_endproc
	.size	runtime_ctx_make, . - runtime_ctx_make

	.section .note.GNU-stack,"",@progbits
