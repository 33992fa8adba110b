/* closure.S (amd64): call a Go func value from C.

   void runtime_closure_call (ARGS...)   -- any signature
     C first stores the func value in the initial-exec TLS word
     runtime_closure_pending (libruntime_funcval_prepare), then calls this
     entry as if it were the target function, with the target's own
     arguments.  It moves the func value into the static chain register
     (%r10), clears the TLS word, and jumps to fv->code: arguments, stack
     and return address are untouched, so the target returns straight to
     the C caller.  Clobbers %r10 and %r11 (scratch in the SysV ABI).  */
#include "arch.h"

	.text
	.globl	runtime_closure_call
	.type	runtime_closure_call, @function
runtime_closure_call:
	.cfi_startproc
	movq	runtime_closure_pending@gottpoff(%rip), %r11
	movq	%fs:(%r11), %r10
	movq	$0, %fs:(%r11)
	jmp	*(%r10)
	.cfi_endproc
	.size	runtime_closure_call, . - runtime_closure_call

	.section .note.GNU-stack,"",@progbits
