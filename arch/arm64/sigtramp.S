/* sigtramp.S (arm64): the frame through which a fault in Go code
   becomes a call of runtime_sigpanic (os/linux/signal_linux_arm64.h).  */
#include "arch.h"

/* void runtime_sigpanic_tramp (void)
     Entered, instead of the faulting instruction, by a signal handler
     that pushed two words: [sp] the interrupted x30, [sp+8] the faulting
     pc + 4.  Calls runtime_sigpanic, which never returns.  Its CFI takes
     the caller's pc from [sp+8] (return address column x16) and restores
     x30 from [sp], so the unwinder resumes in the faulting function with
     its own x30, even when that function is a leaf.  */
	.text
	.globl	runtime_sigpanic_tramp
	.type	runtime_sigpanic_tramp, %function
	.hidden	runtime_sigpanic_tramp
	.p2align 2
runtime_sigpanic_tramp:
	.cfi_startproc
	.cfi_return_column x16
	.cfi_def_cfa sp, 16
	.cfi_offset x30, -16
	.cfi_offset x16, -8
	bl	runtime_sigpanic
	brk	#0
	.cfi_endproc
	.size	runtime_sigpanic_tramp, . - runtime_sigpanic_tramp
	.section .note.GNU-stack,"",%progbits
