/* malloc.h: the allocation interface every part of the runtime uses,
   and the internals shared by the allocator and the collector.

   runtime_mallocgc is the one entry point: newobject, makeslice,
   growslice, strings, channels, maps and closures all come through it.
   Memory comes back zeroed unless FlagNoZero is given; FlagNoScan says
   the object holds no pointers, so the collector never looks inside.

   Design tour (docs/INTERNALS.md has the picture):

     mallocgc ---> MCache (one per M; moves to P)   small: <= 32 KiB
                     | a Span per size class and scan/noscan, allocated
                     | from with a bitmap (allocBits) and a cached word
                     v
                   Central (one per class x noscan, own lock):
                     partial and full lists of Spans
                     v
                   Heap (one lock): free Spans by page count, large
                     objects' Spans, HeapChunks of arenas
                     v
                   OS layer (os.h): sysreserve + sysmap, sysunused

   Address space comes in HeapChunks: one reservation of a whole number
   of arenas (ArenaSize each, ArenaSize-aligned) with its metadata: the
   Span of every page and a pointer bitmap (one bit per word: "this word
   may hold a pointer").  An arena map from address to HeapChunk makes
   pointer-to-Span lookup O(1): flat on 32-bit, two levels on 64-bit.

       address:  [ L1 index | L2 index | page in chunk | byte ]
                   ArenaL1    ArenaL2     (from chunk base)

   Spans are page runs.  A small-object Span holds nelems objects of one
   size class; bit i of allocBits says object i was live at the last
   sweep; objects at or after freeindex with a clear bit are free.  The
   collector sets gcmarkBits; sweeping makes the mark bits the new alloc
   bits, so a sweep touches no object memory.  Freed objects are zeroed
   when they are handed out again (Span.needzero).  A large object has a
   Span of its own (sizeclass 0, nelems 1).

   The pointer bitmap is written at allocation from the Type (pointer
   bitmap or GC program, ABI 3.7), repeated for arrays; a NULL type of a
   scannable object means every word may be a pointer.  noscan objects
   live in separate Spans and have no bitmap bits written.  */
#ifndef LIBRUNTIME_MALLOC_H
#define LIBRUNTIME_MALLOC_H

#include "runtime.h"
#include "proc.h"
#include "spinlock.h"

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

/* ---- Collector entry points other parts use (mgc.c, mfinal.c).  */

/* Run a collection now; FORCE (runtime.GC) also when GOGC=off, and
   then runs the queued finalizers.  */
void runtime_gc (int32_t force) HIDDEN;
/* Body of a helper M woken by runtime_helpgc for collection number
   CYCLE: marks and sweeps with the collector if that collection is
   still marking, returns when it no longer needs the helper; 0 when the
   helper came too late to join.  */
_Bool runtime_gchelper (uint32_t cycle) HIDDEN;
/* A runtime-internal root: [P, P+SIZE) is scanned conservatively by
   every collection.  For C globals of other parts that hold heap
   pointers (allgs arrays, caches).  At most MaxExtraRoots of them.  */
void runtime_gcroot_add (const void *p, uintptr size) HIDDEN;

/* ---- Internals shared by malloc.c, mheap.c, mgc.c, mfinal.c,
   mstats.c.  Nothing outside the allocator and collector uses them.  */

#define PTRSIZE ARCH_PTRSIZE
#define WORDBITS (8 * PTRSIZE)

enum {
  PageShift = 13,
  PageSize = 1 << PageShift,
  MaxSmallSize = 32 << 10,
  SmallSizeDiv = 8,            /* class lookup granularity up to 1024 */
  SmallSizeMax = 1024,
  LargeSizeDiv = 128,          /* and from 1024 to MaxSmallSize */
  NumSizeClassesMax = 80,      /* upper bound of the computed table */
  MaxObjsPerSpan = PageSize / 8,  /* the 8-byte class has 1 page */
  SpanBitWords = MaxObjsPerSpan / WORDBITS,
  HeapFreeLists = 128,         /* free spans of 1..127 pages by size */
  MaxExtraRoots = 64,
};

