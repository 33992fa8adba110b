/* mfinal.c: finalizers (runtime.SetFinalizer) and runtime.KeepAlive.

   The finalizer table maps an object's address to its finalizer: an
   open-addressing hash table outside the Go heap.  Every collection
   treats each entry as a root for what the object reaches and for the
   finalizer's func value, but not for the object itself; when the
   object is left unmarked, the entry moves to the queue and the object
   is marked for this one cycle, so it and what it reaches survive until
   the finalizer has run.  The queue is a root too.  After the call
   nothing refers to the object any more, and a later cycle frees it
   unless the finalizer resurrected it.  So an object is finalized at
   most once: the entry left the table.

   Finalizers run through runtime_reflectcall (reflectcall.c) with the
   argument converted to the finalizer's parameter type (the pointer
   itself, interface{}, or a non-empty interface the pointer type
   implements); results are ignored.  They run in queue order on the
   finalizer goroutine (fing), which the first collection that queues
   one starts and later ones wake; it parks when the queue is empty.

   Invariants: a table slot's obj is 0 (empty), Tombstone (deleted) or an
   object base; an object has at most one entry.  table, queue and their
   counts are guarded by finlock; the collector reads them with the
   world stopped.  */
#include "runtime.h"
#include "malloc.h"
#include "typedesc.h"
#include "os.h"

typedef struct Finalizer {
  uintptr obj;                 /* object base; 0 empty, Tombstone dead */
  const FuncVal *fn;           /* the finalizer */
  const FuncType *ft;          /* its type */
  const Type *ot;              /* the object's pointer type */
  void *const *itab;           /* parameter is a non-empty interface */
} Finalizer;

enum { Tombstone = 1 };

void runtime_reflectcall (const FuncType *ft, const FuncVal *fn,
                          void **params, void *results) HIDDEN;

static SpinLock finlock;
static Finalizer *table;           /* tablesize slots */
static uintptr tablesize, tableused;  /* used counts tombstones too */
static Finalizer *queue;           /* queuecap slots, queuelen used */
static uintptr queuecap, queuelen;
static _Bool running;              /* fin_run active on some goroutine */
static G *fing;                    /* the finalizer goroutine, once made */
static _Bool fingwait;             /* fing is parked (or about to be) */

static uintptr
hashptr (uintptr p, uintptr size)
{
  return (uintptr) (((uint64_t) p >> 3) * 0x9e3779b97f4a7c15ull >> 17) & (size - 1);
}

static Finalizer *
table_find (uintptr obj)
{
  if (tablesize == 0)
    return NULL;
  for (uintptr i = hashptr (obj, tablesize);; i = (i + 1) & (tablesize - 1))
    {
      if (table[i].obj == obj)
        return &table[i];
      if (table[i].obj == 0)
        return NULL;
    }
}

static void *
fin_sysalloc (uintptr bytes)
{
  void *p = runtime_sysalloc (bytes);
  if (p == NULL)
    runtime_outofmemory (bytes);
  __atomic_add_fetch (&runtime_gcstats.gcsys, bytes, __ATOMIC_RELAXED);
  return p;
}

static void
fin_sysfree (void *p, uintptr bytes)
{
  runtime_sysfree (p, bytes);
  __atomic_sub_fetch (&runtime_gcstats.gcsys, bytes, __ATOMIC_RELAXED);
}

static void table_insert (const Finalizer *f);

static void
table_grow (void)
{
  Finalizer *old = table;
  uintptr oldsize = tablesize;
  tablesize = oldsize ? oldsize * 2 : 256;
  table = fin_sysalloc (tablesize * sizeof *table);
  tableused = 0;
  for (uintptr i = 0; i < oldsize; i++)
    if (old[i].obj > Tombstone)
      table_insert (&old[i]);
  if (old != NULL)
    fin_sysfree (old, oldsize * sizeof *old);
}

static void
table_insert (const Finalizer *f)
{
  if ((tableused + 1) * 4 > tablesize * 3)
    table_grow ();
  uintptr i = hashptr (f->obj, tablesize);
  while (table[i].obj > Tombstone)
    i = (i + 1) & (tablesize - 1);
  if (table[i].obj == 0)
    tableused++;
  table[i] = *f;
}

static void
queue_push (const Finalizer *f)
{
  if (queuelen == queuecap)
    {
      uintptr ncap = queuecap ? queuecap * 2 : 64;
      Finalizer *q = fin_sysalloc (ncap * sizeof *q);
      if (queuelen)
        memcpy (q, queue, queuelen * sizeof *q);
      if (queue != NULL)
        fin_sysfree (queue, queuecap * sizeof *q);
      queue = q;
      queuecap = ncap;
    }
  queue[queuelen++] = *f;
}

/* ---- The collector's side.  */

