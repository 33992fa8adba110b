/* sigtramp.S (arm): the frame through which a fault in Go code
   becomes a call of runtime_sigpanic (os/linux/signal_linux_arm.h).  */
#include "arch.h"

	.syntax unified
	.arm

/* void runtime_sigpanic_tramp (void)
     Entered, instead of the faulting instruction, by a signal handler
     that pushed two words: [sp] the interrupted lr, [sp+4] the faulting
     pc + 2 (Thumb bit set as needed).  Calls runtime_sigpanic, which
     never returns.  Its unwind entry pops lr and pc from those words,
     so the unwinder resumes in the faulting function with its own lr,
     even when that function is a leaf that never saved lr.  */
	.text
	.globl	runtime_sigpanic_tramp
	.type	runtime_sigpanic_tramp, %function
	.hidden	runtime_sigpanic_tramp
	.align	2
runtime_sigpanic_tramp:
	.fnstart
	.unwind_raw 8, 0x8c, 0x00		@ pop {r14, r15}
	bl	runtime_sigpanic
	udf	#0
	.fnend
	.size	runtime_sigpanic_tramp, . - runtime_sigpanic_tramp
	.section .note.GNU-stack,"",%progbits
