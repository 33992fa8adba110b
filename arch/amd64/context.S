/* context.S (amd64): the goroutine context primitives.

   The fixed list, with the same names and meanings on every arch
   (STYLE.md item 2); libruntime/context.c is the portable ucontext
   version that configure --enable-context-fallback selects instead.
   A context is a G's Context (runtime.h): sp, pc and the callee-saved
   registers (here rbx rbp r12 r13 r14 r15), reached through the
   offsets of the generated asm-offsets.h.  Caller-saved registers need
   no saving: every entry is a call, after which the caller expects them
   clobbered.  Signal masks, the x87 control word and MXCSR belong to
   the thread and are not switched.

   void runtime_gosave (G *gp)
     setjmp: stores the caller's callee-saved registers, its sp (as it
     will be after the return) and the return address in gp->context,
     and that sp in gp->stacksp; returns normally.  A later
     runtime_gogo (gp) returns from this call a second time.  Used where
     the registers must be visible while the G keeps running C code
     (system calls: the collector scans them) and to mark the base of
     the scheduler stack that runtime_mcall switches to.

   void runtime_gogo (G *gp)        never returns
     longjmp: loads gp->context and jumps to its pc, with 1 in the
     return register.  gp->context comes from runtime_gosave,
     runtime_mcall, or the scheduler's set-up of a new goroutine (pc the
     entry function, sp just below a zero return address).

   void runtime_mcall (G *gp, void (*fn) (G *))
     setjmp plus a switch: saves the caller's context in gp->context
     exactly as runtime_gosave does, then moves to the scheduler stack,
     gp->m->g0->context.sp (the point its runtime_gosave marked), and
     calls fn (gp) there.  fn must not return (it ends in runtime_gogo
     of some G); a later runtime_gogo (gp) returns from this call.  */
#include "arch.h"
#include "asm-offsets.h"

#define CTX(f)	G_CONTEXT+CTX_##f
#define REG(n)	G_CONTEXT+CTX_REGS+8*n

/* Save the caller's context into the G at %rdi.  Uses %rax, %rdx.  */
.macro SAVE
	movq	(%rsp), %rax			/* resume pc: our return address */
	leaq	8(%rsp), %rdx			/* resume sp: after the return */
	movq	%rax, CTX(PC)(%rdi)
	movq	%rdx, CTX(SP)(%rdi)
	movq	%rdx, G_STACKSP(%rdi)
	movq	%rbx, REG(0)(%rdi)
	movq	%rbp, REG(1)(%rdi)
	movq	%r12, REG(2)(%rdi)
	movq	%r13, REG(3)(%rdi)
	movq	%r14, REG(4)(%rdi)
	movq	%r15, REG(5)(%rdi)
.endm

	.text
	.globl	runtime_gosave
	.type	runtime_gosave, @function
	.hidden	runtime_gosave
	.p2align 4
runtime_gosave:
	.cfi_startproc
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
	movq	REG(0)(%rdi), %rbx
	movq	REG(1)(%rdi), %rbp
	movq	REG(2)(%rdi), %r12
	movq	REG(3)(%rdi), %r13
	movq	REG(4)(%rdi), %r14
	movq	REG(5)(%rdi), %r15
	movq	CTX(SP)(%rdi), %rsp
	movl	$1, %eax
	jmp	*CTX(PC)(%rdi)
	.cfi_endproc
	.size	runtime_gogo, . - runtime_gogo

	.globl	runtime_mcall
	.type	runtime_mcall, @function
	.hidden	runtime_mcall
	.p2align 4
runtime_mcall:
	.cfi_startproc
	SAVE
	movq	G_M(%rdi), %rax
	movq	M_G0(%rax), %rax
	movq	CTX(SP)(%rax), %rsp		/* the scheduler stack */
	.cfi_undefined rip			/* unwinding stops here */
	andq	$-16, %rsp
	call	*%rsi				/* fn (gp): %rdi is still gp */
	call	runtime_mcall_returned
	.cfi_endproc
	.size	runtime_mcall, . - runtime_mcall

	.section .note.GNU-stack,"",@progbits
