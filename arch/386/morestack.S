/* morestack.S: the split-stack entry gccgo's prologues call.

   Until goroutines run on growable segments, no thread sets the TCB
   stack guard, so the prologue's compare never fails and this entry is
   never reached.  Reaching it means a guard was set without a segment
   manager behind it: report it as the broken invariant it is.  */
#include "arch.h"

	.text
	.globl	__morestack
	.type	__morestack, @function
__morestack:
	.cfi_startproc
	call	runtime_morestack_unset
	.cfi_endproc
	.size	__morestack, . - __morestack

	.section .note.GNU-stack,"",@progbits
	.section .note.GNU-split-stack,"",@progbits
