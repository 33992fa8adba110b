/* context.S (amd64): goroutine context switches.

   The saved context of a goroutine is its stack pointer alone: the
   callee-saved registers and the resume address live on its own stack,
   just below that sp, where the collector's conservative scan of
   [sp, stack top) sees them too.

   void runtime_ctx_switch (uintptr *save_sp, uintptr load_sp)
     Like setjmp into *save_sp followed by longjmp to load_sp: pushes
     %rbp %rbx %r12-%r15 (the return address is already there), stores
     %rsp in *save_sp, switches to load_sp, pops the registers saved
     there and returns into that context.  A later switch back to
     *save_sp returns from this call.  Signal masks and the FP control
     words are per thread and are not switched.

   uintptr runtime_ctx_make (uintptr top, void (*fn) (void))
     Builds, below TOP, a context that runtime_ctx_switch enters as a
     call of FN (with the stack aligned as after a call instruction and a
     zero return address, which ends unwinding).  Returns its sp.  FN
     must never return.  */
#include "arch.h"

#define CTX_WORDS 6			/* rbp rbx r12 r13 r14 r15 */

	.text
	.globl	runtime_ctx_switch
	.type	runtime_ctx_switch, @function
	.hidden	runtime_ctx_switch
runtime_ctx_switch:
	.cfi_startproc
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.cfi_endproc
	.size	runtime_ctx_switch, . - runtime_ctx_switch

	.globl	runtime_ctx_make
	.type	runtime_ctx_make, @function
	.hidden	runtime_ctx_make
runtime_ctx_make:
	.cfi_startproc
	andq	$-16, %rdi
	movq	$0, -8(%rdi)			/* return address of FN: none */
	movq	%rsi, -16(%rdi)			/* where the switch returns */
	leaq	-16-8*CTX_WORDS(%rdi), %rax
	xorl	%ecx, %ecx
1:	movq	$0, (%rax,%rcx,8)		/* the callee-saved registers */
	incl	%ecx
	cmpl	$CTX_WORDS, %ecx
	jne	1b
	ret
	.cfi_endproc
	.size	runtime_ctx_make, . - runtime_ctx_make

	.section .note.GNU-stack,"",@progbits