#if ARCH_PTRSIZE == 8
enum {
  ArenaShift = 26,             /* 64 MiB arenas */
  AddrBits = 48,
  ArenaL1Bits = 10,
  ArenaL2Bits = AddrBits - ArenaShift - ArenaL1Bits,
};
#else
enum {
  ArenaShift = 22,             /* 4 MiB arenas */
  AddrBits = 32,
  ArenaL1Bits = 0,
  ArenaL2Bits = AddrBits - ArenaShift,
};
#endif
#define ArenaSize ((uintptr) 1 << ArenaShift)

typedef struct Span Span;
typedef struct HeapChunk HeapChunk;
typedef struct MCache MCache;
typedef struct Central Central;

enum { SpanDead, SpanFree, SpanInUse };

/* Span: a run of pages.
   Invariants: state InUse: every page of the run maps to the span in
   its chunk's spans[]; state Free: at least its first and last pages
   do, and it is on one of the heap's free lists.  A small span is
   either cached by exactly one MCache (cached != 0; only that MCache
   touches freeindex, allocCache, allocCount) or on its Central's
   partial or full list (guarded by the central's lock).  During a
   collection the world is stopped and every span is uncached.  Heap
   fields (next/prev of free and large spans, state, npages) are
   guarded by the heap lock.  */
struct Span {
  Span *next, *prev;           /* list this span is on */
  uintptr base;                /* first byte */
  uintptr npages;
  uintptr elemsize;            /* object size (large: npages pages) */
  uintptr limit;               /* base + nelems * elemsize */
  uintptr scanlen;             /* large: bytes from base that may hold
                                  pointers; small: elemsize */
  uint32_t divmul;             /* (off * divmul) >> 32 == off / elemsize */
  uint32_t nelems;
  uint32_t freeindex;          /* objects below it are allocated */
  uint32_t allocCount;         /* allocated objects */
  uint32_t cachedCount;        /* allocCount when counted into stats */
  uint8_t sizeclass;           /* 0: large object */
  uint8_t noscan;              /* objects hold no pointers */
  uint8_t state;               /* SpanDead, SpanFree, SpanInUse */
  uint8_t needzero;            /* memory may be non-zero */
  uint8_t cached;              /* owned by an MCache */
  uintptr nreleased;           /* free span: pages returned to the OS */
  uint32_t freegen;            /* free span: heap gen when last freed */
  uintptr allocCache;          /* bit k: object freeindex+k is free
                                  (up to the end of its bitmap word) */
  uint8_t *ptrbits;            /* heap bitmap byte of base (in use) */
  uintptr *allocBits;          /* one of bits[]: live at last sweep */
  uintptr *gcmarkBits;         /* the other: marked this cycle */
  uintptr bits[2][SpanBitWords];
};

/* HeapChunk: one reservation from the OS, a whole number of arenas.
   spans[] and ptrbits cover [base, end); both are written under the
   heap lock (spans) or by the allocating MCache's owner (ptrbits of
   its own span's objects) and read by the collector with the world
   stopped.  Chunks are never returned to the OS (their pages are, with
   sysunused).  */
struct HeapChunk {
  uintptr base, end;
  Span **spans;                /* one per page */
  uint8_t *ptrbits;            /* one bit per word */
  HeapChunk *next;             /* all chunks, newest first */
};

/* Central: spans of one size class and scan kind not in any MCache.
   partial spans have a free object; full spans have none.  */
struct Central {
  SpinLock lock;
  Span *partial;
  Span *full;
};

/* MCache: the allocating thread's spans, one per class and scan kind.
   Touched only by its owner (and by the collector with the world
   stopped); no lock.  */
struct MCache {
  Span *alloc[NumSizeClassesMax * 2];   /* index class*2 + noscan */
  MCache *next;                /* all caches (runtime_allcaches) */
};

