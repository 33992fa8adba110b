/* arch/386/morestack.S: the split-stack entry of gccgo's prologues.

   WHO CALLS IT.  A function F compiled with -fsplit-stack (all Go code
   from i686-linux-gnu-gccgo-12, C from gcc -fsplit-stack) starts with

	cmp   %gs:ARCH_TCB_GUARD, %esp           (small frames), or
	lea   -N(%esp), %ecx (or %edx); cmp %gs:ARCH_TCB_GUARD, %ecx
	jb    more
     body: ...
     more: push $A             bytes of F's arguments on the stack
	   push $N             frame size (0 for a small frame)
	   call __morestack
	   ret  or  ret $n     0xc3, or 0xc2 imm16 when F pops its hidden
			       struct-result pointer (callee-pop)
	   jmp body

   ON ENTRY.  (%esp) = the address of F's ret (R); 4(%esp) = N;
   8(%esp) = A; 12(%esp) = F's own return address; 16(%esp) = F's first
   stack argument.  %eax %edx %ecx may carry arguments (regparm) and
   %ecx the static chain of a closure; all three are preserved into F.
   %esp is 16-byte aligned: F was entered with %esp = 12 mod 16 and the
   prologue pushed 12 more bytes.

   WHAT IT DOES, like setjmp/longjmp around a call:
     1. builds a MoreFrame record (stack_asm.h) and calls
	runtime_newstack (C, on this old stack inside the guard zone),
	which links a segment, copies the A argument bytes to its top and
	returns the sp to use -- or 0 when a preemption request made the
	prologue fail although F fits where it is: then the arguments are
	copied just below this frame and F runs on the same stack;
     2. switches %esp, restores %eax %edx %ecx and calls the rest of F
	(R + 1 after a plain ret, R + 3 after ret $n);  F's own ret (or
	ret $n, popping from the new stack) comes back here;
     3. moves %esp back to this frame, calls runtime_oldstack (unlink,
	old guard), restores F's results (%eax %edx; st(0) is untouched:
	the C side is compiled for general registers only) and returns
	with ret $8 -- popping N and A -- to R, which returns to F's
	caller exactly as F would have.

   PRESERVED: callee-saved registers untouched; %eax %edx %ecx into F;
   %eax %edx st(0) out of F.

   UNWINDING.  The CFA is %ebp + 8.  The return-address column says
   8(CFA) -- F's own return address -- and the caller's %esp is
   CFA + 12 (R's ret $n, if any, is the caller's concern: its CFA rule
   at the call site already counts the pushed arguments), so the
   unwinder steps from F's body on the new segment straight into F's
   caller on the old stack.  The frame's personality,
   runtime_morestack_personality (stack.c), unlinks the segment as the
   unwinder's cleanup phase passes the frame (no landing pad: it would
   call _Unwind_Resume from the old stack's guard zone, which has no
   room for the unwinder).

   SIGNALS are not blocked; stack.c says why every instruction boundary
   here is a consistent state.  */
#include "arch.h"
#include "stack_asm.h"

/* Our frame below the saved %ebp: %eax %edx %ecx, the continuation
   address, then (16-byte aligned, found by address) the MoreFrame.  */
#define S_EAX   -4
#define S_EDX   -8
#define S_ECX   -12
#define S_CONT  -16
/* 16 bytes of saves, MF_SIZE (24) of record, 16 of outgoing argument
   area, rounded down to 16 by the andl: the record is at 16(%esp).  */
#define FRAME   (16 + MF_SIZE + 16)
#define REC     16

	.text

/* gold redirects the prologue of a split function that calls non-split
   code here: ask for 16 KiB more and go on as __morestack.  */
	.globl	__morestack_non_split
	.type	__morestack_non_split, @function
__morestack_non_split:
	.cfi_startproc
	addl	$0x4000, 4(%esp)
	jmp	__morestack
	.cfi_endproc
	.size	__morestack_non_split, . - __morestack_non_split

	.globl	__morestack
	.type	__morestack, @function
