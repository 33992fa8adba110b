/* sigtramp.S (386): the frame through which a fault in Go code
   becomes a call of runtime_sigpanic (os/linux/signal_linux_386.h).  */
#include "arch.h"

/* void runtime_sigpanic_tramp (void)
     As on amd64 (arch/amd64/sigtramp.S): entered with the faulting
     pc + 1 pushed as a return address; makes an %ebp frame, aligns %esp
     to 16 and calls runtime_sigpanic.  */
	.text
	.globl	runtime_sigpanic_tramp
	.type	runtime_sigpanic_tramp, @function
	.hidden	runtime_sigpanic_tramp
runtime_sigpanic_tramp:
	.cfi_startproc
	pushl	%ebp
	.cfi_def_cfa_offset 8
	.cfi_offset %ebp, -8
	movl	%esp, %ebp
	.cfi_def_cfa_register %ebp
	andl	$-16, %esp
	call	runtime_sigpanic
	ud2
	.cfi_endproc
	.size	runtime_sigpanic_tramp, . - runtime_sigpanic_tramp
	.section .note.GNU-stack,"",@progbits
