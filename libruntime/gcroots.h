/* gcroots.h: the global variables that hold pointers, as gccgo lists
   them for each package (ABI doc 3.11).  Each package initialiser passes
   its list to runtime.registerGCRoots; the lists are chained through
   `next` and walked by the collector.  */
#ifndef LIBRUNTIME_GCROOTS_H
#define LIBRUNTIME_GCROOTS_H

#include "runtime.h"

typedef struct GcRoot {
  void *decl;                 /* address of the variable */
  uintptr size;               /* its size in bytes */
  uintptr ptrdata;            /* prefix that may hold pointers */
  const uint8_t *gcdata;      /* pointer bitmap of that prefix */
} GcRoot;

typedef struct GcRootList {
  struct GcRootList *next;    /* chained by registerGCRoots */
  intgo count;                /* exactly count entries follow */
  GcRoot roots[];
} GcRootList;

/* Head of the chain.  Written only by package initialisers, which run
   one at a time on the main goroutine; read by the collector with the
   world stopped.  */
extern GcRootList *runtime_gcroots HIDDEN;

#endif
