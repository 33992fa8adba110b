/* arch/amd64/morestack.S: the split-stack entry of gccgo's prologues.

   WHO CALLS IT.  A function F compiled with -fsplit-stack (all Go code
   from gccgo-12, C from gcc -fsplit-stack) starts with

	cmp   %fs:ARCH_TCB_GUARD, %rsp      (frames < 256 bytes), or
	lea   -N(%rsp), %r11; cmp %fs:ARCH_TCB_GUARD, %r11
	jb    more
     body: ...
     more: mov $N, %r10        frame size (0 for a frame < 256 bytes)
	   mov $A, %r11        bytes of F's arguments passed on the stack
	   call __morestack
	   ret                 one byte, 0xc3
	   [mov %rax, %r10]    closures: the static chain was parked in %rax
	   jmp body

   A closure's prologue copies the static chain %r10 to %rax before it
   loads N, so %rax is live here too.

   ON ENTRY.  %r10 = N, %r11 = A; %rdi %rsi %rdx %rcx %r8 %r9 %xmm0-7 and
   %rax hold F's register arguments; (%rsp) = the address of F's `ret`
   (call it R); 8(%rsp) = F's own return address; 16(%rsp) = F's first
   stack argument.  %rsp is 16-byte aligned: F was entered with
   %rsp = 8 mod 16 and its call pushed 8 more.

   WHAT IT DOES, like setjmp/longjmp around a call:
     1. builds a MoreFrame record (stack_asm.h) and calls
	runtime_newstack (C, on this old stack: the guard zone below the
	guard has room, stack.h derives it), which links a segment,
	copies the A bytes of arguments to its top and returns the sp to
	use -- or 0 when a preemption request (poisoned guard) made the
	prologue fail although F fits where it is: then the arguments are
	copied just below this frame and F runs on the same stack;
     2. switches %rsp, restores F's argument registers and calls R+1,
	the rest of F, so F's frame is built on the new segment and F's
	`ret` comes back here;
     3. moves %rsp back to this frame, calls runtime_oldstack (which
	unlinks the segment and reinstalls the old guard), restores F's
	results (%rax %rdx %xmm0 %xmm1) and returns to R, whose `ret`
	returns to F's caller.

   PRESERVED: every register F's caller may rely on -- callee-saved
   ones untouched, argument registers into F, result registers out of F.
   %r10 and %r11 are clobbered (scratch in the prologue anyway).

   UNWINDING.  The CFA is %rbp + 16 (the %rsp before the call to
   __morestack, + 8).  The return-address column says 0(CFA) -- F's own
   return address -- and the caller's %rsp is CFA + 8, so an unwinder
   walking up from F's body (on the new segment) steps through this
   frame straight into F's caller (on the old stack), skipping R: a
   backtrace shows F once, and a Go panic raised on the new segment
   finds landing pads on the old one.  The frame's personality,
   runtime_morestack_personality (stack.c), unlinks the segment as the
   unwinder's cleanup phase passes the frame, so the guard describes
   the old stack again when a landing pad there runs.  No landing pad
   here: one would have to call _Unwind_Resume from the old stack's
   guard zone, which has no room for the unwinder (stack.h).

   SIGNALS are not blocked; stack.c says why every instruction boundary
   here is a consistent state.  */
#include "arch.h"
#include "stack_asm.h"

/* Our frame, below the saved %rbp: the argument registers, then
   %xmm0-7, then the MoreFrame record at the bottom.  SAVE_SIZE = 8 words
   (%rax %rdi %rsi %rdx %rcx %r8 %r9, one pad) + 8 * 16 (%xmm0-7) +
   MF_SIZE (48) = 240; %rbp is 8 mod 16, so the record and every call
   below are 16-byte aligned when SAVE_SIZE is 8 mod 16: 248.  */
#define S_RAX   -8
#define S_RDI   -16
#define S_RSI   -24
#define S_RDX   -32
#define S_RCX   -40
#define S_R8    -48
#define S_R9    -56
#define S_XMM   -192            /* %xmm0 here, %xmm(i) at S_XMM + 16 i */
#define SAVE_SIZE 248
#define REC     (-SAVE_SIZE)    /* the MoreFrame record, (%rbp) relative */

	.text

/* gold redirects the prologue of a split function that calls non-split
   code here (binutils --split-stack-adjust-size, 16 KiB by default):
   ask for that much more and go on as __morestack.  */
	.globl	__morestack_non_split
	.type	__morestack_non_split, @function
__morestack_non_split:
	.cfi_startproc
	addq	$0x4000, %r10
	jmp	__morestack
	.cfi_endproc
	.size	__morestack_non_split, . - __morestack_non_split

/* The large code model's prologue passes both sizes in %r10: argument
   bytes in the upper half, frame size in the lower.  */
	.globl	__morestack_large_model
	.type	__morestack_large_model, @function
__morestack_large_model:
	.cfi_startproc
	movq	%r10, %r11
	shrq	$32, %r11
	movl	%r10d, %r10d
	jmp	__morestack
	.cfi_endproc
	.size	__morestack_large_model, . - __morestack_large_model

	.globl	__morestack
	.type	__morestack, @function