__morestack:
.Lfunc_begin:
	.cfi_startproc
	.cfi_personality 0x1b, runtime_morestack_personality
	pushl	%ebp
	.cfi_def_cfa_offset 8
	.cfi_offset %ebp, -8
	movl	%esp, %ebp
	.cfi_def_cfa_register %ebp
	/* Return address: F's, at CFA + 8; caller's %esp: CFA + 12
	   (DW_CFA_val_offset_sf %esp, -3 * data_align -4).  */
	.cfi_offset %eip, 8
	.cfi_escape 0x15, 4, 0x7d

	pushl	%eax
	pushl	%edx
	pushl	%ecx
	pushl	$0
	subl	$(MF_SIZE + 16), %esp
	andl	$-16, %esp

	movl	8(%ebp), %eax
	movl	%eax, REC+MF_FRAMESIZE(%esp)
	movl	12(%ebp), %eax
	movl	%eax, REC+MF_ARGSIZE(%esp)
	leal	20(%ebp), %eax
	movl	%eax, REC+MF_ARGS(%esp)
	movl	4(%ebp), %eax
	movl	%eax, REC+MF_PC(%esp)
	leal	16(%ebp), %eax
	movl	%eax, REC+MF_SP(%esp)
	movl	%ebp, REC+MF_FRAME(%esp)

	/* The continuation: R + 1 after a plain ret, R + 3 after ret $n.  */
	movl	4(%ebp), %eax
	cmpb	$0xc3, (%eax)
	je	1f
	addl	$2, %eax
1:	incl	%eax
	movl	%eax, S_CONT(%ebp)

	leal	REC(%esp), %eax
	movl	%eax, (%esp)
	call	runtime_newstack
	testl	%eax, %eax
	jz	.Lsame

.Lrun:	/* %eax: the sp to run F on, its stack arguments copied there.  */
	movl	%eax, %esp
	movl	S_EDX(%ebp), %edx
	movl	S_ECX(%ebp), %ecx
	movl	S_EAX(%ebp), %eax
.Lcall_begin:
	call	*S_CONT(%ebp)
.Lcall_end:
	/* F returned (its ret $n may have moved %esp: do not rely on it).
	   Park the results, step back onto the old stack, unlink.  */
	movl	%eax, S_EAX(%ebp)
	movl	%edx, S_EDX(%ebp)
	leal	-FRAME(%ebp), %esp
	andl	$-16, %esp
	movl	%ebp, (%esp)
	call	runtime_oldstack
	movl	S_EAX(%ebp), %eax
	movl	S_EDX(%ebp), %edx
	movl	%ebp, %esp
	.cfi_remember_state
	popl	%ebp
	.cfi_restore %ebp
	.cfi_def_cfa %esp, 4
	ret	$8

	.cfi_restore_state
.Lsame:	/* Preempted, and F fits here: copy its stack arguments (a whole
	   number of words) below the record and run it.  */
	movl	REC+MF_ARGSIZE(%esp), %ecx
	movl	REC+MF_ARGS(%esp), %edx
	leal	15(%ecx), %eax
	andl	$-16, %eax
	subl	%eax, %esp
2:	subl	$4, %ecx
	jb	3f
	movl	(%edx,%ecx), %eax
	movl	%eax, (%esp,%ecx)
	jmp	2b
3:	movl	%esp, %eax
	jmp	.Lrun

	.cfi_endproc
	.size	__morestack, . - __morestack

/* void *runtime_callroom (void *(*fn) (void *), void *arg)
     FN (ARG) with at least STACK_ROOM bytes of stack below this frame:
     the prologue asks for STACK_ROOM as if that were its frame (the
     protocol above, with 8 bytes of arguments to copy), the body uses
     16 bytes of it and leaves the rest to FN and what FN calls -- the
     non-split code (libc, the unwinder, libffi) that split-stack
     runtime C may not run below the guard.  An ordinary %ebp frame to
     the unwinder: panics pass through it.  */
	.globl	runtime_callroom
	.hidden	runtime_callroom
	.type	runtime_callroom, @function
runtime_callroom:
	.cfi_startproc
	leal	-STACK_ROOM(%esp), %ecx
	cmpl	%gs:ARCH_TCB_GUARD, %ecx
	jb	2f
1:	pushl	%ebp
	.cfi_def_cfa_offset 8
	.cfi_offset %ebp, -8
	movl	%esp, %ebp
	.cfi_def_cfa_register %ebp
	subl	$4, %esp
	pushl	12(%ebp)
	call	*8(%ebp)
	leave
	.cfi_restore %ebp
	.cfi_def_cfa %esp, 4
	ret
2:	pushl	$8
	.cfi_adjust_cfa_offset 4
	pushl	$STACK_ROOM
	.cfi_adjust_cfa_offset 4
	call	__morestack
	.cfi_adjust_cfa_offset -8
	ret
	jmp	1b
	.cfi_endproc
	.size	runtime_callroom, . - runtime_callroom

	.section .note.GNU-stack, "", @progbits
	.section .note.GNU-split-stack, "", @progbits