void
runtime_fin_markroots (void (*markobj) (uintptr, void *),
                       void (*scanobj) (uintptr, void *), void *w)
{
  for (uintptr i = 0; i < tablesize; i++)
    if (table[i].obj > Tombstone)
      {
        markobj ((uintptr) table[i].fn, w);
        scanobj (table[i].obj, w);
      }
  for (uintptr i = 0; i < queuelen; i++)
    {
      markobj (queue[i].obj, w);
      markobj ((uintptr) queue[i].fn, w);
    }
}

void
runtime_fin_queue_unmarked (_Bool (*marked) (uintptr),
                            void (*setmark) (uintptr))
{
  for (uintptr i = 0; i < tablesize; i++)
    if (table[i].obj > Tombstone && !marked (table[i].obj))
      {
        setmark (table[i].obj);
        queue_push (&table[i]);
        table[i].obj = Tombstone;
      }
}

static void
call_finalizer (const Finalizer *f)
{
  void *obj = (void *) f->obj;
  const Type *pt = f->ft->in.array[0];
  Eface e;
  Iface i;
  void *param;
  if (type_kind (pt) != KindInterface)
    param = &obj;
  else if (f->itab == NULL)
    {
      e = (Eface) { f->ot, obj };
      param = &e;
    }
  else
    {
      i = (Iface) { f->itab, obj };
      param = &i;
    }
  runtime_reflectcall (f->ft, f->fn, &param, NULL);
}

/* Run the queued finalizers, oldest first.  The entry being run lives
   in this frame, a root of the conservative stack scan.  */
void
runtime_fin_run (void)
{
  runtime_spinlock (&finlock);
  if (running)
    {
      runtime_spinunlock (&finlock);
      return;
    }
  running = 1;
  uintptr next = 0;
  while (next < queuelen)
    {
      Finalizer f = queue[next++];
      runtime_spinunlock (&finlock);
      call_finalizer (&f);
      runtime_spinlock (&finlock);
    }
  queuelen = 0;
  running = 0;
  runtime_spinunlock (&finlock);
}

/* ---- The finalizer goroutine.  */

static _Bool
fing_unlock (G *gp, void *arg)
{
  (void) gp;
  (void) arg;
  runtime_spinunlock (&finlock);
  return 1;
}

static void
fing_main (void *arg)
{
  (void) arg;
  for (;;)
    {
      runtime_fin_run ();
      /* The finalized objects' addresses linger in dead frames that
         the parked stack's frames would reuse.  */
      runtime_gc_clearstack ();
      runtime_spinlock (&finlock);
      if (queuelen != 0)
        {
          runtime_spinunlock (&finlock);
          continue;
        }
      fingwait = 1;
      /* finlock is released on g0 once this G is Gwaiting, so a waker
         that sees fingwait can ready it.  */
      runtime_gopark (fing_unlock, NULL, "finalizer wait");
    }
}

/* After a collection, with the world running again: start or wake the
   finalizer goroutine if finalizers are queued.  Needs a P (a user
   goroutine); before the scheduler runs they stay queued.  */
void
runtime_fin_wake (void)
{
  M *m = runtime_m ();
  if (m->p == NULL || runtime_g () == m->g0)
    return;
  runtime_spinlock (&finlock);
  if (queuelen == 0)
    {
      runtime_spinunlock (&finlock);
      return;
    }
  if (fing == NULL)
    {
      fing = (G *) 1;          /* made below, outside the lock */
      runtime_spinunlock (&finlock);
      G *gp = runtime_newproc (fing_main, NULL);
      __atomic_store_n (&fing, gp, __ATOMIC_RELEASE);
      return;
    }
  _Bool wake = fingwait;
  fingwait = 0;
  runtime_spinunlock (&finlock);
  if (wake)
    runtime_goready (fing);
}

/* ---- runtime.SetFinalizer.  */

/* fatal error: PREFIX T1 [MID T2].  */
static void NORETURN
throw_types (const char *prefix, const Type *t1, const char *mid,
             const Type *t2)
{
  static char buf[512];
  String parts[4] = { runtime_gostringnocopy (prefix), runtime_typestring (t1),
                      runtime_gostringnocopy (mid ? mid : ""),
                      t2 ? runtime_typestring (t2) : STRING_LIT ("") };
  uintptr n = 0;
  for (int k = 0; k < 4; k++)
    for (intgo j = 0; j < parts[k].len && n + 1 < sizeof buf; j++)
      buf[n++] = (char) parts[k].str[j];
  buf[n] = 0;
  runtime_throw (buf);
}

static _Bool
same_name (const String *a, const String *b)
{
  if (a == b)
    return 1;
  if (a == NULL || b == NULL)
    return 0;
  return a->len == b->len && memcmp (a->str, b->str, a->len) == 0;
}

