/* malloc.c: the allocator behind runtime_mallocgc (malloc.h).

   This first allocator never frees: small objects are carved from 1 MiB
   chunks with a bump pointer, large ones come straight from the OS.  It
   is correct for any program whose total allocation fits in memory, and
   it is what the size-class allocator and collector replace, behind the
   same interface.

   Invariants: chunk_next <= chunk_end, both inside the current chunk;
   guarded by alloc_lock.  Memory from the OS is zero, and this allocator
   never reuses memory, so nothing needs clearing.  */
#include "runtime.h"
#include "malloc.h"
#include "os.h"
#include "spinlock.h"

enum {
  ChunkSize = 1 << 20,
  LargeSize = 64 << 10,          /* bigger requests get their own mapping */
  MinAlign = 2 * ARCH_PTRSIZE,   /* enough for every Go type here */
};

uintptr runtime_zerobase;

static SpinLock alloc_lock;
static uintptr chunk_next, chunk_end;

static void *
sysalloc_or_die (uintptr n)
{
  void *p = runtime_sysalloc (n);
  if (p == NULL)
    runtime_throw ("out of memory");
  return p;
}

uintptr
runtime_roundupsize (uintptr size)
{
  if (size >= LargeSize)
    return (size + runtime_physpagesize - 1) & ~(runtime_physpagesize - 1);
  return (size + MinAlign - 1) & ~(uintptr) (MinAlign - 1);
}

void *
runtime_mallocgc (uintptr size, const Type *type, uint32_t flags)
{
  (void) type;
  (void) flags;
  if (size == 0)
    return &runtime_zerobase;
  if (size > MaxAlloc)
    runtime_throw ("out of memory");
  size = runtime_roundupsize (size);
  if (size >= LargeSize)
    return sysalloc_or_die (size);

  runtime_spinlock (&alloc_lock);
  if (chunk_end - chunk_next < size)
    {
      chunk_next = (uintptr) sysalloc_or_die (ChunkSize);
      chunk_end = chunk_next + ChunkSize;
    }
  void *p = (void *) chunk_next;
  chunk_next += size;
  runtime_spinunlock (&alloc_lock);
  return p;
}
