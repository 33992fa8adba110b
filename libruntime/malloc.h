/* malloc.h: the allocation interface every part of the runtime uses.

   runtime_mallocgc is the one entry point: newobject, makeslice,
   growslice, strings, channels, maps and closures all come through it.
   The implementation behind it (malloc.c) can change without touching
   a caller.  Memory comes back zeroed unless FlagNoZero is given;
   FlagNoScan says the object holds no pointers, so the collector need
   not look inside it.  */
#ifndef LIBRUNTIME_MALLOC_H
#define LIBRUNTIME_MALLOC_H

#include "runtime.h"

enum {
  FlagNoScan = 1 << 0,   /* no pointers inside */
  FlagNoZero = 1 << 1,   /* caller overwrites every byte at once */
};

/* Largest allocation: half the address space on 32-bit, 2^48 on 64.  */
#if ARCH_PTRSIZE == 8
#define MaxAlloc ((uintptr) 1 << 47)
#else
#define MaxAlloc ((uintptr) 0x7fffffff)
#endif

void *runtime_mallocgc (uintptr size, const Type *type, uint32_t flags) HIDDEN;

/* The size mallocgc really reserves for a request of SIZE: append uses
   it to hand out the slack as capacity.  */
uintptr runtime_roundupsize (uintptr size) HIDDEN;

/* Address returned for every zero-size allocation.  */
extern uintptr runtime_zerobase HIDDEN;

/* Allocate an object of type T (its size, pointers as T says).  */
static inline void *
runtime_new (const Type *t)
{
  return runtime_mallocgc (t->size, t, t->ptrdata == 0 ? FlagNoScan : 0);
}

#endif /* LIBRUNTIME_MALLOC_H */
