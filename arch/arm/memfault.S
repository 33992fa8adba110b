/* memfault.S (arm): memcpy, memmove and memset for Go programs, so that
   a nil dereference inside one of them is a recoverable panic.

   gccgo copies and clears larger values by calling these (`*p` of a
   struct from a nil p is memcpy (tmp, NULL, n)).  glibc's armhf
   versions are assembly without EHABI unwind entries, so a fault
   inside them leaves the unwinder no way back to the Go frames that
   must recover (libgo dies with "failed to throw unwind exception").
   These take the calls of the program's own objects (the linker takes
   them from libruntime.a before it sees libc).  Each saves lr under an
   unwind entry, touches the first byte of every operand, where a nil
   pointer faults, and then hands the work to glibc's __aeabi_ entry
   points.  A range valid at its start that faults further on is not a
   nil dereference and stays fatal.  Written in assembly because gcc
   marks C functions that it proves cannot throw as .cantunwind.  */
#include "arch.h"

	.syntax unified
	.arm
	.text

/* void *NAME (void *dst, const void *src, size_t n), by TARGET.  */
	.macro	probed_copy name, target
	.globl	\name
	.type	\name, %function
	.align	2
\name:
	.fnstart
	cmp	r2, #0
	bxeq	lr
	push	{r0, lr}
	.save	{r0, lr}
	ldrb	r3, [r1]
	ldrb	r3, [r0]
	bl	\target
	pop	{r0, pc}
	.fnend
	.size	\name, . - \name
	.endm

	probed_copy memcpy, __aeabi_memcpy
	probed_copy memmove, __aeabi_memmove

/* void *memset (void *dst, int c, size_t n); __aeabi_memset takes
   (dst, n, c).  */
	.globl	memset
	.type	memset, %function
	.align	2
memset:
	.fnstart
	cmp	r2, #0
	bxeq	lr
	push	{r0, lr}
	.save	{r0, lr}
	ldrb	r3, [r0]
	mov	r3, r1
	mov	r1, r2
	mov	r2, r3
	bl	__aeabi_memset
	pop	{r0, pc}
	.fnend
	.size	memset, . - memset

	.section .note.GNU-stack,"",%progbits
