/* arch/arm64/arch.h: what the portable core must know about AArch64.
   Included by C and by assembly (.S): keep it to #defines.  */
#ifndef LIBRUNTIME_ARCH_H
#define LIBRUNTIME_ARCH_H

#define ARCH_NAME            "arm64"
#define ARCH_PTRSIZE         8
#define ARCH_REGSIZE         8
#define ARCH_STACK_ALIGN     16   /* sp must always be 16-aligned */
#define ARCH_REDZONE         0
#define ARCH_CACHELINE       64
#define ARCH_PCQUANTUM       4
/* gccgo-12 emits no split-stack prologues on arm64: goroutines run on
   fixed stacks with a guard page, and nothing reads a TCB guard.  */
#define ARCH_TCB_GUARD       0
#define ARCH_HAS_SPLIT_STACK 0
/* The thread pointer is read into a register, which GCC treats as
   constant within a function: a goroutine that moves to another thread
   across a switch would keep the old thread's TLS address.  The runtime
   reads g and m through out-of-line functions (runtime.h).  */
#define ARCH_TLS_ADDRESS_CACHED 1
/* Static chain register of func value calls: x18.  */

#endif