__morestack:
.Lfunc_begin:
	.cfi_startproc
	.cfi_personality 0x1b, runtime_morestack_personality
	pushq	%rbp
	.cfi_def_cfa_offset 16
	.cfi_offset %rbp, -16
	movq	%rsp, %rbp
	.cfi_def_cfa_register %rbp
	/* Return address: F's, at CFA + 0; caller's %rsp: CFA + 8
	   (DW_CFA_val_offset_sf %rsp, -1 * data_align -8).  */
	.cfi_offset %rip, 0
	.cfi_escape 0x15, 7, 0x7f

	subq	$SAVE_SIZE, %rsp
	movq	%rax, S_RAX(%rbp)
	movq	%rdi, S_RDI(%rbp)
	movq	%rsi, S_RSI(%rbp)
	movq	%rdx, S_RDX(%rbp)
	movq	%rcx, S_RCX(%rbp)
	movq	%r8, S_R8(%rbp)
	movq	%r9, S_R9(%rbp)
	movups	%xmm0, S_XMM+0(%rbp)
	movups	%xmm1, S_XMM+16(%rbp)
	movups	%xmm2, S_XMM+32(%rbp)
	movups	%xmm3, S_XMM+48(%rbp)
	movups	%xmm4, S_XMM+64(%rbp)
	movups	%xmm5, S_XMM+80(%rbp)
	movups	%xmm6, S_XMM+96(%rbp)
	movups	%xmm7, S_XMM+112(%rbp)

	/* The record: sizes, where the arguments are (16(%rsp) at entry
	   = 24(%rbp)), R, F's sp at entry (8(%rsp) at entry = 16(%rbp)),
	   and our frame pointer, which names this split.  */
	movq	%r10, REC+MF_FRAMESIZE(%rbp)
	movq	%r11, REC+MF_ARGSIZE(%rbp)
	leaq	24(%rbp), %rax
	movq	%rax, REC+MF_ARGS(%rbp)
	movq	8(%rbp), %rax
	movq	%rax, REC+MF_PC(%rbp)
	leaq	16(%rbp), %rax
	movq	%rax, REC+MF_SP(%rbp)
	movq	%rbp, REC+MF_FRAME(%rbp)

	leaq	REC(%rbp), %rdi
	call	runtime_newstack
	testq	%rax, %rax
	jz	.Lsame

.Lrun:	/* %rax: the sp to run F on, its stack arguments copied there.  */
	movq	%rax, %rsp
	movq	S_RDI(%rbp), %rdi
	movq	S_RSI(%rbp), %rsi
	movq	S_RDX(%rbp), %rdx
	movq	S_RCX(%rbp), %rcx
	movq	S_R8(%rbp), %r8
	movq	S_R9(%rbp), %r9
	movups	S_XMM+0(%rbp), %xmm0
	movups	S_XMM+16(%rbp), %xmm1
	movups	S_XMM+32(%rbp), %xmm2
	movups	S_XMM+48(%rbp), %xmm3
	movups	S_XMM+64(%rbp), %xmm4
	movups	S_XMM+80(%rbp), %xmm5
	movups	S_XMM+96(%rbp), %xmm6
	movups	S_XMM+112(%rbp), %xmm7
	movq	8(%rbp), %r10
	incq	%r10			/* R + 1: past the one-byte ret */
	movq	S_RAX(%rbp), %rax
.Lcall_begin:
	call	*%r10
.Lcall_end:
	/* F returned.  Park its results in our frame, step back onto the
	   old stack, unlink the segment, and return through R.  */
	movq	%rax, S_RAX(%rbp)
	movq	%rdx, S_RDX(%rbp)
	movups	%xmm0, S_XMM+0(%rbp)
	movups	%xmm1, S_XMM+16(%rbp)
	leaq	REC(%rbp), %rsp
	movq	%rbp, %rdi
	call	runtime_oldstack
	movq	S_RAX(%rbp), %rax
	movq	S_RDX(%rbp), %rdx
	movups	S_XMM+0(%rbp), %xmm0
	movups	S_XMM+16(%rbp), %xmm1
	movq	%rbp, %rsp
	.cfi_remember_state
	popq	%rbp
	.cfi_restore %rbp
	.cfi_def_cfa %rsp, 8
	ret

	.cfi_restore_state
.Lsame:	/* Preempted, and F fits here: copy its stack arguments below the
	   record (16-byte multiple: the record is aligned) and run it.  */
	movq	REC+MF_ARGSIZE(%rbp), %rcx
	movq	REC+MF_ARGS(%rbp), %rsi
	leaq	15(%rcx), %rax
	andq	$-16, %rax
	subq	%rax, %rsp
	movq	%rsp, %rdi
	rep movsb
	movq	%rsp, %rax
	jmp	.Lrun

	.cfi_endproc
	.size	__morestack, . - __morestack

/* void *runtime_callroom (void *(*fn) (void *), void *arg)
     FN (ARG) with at least STACK_ROOM bytes of stack below this frame:
     the prologue asks for STACK_ROOM as if that were its frame (the
     protocol above), the body uses 16 bytes of it and leaves the rest
     to FN and what FN calls -- the non-split code (libc, the unwinder,
     libffi) that split-stack runtime C may not run below the guard.
     An ordinary %rbp frame to the unwinder: panics pass through it.  */
	.globl	runtime_callroom
	.hidden	runtime_callroom
	.type	runtime_callroom, @function
runtime_callroom:
	.cfi_startproc
	leaq	-STACK_ROOM(%rsp), %r11
	cmpq	%fs:ARCH_TCB_GUARD, %r11
	jb	2f
1:	pushq	%rbp
	.cfi_def_cfa_offset 16
	.cfi_offset %rbp, -16
	movq	%rsp, %rbp
	.cfi_def_cfa_register %rbp
	movq	%rdi, %rax
	movq	%rsi, %rdi
	call	*%rax
	popq	%rbp
	.cfi_restore %rbp
	.cfi_def_cfa %rsp, 8
	ret
2:	movq	$STACK_ROOM, %r10
	xorl	%r11d, %r11d
	call	__morestack
	ret
	jmp	1b
	.cfi_endproc
	.size	runtime_callroom, . - runtime_callroom

	.section .note.GNU-stack, "", @progbits
	.section .note.GNU-split-stack, "", @progbits
