/* sigtramp.S (amd64): the frame through which a fault in Go code
   becomes a call of runtime_sigpanic (os/linux/signal_linux_amd64.h).  */
#include "arch.h"

/* void runtime_sigpanic_tramp (void)
     Entered, instead of the faulting instruction, by a signal handler
     that pushed the faulting pc + 1 as a return address (the unwinder
     looks up ra - 1).  The faulting code's %rsp may have any alignment,
     so the trampoline makes a frame-pointer frame, aligns %rsp and calls
     runtime_sigpanic, which never returns.  Its CFI is that of an
     ordinary %rbp frame: the unwinder finds the pushed address and the
     faulting function's %rsp and %rbp as they were.  */
	.text
	.globl	runtime_sigpanic_tramp
	.type	runtime_sigpanic_tramp, @function
	.hidden	runtime_sigpanic_tramp
runtime_sigpanic_tramp:
	.cfi_startproc
	pushq	%rbp
	.cfi_def_cfa_offset 16
	.cfi_offset %rbp, -16
	movq	%rsp, %rbp
	.cfi_def_cfa_register %rbp
	andq	$-16, %rsp
	call	runtime_sigpanic
	ud2
	.cfi_endproc
	.size	runtime_sigpanic_tramp, . - runtime_sigpanic_tramp
	.section .note.GNU-stack,"",@progbits
