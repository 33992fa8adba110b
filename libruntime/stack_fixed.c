/* stack_fixed.c: goroutine stacks where Go code cannot grow its stack
   (arch.h ARCH_HAS_SPLIT_STACK 0: gccgo-12 emits no split-stack
   prologues on arm and arm64).  A goroutine keeps the stack it got for
   its whole life, so the size is a bet on how deep it will go, and an
   overflow can only be caught, not served.

   Two limits shape the design.  Address space: 32-bit arm has under
   4 GiB (qemu-arm leaves a program 3.9 GiB), so 100,000 goroutines get
   at most ~25 KiB of it each.  Mappings: a PROT_NONE guard below a
   stack splits the kernel's mapping in two, and two neighbouring
   mappings merge only when their protections match, so a guarded stack
   costs two of the 65,530 mappings vm.max_map_count allows (an unmapped
   hole would cost one, and the kernel may later place a mapping there);
   at most ~30,000 guarded stacks fit, whatever their size.

   So stacks come in kinds, taken in order while a kind has stacks left
   (FixedKind.max counts stacks ever made: a dead G keeps its stack in
   the scheduler's free G cache):

     Big      256 KiB over a 64 KiB PROT_NONE guard, the first 256.
     Mid      48 KiB (64-bit: 128 KiB) over a 16 KiB (32 KiB) guard,
              the next 12,288 (1,000 frames of a small Go function at
              -O0 on arm need 32 KiB).  Together 12,544 guarded stacks:
              25,088 mappings, 848 MiB of address space on 32-bit.
     Small    16 KiB (64-bit: 64 KiB) over a zone of 8 KiB (64 KiB) of
              ordinary memory that nothing uses, carved from 1 MiB
              mappings with a 32 KiB guard at the bottom of each (two
              mappings per ~40 stacks): any number, at 24 KiB of
              address space each; 100,000 goroutines use ~2.9 GiB in
              all.
     Alone    a stack asked for bigger than Big (the main goroutine's,
              proc.c), mapped by itself over a 64 KiB guard.

   What is detected, and how.
     Guarded kinds: any access to the guard, which is any overflow by a
     frame smaller than the guard (a frame that skips the whole guard
     is not), faults; runtime_stack_fault reports it as Go does.
     Small: the zone is ordinary memory, so an overflow does not fault.
     It is found (a) at every switch away from the goroutine, when its
     saved sp is below the stack (runtime_fixedstack_check, from the
     scheduler), (b) when the collector scans it, likewise, and (c) when
     the goroutine exits, when any page of the zone has ever been
     touched (mincore: the zone's pages are resident only if something
     wrote or read them).  (d) An overflow that
     runs on without switching goes through the stacks below it in its
     mapping and faults in the mapping's bottom guard, less than 1 MiB
     down, which runtime_stack_fault recognises as the current
     goroutine's overflow.  All four report Go's "stack overflow" and
     exit 2.  What is not prevented: an overflow by more than the zone
     (8 KiB) writes into the stack below, the top of another
     goroutine's, and that goroutine may run on corrupted frames before
     (a)-(d) stop the program; an overflow that ends before the next
     switch, exit or collection is reported only then; a single frame
     bigger than the rest of the mapping plus its guard skips the guard
     (then the fault, if any, is not recognised as an overflow).

   Invariants: a stack on a kind's free list has its link in its top
   word; kinds[k].made only grows; all of kinds, chunk and chunkend are
   guarded by lock.  */
#include "stack.h"
#include "os.h"
#include "spinlock.h"

enum {
  BigZone = 64 << 10,
  BigMax = 256,
  MidMax = 12288,
  ChunkSize = 1 << 20,         /* Small stacks: ~40 to a mapping */
  ChunkGuard = 32 << 10,       /* PROT_NONE at the bottom of each */
#if ARCH_PTRSIZE == 8
  MidSize = 128 << 10, MidZone = 32 << 10,
  SmallSize = 64 << 10, SmallZone = 64 << 10,
#else
  MidSize = 48 << 10, MidZone = 16 << 10,
  SmallSize = 16 << 10, SmallZone = 8 << 10,
#endif
};

typedef struct FixedKind {
  uintptr size;                /* bytes of stack */
  uintptr zone;                /* bytes below it */
  _Bool guarded;               /* zone PROT_NONE, else untouched memory */
  uint32_t max;                /* stacks of this kind ever made; 0: any */
  uint32_t made;
  void *free;                  /* free list through each top word */
} FixedKind;

enum { KindBig, KindMid, KindSmall, NumKinds };

