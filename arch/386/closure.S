/* closure.S (386): call a Go func value from C.

   void runtime_closure_call (ARGS...)   -- any signature
     As on amd64 (see arch/amd64/closure.S): the func value waits in the
     initial-exec TLS word runtime_closure_pending; this entry loads it
     into the static chain register (%ecx), clears the word and jumps to
     fv->code with the caller's stack (arguments, hidden struct-return
     pointer, return address) untouched.  Clobbers %eax and %ecx, which
     are call-clobbered and carry no arguments in the i386 ABI.  */
#include "arch.h"

	.text
	.globl	runtime_closure_call
	.type	runtime_closure_call, @function
runtime_closure_call:
	.cfi_startproc
	call	1f
1:	popl	%ecx
	addl	$_GLOBAL_OFFSET_TABLE_+[.-1b], %ecx
	movl	runtime_closure_pending@gotntpoff(%ecx), %eax
	movl	%gs:(%eax), %ecx
	movl	$0, %gs:(%eax)
	jmp	*(%ecx)
	.cfi_endproc
	.size	runtime_closure_call, . - runtime_closure_call

	.section .note.GNU-stack,"",@progbits