/* Size classes (msize.c).  */
extern int32_t runtime_nsizeclasses HIDDEN;
extern uint32_t runtime_class_to_size[NumSizeClassesMax] HIDDEN;
extern uint32_t runtime_class_to_pages[NumSizeClassesMax] HIDDEN;
extern uint32_t runtime_class_to_divmul[NumSizeClassesMax] HIDDEN;
extern uint8_t runtime_size_to_class8[SmallSizeMax / SmallSizeDiv + 1] HIDDEN;
extern uint8_t runtime_size_to_class128[(MaxSmallSize - SmallSizeMax)
                                        / LargeSizeDiv + 1] HIDDEN;
void runtime_initsizes (void) HIDDEN;

static inline int32_t
runtime_sizeclass (uintptr size)
{
  if (size <= SmallSizeMax)
    return runtime_size_to_class8[(size + SmallSizeDiv - 1) / SmallSizeDiv];
  return runtime_size_to_class128[(size - SmallSizeMax + LargeSizeDiv - 1)
                                  / LargeSizeDiv];
}

/* The heap (mheap.c).  */
#if ARCH_PTRSIZE == 8
extern HeapChunk **runtime_arenamap[1 << ArenaL1Bits] HIDDEN;
#else
extern HeapChunk *runtime_arenamap[1 << ArenaL2Bits] HIDDEN;
#endif

static inline HeapChunk *
runtime_chunkof (uintptr p)
{
#if ARCH_PTRSIZE == 8
  if (p >> AddrBits)
    return NULL;
  HeapChunk **l2 = runtime_arenamap[p >> (ArenaShift + ArenaL2Bits)];
  if (l2 == NULL)
    return NULL;
  return l2[(p >> ArenaShift) & ((1 << ArenaL2Bits) - 1)];
#else
  return runtime_arenamap[p >> ArenaShift];
#endif
}

/* The in-use span holding address P, or NULL.  */
static inline Span *
runtime_spanof (uintptr p)
{
  HeapChunk *c = runtime_chunkof (p);
  if (c == NULL)
    return NULL;
  Span *s = c->spans[(p - c->base) >> PageShift];
  if (s == NULL || s->state != SpanInUse || p < s->base || p >= s->limit)
    return NULL;
  return s;
}

static inline uintptr
runtime_objindex (Span *s, uintptr p)
{
  return (uintptr) (((uint64_t) (p - s->base) * s->divmul) >> 32);
}

static inline _Bool
span_bit (const uintptr *bits, uintptr i)
{
  return (bits[i / WORDBITS] >> (i % WORDBITS)) & 1;
}

/* Object I of S is allocated (or was at the last sweep).  */
static inline _Bool
runtime_isallocated (Span *s, uintptr i)
{
  return i < s->freeindex || span_bit (s->allocBits, i);
}

void runtime_heapinit (void) HIDDEN;
Span *runtime_heapalloc (uintptr npages, _Bool large) HIDDEN;
void runtime_heapfree (Span *s) HIDDEN;
Span *runtime_spanalloc (void) HIDDEN;
void runtime_heapscavenge (uintptr retain) HIDDEN;
void runtime_outofmemory (uintptr size) NORETURN HIDDEN;

/* The heap's state and statistics, guarded by heaplock.  */
typedef struct HeapState {
  SpinLock lock;
  Span *free[HeapFreeLists];   /* free spans of exactly n pages */
  Span *freelarge;             /* free spans of >= HeapFreeLists pages */
  Span *large;                 /* in-use large-object spans */
  HeapChunk *chunks;
  uint64_t sys;                /* bytes of all chunks (HeapSys) */
  uint64_t inuse;              /* bytes of in-use spans */
  uint64_t released;           /* bytes of free spans given back */
  uint64_t metasys;            /* bytes of chunk metadata and spans */
  uint64_t nspans;             /* span structs allocated */
  uint32_t gen;                /* collections so far (for span ages) */
  /* Cumulative counts: malloc.c adds at flush, the sweep at frees.  */
  uint64_t nmalloc[NumSizeClassesMax];
  uint64_t nfree[NumSizeClassesMax];
  uint64_t nlargealloc, largealloc;    /* objects, bytes */
  uint64_t nlargefree, largefree;
} HeapState;
extern HeapState runtime_heap HIDDEN;
extern Central runtime_central[NumSizeClassesMax * 2] HIDDEN;

