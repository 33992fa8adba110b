/* mstats.c: runtime.ReadMemStats and the runtime.MemStats descriptor.

   ReadMemStats stops the world, counts the objects the MCaches handed
   out since they last reported, and fills MemStats (ABI doc 5.2) from
   the heap's counters:
     Mallocs, Frees     objects allocated / freed since start
     TotalAlloc, Alloc  bytes allocated since start / still allocated
     HeapObjects        Mallocs - Frees
     HeapSys            bytes of address space of all heap chunks
     HeapInuse          bytes of spans holding objects
     HeapIdle           HeapSys - HeapInuse; HeapReleased of it is
                        returned to the OS
     Sys                every byte the runtime obtained from the OS
   Between collections an object counts as allocated from mallocgc
   until the sweep after it became unreachable.  */
#include "runtime.h"
#include "malloc.h"
#include "typedesc.h"

typedef struct MemStats {
  uint64_t Alloc, TotalAlloc, Sys, Lookups, Mallocs, Frees;
  uint64_t HeapAlloc, HeapSys, HeapIdle, HeapInuse, HeapReleased, HeapObjects;
  uint64_t StackInuse, StackSys, MSpanInuse, MSpanSys, MCacheInuse, MCacheSys;
  uint64_t BuckHashSys, GCSys, OtherSys, NextGC, LastGC, PauseTotalNs;
  uint64_t PauseNs[256];
  uint64_t PauseEnd[256];
  uint32_t NumGC, NumForcedGC;
  double GCCPUFraction;
  _Bool EnableGC, DebugGC;
  struct { uint32_t Size; uint64_t Mallocs, Frees; } BySize[61];
} MemStats;

#if ARCH_PTRSIZE == 8 || !defined (__i386__)
_Static_assert (sizeof (MemStats) == 5776, "MemStats layout (ABI 5.2)");
#else
_Static_assert (sizeof (MemStats) == 5528, "MemStats layout (ABI 5.2)");
#endif

/* Alignment of a uint64 field: 4 on 386, 8 elsewhere (ABI 3.1).  */
#define U64_ALIGN offsetof (struct { char c; uint64_t x; }, x)

static void
fill_heap (MemStats *ms)
{
  HeapState *h = &runtime_heap;
  uint64_t mallocs = h->nlargealloc, frees = h->nlargefree;
  uint64_t total = h->largealloc, freed = h->largefree;
  for (int32_t c = 1; c < runtime_nsizeclasses; c++)
    {
      uint64_t size = runtime_class_to_size[c];
      mallocs += h->nmalloc[c];
      frees += h->nfree[c];
      total += h->nmalloc[c] * size;
      freed += h->nfree[c] * size;
    }
  for (int32_t c = 0; c < 61; c++)
    {
      ms->BySize[c].Size = c < runtime_nsizeclasses ? runtime_class_to_size[c] : 0;
      ms->BySize[c].Mallocs = c > 0 && c < runtime_nsizeclasses ? h->nmalloc[c] : 0;
      ms->BySize[c].Frees = c > 0 && c < runtime_nsizeclasses ? h->nfree[c] : 0;
    }
  ms->Mallocs = mallocs;
  ms->Frees = frees;
  ms->TotalAlloc = total;
  ms->Alloc = ms->HeapAlloc = total - freed;
  ms->HeapObjects = mallocs - frees;
  ms->HeapSys = h->sys;
  ms->HeapInuse = h->inuse;
  ms->HeapIdle = h->sys - h->inuse;
  ms->HeapReleased = h->released;
  ms->MSpanInuse = h->nspans * sizeof (Span);
  ms->MSpanSys = ms->MSpanInuse;
  ms->MCacheInuse = ms->MCacheSys = 0;
  for (MCache *c = runtime_allcaches; c != NULL; c = c->next)
    ms->MCacheInuse = ms->MCacheSys += sizeof *c;
  ms->GCSys = h->metasys + runtime_gcstats.gcsys;
  /* persistent.c (g0s, M, P, select sudogs, itabs) keeps no count of its
     chunks: OtherSys stays 0.  */
  ms->OtherSys = 0;
  ms->Sys = ms->HeapSys + ms->StackSys + ms->MSpanSys + ms->MCacheSys
            + ms->BuckHashSys + ms->GCSys + ms->OtherSys;
}

