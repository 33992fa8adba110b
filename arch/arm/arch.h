/* arch/arm/arch.h: what the portable core must know about ARMv7 (armhf,
   Thumb-2 code from gcc).  Included by C and by assembly (.S).  */
#ifndef LIBRUNTIME_ARCH_H
#define LIBRUNTIME_ARCH_H

#define ARCH_NAME            "arm"
#define ARCH_PTRSIZE         4
#define ARCH_REGSIZE         4
#define ARCH_STACK_ALIGN     8    /* AAPCS: 8 at public interfaces */
#define ARCH_REDZONE         0
#define ARCH_CACHELINE       32
#define ARCH_PCQUANTUM       2    /* Thumb-2 */
/* clang's split-stack protocol reads the limit at [TPIDRURO + 4]; gccgo-12
   emits no split-stack prologues on arm, so Go code never checks it.  */
#define ARCH_TCB_GUARD       4
#define ARCH_HAS_SPLIT_STACK 0
/* The thread pointer is read into a register, which GCC treats as
   constant within a function: a goroutine that moves to another thread
   across a switch would keep the old thread's TLS address.  The runtime
   reads g and m through out-of-line functions (runtime.h).  */
#define ARCH_TLS_ADDRESS_CACHED 1
/* Static chain register of func value calls: ip (r12).  */

/* Goroutine contexts (context.S).  ARCH_CTX_REGS: the words of
   callee-saved registers kept in Context.regs (r4-r11, then d8-d15
   as 16 words).
   ARCH_CALL_PUSHES_PC: a call pushes its return address on the stack
   (so a new goroutine's first frame finds a zero one there) rather than
   setting a link register.  */
#define ARCH_CTX_REGS        24
/* The EHABI unwinder's _Unwind_GetCFA does not tell frames apart; a
   stack walk (traceback.c) reads the frame's sp, register 13, instead.  */
#define ARCH_UNWIND_SP_REGNO 13
#define ARCH_CALL_PUSHES_PC  0

#endif