/* The pointer bitmap (mbitmap.c).  */
void runtime_heapbits_settype (uintptr p, uintptr size, const Type *t,
                               Span *s) HIDDEN;

/* The bits of a small object of one element of T that fit in one byte
   of the bitmap (most small objects): returns 0 when they do not.  */
static inline _Bool
runtime_heapbits_setsmall (Span *s, uintptr p, uintptr size, const Type *t)
{
  if (t == NULL || t->size != size || (t->kind & KindGCProg))
    return 0;
  uintptr w = (p - s->base) / PTRSIZE;
  uintptr shift = w % 8, nw = s->elemsize / PTRSIZE;
  if (shift + nw > 8)
    return 0;
  uint8_t *b = s->ptrbits + w / 8;
  uint8_t mask = (uint8_t) (((1u << nw) - 1) << shift);
  uint8_t val = (uint8_t) ((t->gcdata[0] & ((1u << (t->ptrdata / PTRSIZE)) - 1))
                           << shift);
  *b = (uint8_t) ((*b & ~mask) | val);
  return 1;
}

/* Allocator <-> collector (malloc.c, mgc.c).  */
extern MCache *runtime_allcaches HIDDEN;
extern uintptr runtime_heap_live HIDDEN;     /* bytes, for pacing */
extern uintptr runtime_gc_trigger HIDDEN;
void runtime_mcache_flushstats (MCache *c) HIDDEN;
void runtime_mcache_release (MCache *c) HIDDEN;
void runtime_mallocinit (void) HIDDEN;
void runtime_gc_maybe (void) HIDDEN;
void runtime_gcinit (void) HIDDEN;
_Bool runtime_in_dataroots (uintptr p) HIDDEN;
void runtime_central_put (Span *s) HIDDEN;

/* Statistics of collections (mgc.c), read by mstats.c under the
   collector's lock.  */
typedef struct GCStats {
  uint32_t numgc;
  uint32_t numforced;
  uint64_t pause_total;
  uint64_t pause_ns[256];
  uint64_t pause_end[256];
  uint64_t last_gc;            /* Unix ns of the last end */
  uint64_t next_gc;            /* heap goal */
  uint64_t gc_cpu_ns;          /* pause x procs, summed */
  int64_t start_ns;            /* nanotime at mallocinit */
  int32_t percent;             /* GOGC; < 0: off */
  uint64_t gcsys;              /* work buffers, finalizer tables */
  uint32_t lastprocs;          /* procs of the last collection */
  uint32_t lastwoken;          /* helpers woken for it (lastprocs - 1) */
  uint32_t lasthelpers;        /* helpers that joined it (<= lastwoken) */
  uint32_t lastcycle;          /* its number, as runtime_gchelper takes */
} GCStats;
extern GCStats runtime_gcstats HIDDEN;
void runtime_gc_stoptheworld (void) HIDDEN;
/* Zero the stack just below the caller: frames that go there next show
   the conservative scan no stale pointers of dead frames.  */
void runtime_gc_clearstack (void) HIDDEN;
void runtime_gc_starttheworld (void) HIDDEN;

/* Finalizers (mfinal.c), used by the collector.  */
typedef void (*GCMarkFn) (uintptr p, void *w);
void runtime_fin_markroots (void (*markobj) (uintptr, void *),
                            void (*scanobj) (uintptr, void *), void *w) HIDDEN;
void runtime_fin_queue_unmarked (_Bool (*marked) (uintptr),
                                 void (*setmark) (uintptr)) HIDDEN;
void runtime_fin_run (void) HIDDEN;
void runtime_fin_wake (void) HIDDEN;

#endif /* LIBRUNTIME_MALLOC_H */
