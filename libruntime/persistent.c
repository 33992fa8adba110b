/* persistent.c: memory for runtime structures that live as long as the
   program (G, M, P, channel wait records): carved from OS chunks, never
   freed (free lists reuse them) and never scanned or collected by the
   garbage collector, which finds what they point to through the
   scheduler's own lists.  */
#include "runtime.h"
#include "os.h"
#include "spinlock.h"

enum { PersistentChunk = 256 << 10 };

static SpinLock persistent_lock;
static uintptr persistent_next, persistent_end;

void *
runtime_persistentalloc (uintptr size)
{
  size = (size + 15) & ~(uintptr) 15;
  if (size > PersistentChunk / 4)
    {
      void *p = runtime_sysalloc (size);
      if (p == NULL)
        runtime_throw ("out of memory");
      return p;
    }
  runtime_spinlock (&persistent_lock);
  if (persistent_end - persistent_next < size)
    {
      void *c = runtime_sysalloc (PersistentChunk);
      if (c == NULL)
        runtime_throw ("out of memory");
      persistent_next = (uintptr) c;
      persistent_end = persistent_next + PersistentChunk;
    }
  void *p = (void *) persistent_next;
  persistent_next += size;
  runtime_spinunlock (&persistent_lock);
  return p;
}
