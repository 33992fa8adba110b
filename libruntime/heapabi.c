/* heapabi.c: the compiler's entry points that allocate heap objects or
   store into them: new(T), typed copies, pointer clearing and the write
   barrier hooks.  The barrier flag stays off (no concurrent marking), so
   compiled code stores inline and gcWriteBarrier/typedmemmove are plain
   stores; they exist because code compiled for a barrier-enabled runtime
   calls them when the flag is set.  */
#include "runtime.h"
#include "malloc.h"

/* runtime.writeBarrier: compiled code tests its first 32-bit word, so
   pad must stay zero.  */
struct write_barrier_flag {
  _Bool enabled;
  uint8_t pad[3];
  _Bool needed;
  _Bool cgo;
  uint64_t alignme;
};
struct write_barrier_flag runtime_writeBarrier GOSYM ("runtime.writeBarrier")
  __attribute__ ((aligned (8)));

void *runtime_newobject (const Type *t) GOSYM ("runtime.newobject");
void *
runtime_newobject (const Type *t)
{
  return runtime_new (t);
}

void runtime_gcWriteBarrier (void *slot, uintptr val)
  GOSYM ("runtime.gcWriteBarrier");
void
runtime_gcWriteBarrier (void *slot, uintptr val)
{
  *(uintptr *) slot = val;
}

void runtime_typedmemmove (const Type *t, void *dst, const void *src)
  GOSYM ("runtime.typedmemmove");
void
runtime_typedmemmove (const Type *t, void *dst, const void *src)
{
  if (dst != src && t->size != 0)
    memmove (dst, src, t->size);
}

void runtime_memclrHasPointers (void *p, uintptr n)
  GOSYM ("runtime.memclrHasPointers");
void
runtime_memclrHasPointers (void *p, uintptr n)
{
  memset (p, 0, n);
}
