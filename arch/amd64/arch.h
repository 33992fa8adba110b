/* arch/amd64/arch.h: what the portable core must know about x86-64.
   Included by C and by assembly (.S): keep it to #defines.  */
#ifndef LIBRUNTIME_ARCH_H
#define LIBRUNTIME_ARCH_H

#define ARCH_NAME            "amd64"
#define ARCH_PTRSIZE         8    /* bytes in a pointer, Go int, uintptr */
#define ARCH_REGSIZE         8    /* bytes in a general register */
#define ARCH_STACK_ALIGN     16   /* sp alignment at a call instruction */
#define ARCH_REDZONE         128  /* bytes below sp a leaf may use */
#define ARCH_CACHELINE       64
#define ARCH_PCQUANTUM       1    /* smallest instruction size */
/* Split-stack guard: the word gccgo's prologues compare sp against,
   glibc's tcbhead_t.__private_ss, reached as %fs:ARCH_TCB_GUARD.  */
#define ARCH_TCB_GUARD       0x70
#define ARCH_UNWIND_FP_REGNO 6  /* DWARF number of the frame pointer */
#define ARCH_HAS_SPLIT_STACK 1    /* gccgo-12 emits split-stack prologues */
/* TLS is reached through %fs/%gs on every access: a goroutine that
   moves to another thread sees that thread's values at once.  */
#define ARCH_TLS_ADDRESS_CACHED 0
/* Static chain register of func value calls: %r10.  */

/* Goroutine contexts (context.S).  ARCH_CTX_REGS: the words of
   callee-saved registers kept in Context.regs (rbx rbp r12 r13 r14 r15).
   ARCH_CALL_PUSHES_PC: a call pushes its return address on the stack
   (so a new goroutine's first frame finds a zero one there) rather than
   setting a link register.  */
#define ARCH_CTX_REGS        6
#define ARCH_CALL_PUSHES_PC  1

#endif
