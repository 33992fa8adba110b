/* arch/arm/morestack.S: the split-stack entry of LLVM's ARM prologues.

   gccgo-12 emits no split-stack prologues on arm (Go code runs on
   fixed stacks, stack.h), but clang does for C code built with
   `clang --target=arm-linux-gnueabihf -fsplit-stack -marm`, and such C
   code may run on a goroutine or on the main thread.

   WHO CALLS IT.  A function F in ARM state starts with

	push  {r4, r5}
	mrc   p15, 0, r4, c13, c0, 3     TPIDRURO: the thread pointer
	sub   r5, sp, #N   (or mov r5, sp)
	ldr   r4, [r4, #ARCH_TCB_GUARD]  the guard
	cmp   r4, r5
	blo   body
	mov   r4, #N                     frame size
	mov   r5, #A                     bytes of stack arguments
	push  {lr}
	bl    __morestack
	pop   {lr}                       <- lr points here (R)
	pop   {r4, r5}
	bx    lr
     body: pop {r4, r5}                  R + 12
	...                              R + 16: the rest of F

   ON ENTRY.  r4 = N, r5 = A; r0-r3, d0-d7 (hard float) and ip (a
   static chain) hold F's register arguments; [sp] = F's return
   address, [sp+4], [sp+8] = F's caller's r4, r5; [sp+12] = F's first
   stack argument; lr = R.  sp is 4 mod 8 (F was entered 8-aligned and
   the prologue pushed 12 bytes).  Thumb prologues have other lengths:
   lr with bit 0 set is refused (runtime_morestack_thumb throws).

   WHAT IT DOES, like setjmp/longjmp around a call:
     1. saves r0-r3, fp, ip, lr and d0-d7, builds a MoreFrame record
	(stack_asm.h) and calls runtime_newstack on this old stack, which
	links a segment, copies the A argument bytes and returns the sp
	to use, or 0 (preempted, F fits here: copy the arguments below
	this frame and run F on the same stack);
     2. switches sp, restores the argument registers and calls R + 16:
	F's body builds its frame on the new segment, and its return
	(pop {..., pc}) comes back here;
     3. returns sp to this frame, calls runtime_oldstack (unlink, old
	guard), restores F's results (r0-r3, d0-d7) and returns to R,
	which restores F's lr, r4, r5 and returns to F's caller.

   PRESERVED: r4-r11 of F's caller (r4, r5 by the prologue, the rest
   untouched; fp saved here), argument registers into F, result
   registers out of F.

   UNWINDING.  clang marks split-stack C functions .cantunwind unless
   built with -funwind-tables, and no Go code splits on arm, so no
   exception ever crosses this frame; the EHABI entry below still lets a
   backtrace (_Unwind_Backtrace, gdb) step from F's body to F's caller:
   fp holds the old sp, and the saved registers sit above it.

   SIGNALS are not blocked; stack.c says why every instruction boundary
   here is a consistent state.  */
#include "arch.h"
#include "stack_asm.h"

/* Our frame.  fp = sp after the first push, then:
     [fp + 0 .. 12]  r0-r3      [fp + 16] caller's fp (r11)
     [fp + 20]       ip (r12)   [fp + 24] R (lr)
     [fp + 28]       F's return address (the entry sp)
   (push stores a register list in register-number order, whatever
   order the list is written in.)
     [fp - 64 .. -1] d0-d7      record: MF_SIZE rounded to 8, below.
   The first push is 7 words, so fp = entry sp - 28 is 8-aligned.  */
#define S_IP     20
#define S_LR     24
#define S_ENTRY  28                 /* the entry sp, relative to fp */
#define S_D      (-64)
#define REC      (S_D - ((MF_SIZE + 7) & ~7))

	.syntax	unified
	.cfi_sections .debug_frame
	.arm
	.text
	.globl	__morestack
	.type	__morestack, %function
	.p2align 2
__morestack:
	.fnstart
	.cfi_startproc
	tst	lr, #1
	bne	.Lthumb
	.save	{r0, r1, r2, r3, fp, ip, lr}
	push	{r0, r1, r2, r3, fp, ip, lr}
	.cfi_def_cfa_offset 28
	.cfi_offset fp, -12
	.cfi_offset lr, -4
	.setfp	fp, sp
	mov	fp, sp
	.cfi_def_cfa_register fp
	vpush	{d0-d7}
	sub	sp, sp, #(-REC - 64)

	str	r4, [fp, #(REC + MF_FRAMESIZE)]
	str	r5, [fp, #(REC + MF_ARGSIZE)]
	add	r0, fp, #(S_ENTRY + 12)
	str	r0, [fp, #(REC + MF_ARGS)]
	str	lr, [fp, #(REC + MF_PC)]
	add	r0, fp, #(S_ENTRY + 12)
	str	r0, [fp, #(REC + MF_SP)]
	str	fp, [fp, #(REC + MF_FRAME)]
	mov	r0, sp
	bl	runtime_newstack
	cmp	r0, #0
	beq	.Lsame

.Lrun:	/* r0: the sp to run F on, its stack arguments copied there.  */
	mov	sp, r0
	ldr	r4, [fp, #S_LR]
	add	r4, r4, #16		/* R + 16: past the fast path's pop */
	add	r0, fp, #S_D
	vldmia	r0, {d0-d7}
	ldr	ip, [fp, #S_IP]
	ldm	fp, {r0, r1, r2, r3}
	blx	r4
	/* F returned: park its results, back onto the old stack, unlink.  */
	stm	fp, {r0, r1, r2, r3}
	add	r0, fp, #S_D
	vstmia	r0, {d0-d7}
	sub	sp, fp, #(-REC)
	mov	r0, fp
	bl	runtime_oldstack
	add	r0, fp, #S_D
	vldmia	r0, {d0-d7}
	ldm	fp, {r0, r1, r2, r3}
	add	sp, fp, #16
	pop	{fp, ip, lr}
	bx	lr

.Lsame:	/* Preempted, and F fits here: copy its stack arguments (whole
	   words) below the record, keeping sp 8-aligned, and run it.  */
	ldr	r2, [fp, #(REC + MF_ARGSIZE)]
	ldr	r1, [fp, #(REC + MF_ARGS)]
	add	r3, r2, #7
	bic	r3, r3, #7
	sub	sp, sp, r3
1:	subs	r2, r2, #4
	bmi	2f
	ldr	r3, [r1, r2]
	str	r3, [sp, r2]
	b	1b
2:	mov	r0, sp
	b	.Lrun

.Lthumb:
	bl	runtime_morestack_thumb
	.cfi_endproc
	.fnend
	.size	__morestack, . - __morestack

	.section .note.GNU-stack, "", %progbits