static FixedKind kinds[NumKinds] = {
  [KindBig] = { StackFixed, BigZone, 1, BigMax, 0, NULL },
  [KindMid] = { MidSize, MidZone, 1, MidMax, 0, NULL },
  [KindSmall] = { SmallSize, SmallZone, 0, 0, 0, NULL },
};

static SpinLock lock;
static uintptr chunk, chunkend;      /* rest of the current Small mapping */

static void **
top_word (uintptr lo, uintptr size)
{
  return (void **) (lo + size - sizeof (void *));
}

/* A new stack of kind K with its zone below; lock held.  */
static uintptr
fixed_map (FixedKind *k)
{
  uintptr n = k->zone + k->size;
  uintptr lo;
  if (k->guarded)
    {
      void *p = runtime_sysalloc (n);
      if (p == NULL)
        return 0;
      if (runtime_sysguard (p, k->zone) != 0)
        runtime_throw ("cannot protect a goroutine stack's guard zone");
      lo = (uintptr) p;
    }
  else
    {
      if (chunkend - chunk < n)
        {
          void *p = runtime_sysalloc (ChunkSize);
          if (p == NULL)
            return 0;
          runtime_syssmallpages (p, ChunkSize);   /* zones stay untouched */
          if (runtime_sysguard (p, ChunkGuard) != 0)
            runtime_throw ("cannot protect a goroutine stack's guard zone");
          chunk = (uintptr) p + ChunkGuard;
          chunkend = (uintptr) p + ChunkSize;
        }
      lo = chunk;
      chunk += n;
    }
  k->made++;
  return lo + k->zone;
}

void *
runtime_fixedstack_alloc (uintptr want, uintptr *allocated)
{
  if (want > StackFixed)
    {
      /* Alone: address space only, touched as it is used.  */
      uintptr n = (want + runtime_physpagesize - 1) & ~(runtime_physpagesize - 1);
      char *p = runtime_sysalloc (n + BigZone);
      if (p == NULL)
        runtime_throw ("out of memory allocating a goroutine stack");
      if (runtime_sysguard (p, BigZone) != 0)
        runtime_throw ("cannot protect a goroutine stack's guard zone");
      *allocated = n;
      return p + BigZone;
    }
  runtime_spinlock (&lock);
  uintptr lo = 0;
  FixedKind *k = kinds;
  for (; k < kinds + NumKinds; k++)
    {
      if (k->free != NULL)
        {
          lo = (uintptr) k->free + sizeof (void *) - k->size;
          k->free = *top_word (lo, k->size);
          break;
        }
      if (k->max == 0 || k->made < k->max)
        {
          lo = fixed_map (k);
          break;
        }
    }
  runtime_spinunlock (&lock);
  if (lo == 0)
    runtime_throw ("out of memory allocating a goroutine stack");
  *allocated = k->size;
  return (void *) lo;
}

static FixedKind *
kind_of (uintptr size)
{
  for (FixedKind *k = kinds; k < kinds + NumKinds; k++)
    if (k->size == size)
      return k;
  return NULL;
}

void
runtime_fixedstack_free (void *p, uintptr size)
{
  FixedKind *k = kind_of (size);
  if (k == NULL)
    {
      runtime_sysfree ((char *) p - BigZone, size + BigZone);
      return;
    }
  runtime_spinlock (&lock);
  void **top = top_word ((uintptr) p, size);
  *top = k->free;
  k->free = top;
  runtime_spinunlock (&lock);
}

/* How far below a stack of SIZE bytes a fault is an overflow.  */
uintptr
runtime_fixedstack_zone (uintptr size)
{
  FixedKind *k = kind_of (size);
  return k != NULL ? k->zone : BigZone;
}

/* A Small stack's overflow, checked where the goroutine does not run:
   its saved sp below the stack, or any zone page ever touched (SLOW:
   one system call; at exit and in the collector, not at every switch).
   Reports it as Go does and exits.  */
void
runtime_fixedstack_check (G *gp, _Bool slow)
{
  uintptr lo = gp->stacklo;
  FixedKind *k = kind_of (runtime_stack_basesize (gp));
  if (k == NULL || k->guarded || lo == 0)
    return;
  /* On a segment (split-stack C, linked by __morestack) sp is not on
     the fixed stack at all, and the split protocol bounds it.  */
  uintptr sp = gp->stackseg == NULL ? gp->stacksp : 0;
  if (sp != 0 && sp < lo)
    runtime_stack_overflow_limit (gp, sp);
  if (slow && runtime_sysresident ((void *) (lo - k->zone), k->zone))
    runtime_stack_overflow_limit (gp, lo - 1);
}