/* The method table of T for interface IT, or NULL when T lacks a
   method.  Both method lists are sorted by name.  */
static void *const *
make_itab (const InterfaceType *it, const Type *t)
{
  const UncommonType *u = t->uncommon;
  intgo n = it->methods.len, k = 0;
  void **tab = runtime_persistentalloc ((uintptr) (n + 1) * sizeof *tab);
  tab[0] = (void *) t;
  for (intgo i = 0; i < n; i++)
    {
      const IMethod *im = &it->methods.array[i];
      for (; u != NULL && k < u->methods.len; k++)
        {
          const Method *m = &u->methods.array[k];
          if (same_name (m->name, im->name) && same_name (m->pkgPath, im->pkgPath)
              && m->mtyp == im->typ)
            break;
        }
      if (u == NULL || k == u->methods.len)
        return NULL;
      tab[i + 1] = (void *) u->methods.array[k].tfn;
    }
  return (void *const *) tab;
}

/* Can the finalizer parameter of type FINT receive a pointer of type
   ETYP?  Sets *itab for a non-empty interface parameter.  */
static _Bool
param_ok (const Type *fint, const Type *etyp, void *const **itab)
{
  *itab = NULL;
  if (fint == etyp)
    return 1;
  if (type_kind (fint) == KindPtr)
    return (fint->uncommon == NULL || etyp->uncommon == NULL)
           && ((const PtrType *) fint)->elem == ((const PtrType *) etyp)->elem;
  if (type_kind (fint) != KindInterface)
    return 0;
  const InterfaceType *it = (const InterfaceType *) fint;
  if (it->methods.len == 0)
    return 1;
  *itab = make_itab (it, etyp);
  return *itab != NULL;
}

/* Base of the object holding P when P is a heap address, else 0.  */
static uintptr
object_base (uintptr p)
{
  Span *s = runtime_spanof (p);
  if (s == NULL)
    return 0;
  uintptr idx = s->sizeclass != 0 ? runtime_objindex (s, p) : 0;
  return s->base + idx * s->elemsize;
}

static void
set_finalizer (uintptr obj, const Finalizer *f)
{
  runtime_spinlock (&finlock);
  Finalizer *old = table_find (obj);
  if (f == NULL)
    {
      if (old != NULL)
        old->obj = Tombstone;
    }
  else if (old != NULL)
    {
      runtime_spinunlock (&finlock);
      runtime_throw ("runtime.SetFinalizer: finalizer already set");
    }
  else
    table_insert (f);
  runtime_spinunlock (&finlock);
}

void runtime_SetFinalizer (Eface obj, Eface finalizer)
  GOSYM ("runtime.SetFinalizer");
void
runtime_SetFinalizer (Eface obj, Eface finalizer)
{
  const Type *etyp = obj.type;
  if (etyp == NULL)
    runtime_throw ("runtime.SetFinalizer: first argument is nil");
  if (type_kind (etyp) != KindPtr)
    throw_types ("runtime.SetFinalizer: first argument is ", etyp,
                 ", not pointer", NULL);
  if (((const PtrType *) etyp)->elem == NULL)
    runtime_throw ("nil elem type!");
  uintptr p = (uintptr) obj.data;
  uintptr base = object_base (p);
  if (base == 0)
    {
      /* Zero-size objects and globals are never collected.  */
      if (p == 0 || p == (uintptr) &runtime_zerobase || runtime_in_dataroots (p))
        return;
      runtime_throw ("runtime.SetFinalizer: pointer not in allocated block");
    }
  if (base != p)
    runtime_throw ("runtime.SetFinalizer: pointer not at beginning of allocated block");
  const Type *ftyp = finalizer.type;
  if (ftyp == NULL)
    {
      set_finalizer (base, NULL);
      return;
    }
  if (type_kind (ftyp) != KindFunc)
    throw_types ("runtime.SetFinalizer: second argument is ", ftyp,
                 ", not a function", NULL);
  const FuncType *ft = (const FuncType *) ftyp;
  if (ft->dotdotdot)
    throw_types ("runtime.SetFinalizer: cannot pass ", etyp,
                 " to finalizer ", ftyp);
  Finalizer f = { base, finalizer.data, ft, etyp, NULL };
  if (ft->in.len != 1 || !param_ok (ft->in.array[0], etyp, &f.itab))
    throw_types ("runtime.SetFinalizer: cannot pass ", etyp,
                 " to finalizer ", ftyp);
  set_finalizer (base, &f);
}

/* runtime.KeepAlive: the call itself keeps X reachable until here.  */
void runtime_KeepAlive (Eface x) GOSYM ("runtime.KeepAlive");
void __attribute__ ((noinline))
runtime_KeepAlive (Eface x)
{
  __asm__ volatile ("" : : "r" (x.type), "r" (x.data) : "memory");
}
