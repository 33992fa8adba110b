/* arch/386/arch.h: what the portable core must know about i686.
   Included by C and by assembly (.S): keep it to #defines.  */
#ifndef LIBRUNTIME_ARCH_H
#define LIBRUNTIME_ARCH_H

#define ARCH_NAME            "386"
#define ARCH_PTRSIZE         4
#define ARCH_REGSIZE         4
#define ARCH_STACK_ALIGN     16   /* gcc keeps 16 at calls on i386 Linux */
#define ARCH_REDZONE         0
#define ARCH_CACHELINE       64
#define ARCH_PCQUANTUM       1
/* Split-stack guard: glibc's tcbhead_t.__private_ss at %gs:0x30.  */
#define ARCH_TCB_GUARD       0x30
#define ARCH_UNWIND_FP_REGNO 5  /* DWARF number of the frame pointer */
#define ARCH_HAS_SPLIT_STACK 1
/* TLS is reached through %fs/%gs on every access: a goroutine that
   moves to another thread sees that thread's values at once.  */
#define ARCH_TLS_ADDRESS_CACHED 0
/* Static chain register of func value calls: %ecx.  */

/* Goroutine contexts (context.S).  ARCH_CTX_REGS: the words of
   callee-saved registers kept in Context.regs (ebx ebp esi edi).
   ARCH_CALL_PUSHES_PC: a call pushes its return address on the stack
   (so a new goroutine's first frame finds a zero one there) rather than
   setting a link register.  */
#define ARCH_CTX_REGS        4
#define ARCH_CALL_PUSHES_PC  1

#endif
