/* closure.S (arm64): call a Go func value from C.

   void runtime_closure_call (ARGS...)   -- any signature
     As on amd64 (see arch/amd64/closure.S): the func value waits in the
     initial-exec TLS word runtime_closure_pending; this entry loads it
     into the static chain register (x18), clears the word and branches
     to fv->code.  x0-x8, the stack and x30 are as the caller left them;
     x16 and x17 (the intra-procedure-call scratch registers) are used.  */
#include "arch.h"

	.text
	.globl	runtime_closure_call
	.type	runtime_closure_call, %function
	.p2align 2
runtime_closure_call:
	.cfi_startproc
	mrs	x16, tpidr_el0
	adrp	x17, :gottprel:runtime_closure_pending
	ldr	x17, [x17, #:gottprel_lo12:runtime_closure_pending]
	add	x16, x16, x17
	ldr	x18, [x16]
	str	xzr, [x16]
	ldr	x17, [x18]
	br	x17
	.cfi_endproc
	.size	runtime_closure_call, . - runtime_closure_call

	.section .note.GNU-stack,"",%progbits