static void
fill_gc (MemStats *ms)
{
  GCStats *st = &runtime_gcstats;
  ms->NextGC = st->next_gc;
  ms->LastGC = st->last_gc;
  ms->PauseTotalNs = st->pause_total;
  memcpy (ms->PauseNs, st->pause_ns, sizeof ms->PauseNs);
  memcpy (ms->PauseEnd, st->pause_end, sizeof ms->PauseEnd);
  ms->NumGC = st->numgc;
  ms->NumForcedGC = st->numforced;
  int64_t elapsed = runtime_nanotime () - st->start_ns;
  ms->GCCPUFraction = elapsed > 0 ? (double) st->gc_cpu_ns / (double) elapsed : 0;
  ms->EnableGC = 1;
  ms->DebugGC = 0;
}

void runtime_ReadMemStats (MemStats *ms) GOSYM ("runtime.ReadMemStats");
void
runtime_ReadMemStats (MemStats *ms)
{
  runtime_mallocinit ();
  runtime_gc_stoptheworld ();
  for (MCache *c = runtime_allcaches; c != NULL; c = c->next)
    runtime_mcache_flushstats (c);
  memset (ms, 0, sizeof *ms);
  fill_heap (ms);
  fill_gc (ms);
  runtime_gc_starttheworld ();
}

/* ---- The descriptor of runtime.MemStats: package runtime owns it, so
   user code only refers to it (new(runtime.MemStats), &m escaping).
   Values as gccgo-12 emits them for the type.  The field list is left
   empty: nothing but reflection reads it, and no reflect package links
   against libruntime yet.  */

static _Bool
memstats_equal (const MemStats *a, const MemStats *b)
{
  if (memcmp (a, b, offsetof (MemStats, GCCPUFraction)) != 0
      || a->GCCPUFraction != b->GCCPUFraction
      || a->EnableGC != b->EnableGC || a->DebugGC != b->DebugGC)
    return 0;
  for (int i = 0; i < 61; i++)
    if (a->BySize[i].Size != b->BySize[i].Size
        || a->BySize[i].Mallocs != b->BySize[i].Mallocs
        || a->BySize[i].Frees != b->BySize[i].Frees)
      return 0;
  return 1;
}

const FuncVal runtime_MemStats_eq_f GOSYM ("runtime.MemStats..eq..f")
  = { (void (*) (void)) memstats_equal };

extern const uint8_t runtime_gcbits_1[];

DEFINE_STRING (memstats_string, "\truntime\truntime.MemStats");
DEFINE_STRING (memstats_ptr_string, "*\truntime\truntime.MemStats");
DEFINE_STRING (memstats_name, "MemStats");
DEFINE_STRING (runtime_pkg, "runtime");
static const UncommonType memstats_uncommon = {
  &memstats_name, &runtime_pkg, { NULL, 0, 0 }
};

extern const PtrType runtime_MemStats_ptr GOSYM ("runtime.MemStats..p");
static const StructField no_fields[1];

const StructType runtime_MemStats_type GOSYM ("runtime.MemStats..d") = {
  { .size = sizeof (MemStats), .ptrdata = 0, .hash = (uint32_t) -177219083,
    .tflag = 0, .align = U64_ALIGN, .fieldAlign = U64_ALIGN, .kind = KindStruct | KindNoPointers,
    .equal = &runtime_MemStats_eq_f, .gcdata = NULL,
    .string = &memstats_string, .uncommon = &memstats_uncommon,
    .ptrToThis = &runtime_MemStats_ptr.type },
  { no_fields, 0, 0 },
};

const PtrType runtime_MemStats_ptr = {
  { .size = PTRSIZE, .ptrdata = PTRSIZE, .hash = 1459461977u,
    .tflag = TflagRegularMemory, .align = PTRSIZE, .fieldAlign = PTRSIZE,
    .kind = KindPtr | KindDirectIface, .equal = &runtime_memequal_ptr_f,
    .gcdata = runtime_gcbits_1, .string = &memstats_ptr_string },
  &runtime_MemStats_type.type,
};
