/* map.c: Go maps.

   A map keeps its entries in insertion order in one array (entries),
   and finds them through an open-addressing index of uint32 slots
   (0: empty, Tombstone: deleted, else entry number + 1), probed
   linearly from the key's hash.  Each entry is
       [ uintptr hash | uint32 state | key | value ]
   at fixed offsets computed from the map type on first use.  The
   entries follow a Table header in one block, which also points at the
   index:

       hmap              table: header, entries (used of cap)   index (mask+1)
       +--------+        +------+-------+-------+-----+        +---+---+---+
       | count  | ---->  | hdr  | live  | dead  | ... |  ----> | 1 | 0 | 2 |
       | tab    |        +------+-------+-------+-----+        +---+---+---+

   Invariants: count == live entries; used <= tab->cap; every live
   entry has exactly one index slot; index slots in use (live +
   tombstones) stay below 3/4 of the index.  Growth builds a new table
   holding only the live entries, and a new index.

   Iteration (hiter): a random start in the entries array, then every
   position once, wrapping.  Deleted entries are skipped.  If the map
   grew meanwhile, the iterator keeps walking its old array and looks
   each key up in the current map, returning the current value, so a
   key deleted after the growth never appears either.  Entries added
   during iteration may or may not appear, as Go allows.

   Concurrent misuse: `writing` is set during assign and delete; a
   second writer or a reader that sees it dies with Go's fatal error.
   A reader that checked just before a writer came in reads one table,
   loaded once: its index, mask and entries agree, and every slot in
   its index names one of its entries, so the racing program reads
   stale values until its next check but never out of bounds.  */
#include "runtime.h"
#include "error.h"
#include "malloc.h"

enum {
  EntryEmpty = 0, EntryLive = 1, EntryDeleted = 2,
  MinIndex = 8,
};
#define Tombstone UINT32_MAX

/* A table: cap entries after this header, in the same block.  index,
   mask and cap never change once the table is published in Hmap.tab;
   the entries and index slots change only under Hmap.writing.  */
typedef struct Table {
  uint32_t *index;           /* mask + 1 slots */
  uint32_t mask;
  uint32_t cap;              /* entries allocated */
} __attribute__ ((aligned (8))) Table;

/* Fields other than count and tab change only under `writing`, or
   (t and the offsets) once, at the first operation.  */
typedef struct Hmap {
  intgo count;               /* word 0: len(m), read by compiled code */
  const MapType *t;          /* set by the first operation */
  uintptr seed;
  Table *tab;                /* NULL before the first key and after clear */
  uint32_t used;             /* entries written in tab */
  uint32_t slots;            /* index slots live or tombstone */
  uint32_t writing;          /* a writer is inside */
  uint32_t koff, voff, esize;
} Hmap;

typedef struct Hiter {
  void *key;                 /* word 0: read by compiled code */
  void *val;                 /* word 1: read by compiled code */
  const MapType *t;
  Hmap *h;
  Table *tab;                /* the table being walked */
  uintptr n;                 /* positions to visit in it */
  uintptr start;
  uintptr done;              /* positions visited */
} Hiter;

_Static_assert (sizeof (Hiter) <= 12 * sizeof (void *), "hiter too big");

/* Shared zero value for absent keys (values up to 1024 bytes; bigger
   ones use the _fat entry points, which pass their own).  */
static const uint8_t zero_value[1024] __attribute__ ((aligned (16)));

static inline uintptr
align_up (uintptr n, uintptr a)
{
  return (n + a - 1) & ~(a - 1);
}

static inline uintptr
maxu (uintptr a, uintptr b)
{
  return a > b ? a : b;
}

static void
set_type (Hmap *h, const MapType *t)
{
  if (h->t == t)
    return;
  if (h->t != NULL)
    runtime_throw ("map used with two types");
  h->t = t;
  uintptr hdr = sizeof (uintptr) + sizeof (uint32_t);
  uintptr ka = maxu (t->key->align, 1), va = maxu (t->elem->align, 1);
  h->koff = (uint32_t) align_up (hdr, ka);
  h->voff = (uint32_t) align_up (h->koff + t->key->size, va);
  h->esize = (uint32_t) align_up (h->voff + t->elem->size,
                                  maxu (sizeof (uintptr), maxu (ka, va)));
}

static Hmap *
newmap (void)
{
  Hmap *h = runtime_mallocgc (sizeof *h, NULL, 0);
  h->seed = runtime_fastrand () | ((uintptr) runtime_fastrand () << 16 << 16);
  return h;
}

static inline uint8_t *
entry (const Hmap *h, Table *tab, uint32_t i)
{
  return (uint8_t *) (tab + 1) + (uintptr) i * h->esize;
}

/* The published table, read once by each operation.  Relaxed: what a
   reader then reads of it (index, mask, cap) depends on the pointer's
   value, which orders those loads after it on every arch we run on, and
   grow's release store published them first.  A racing program needs
   no more to stay in bounds; a correct one synchronizes by itself.  No
   barrier on the lookup path (a dmb per lookup on arm).  */
static inline Table *
load_table (Hmap *h)
{
  return __atomic_load_n (&h->tab, __ATOMIC_RELAXED);
}

static inline uint32_t *
state_of (uint8_t *e)
{
  return (uint32_t *) (e + sizeof (uintptr));
}

static inline uintptr
hash_key (const Hmap *h, const void *key)
{
  return ((uintptr (*) (const void *, uintptr)) h->t->hasher->code) (key, h->seed);
}

static inline _Bool
key_equal (const Hmap *h, const void *a, const void *b)
{
  return type_equal (h->t->key, a, b);
}

/* The slot in TAB's index holding KEY (HASH), or NULL; *ENTRY is set
   to the entry it named.  A racing writer may change the slot as soon
   as it is read: callers use *ENTRY, never the slot's new value.  */
static uint32_t *
find (Hmap *h, Table *tab, const void *key, uintptr hash, uint8_t **entryp)
{
  if (tab == NULL)
    return NULL;
  uint32_t *index = tab->index, mask = tab->mask;
  for (uint32_t i = (uint32_t) hash & mask;; i = (i + 1) & mask)
    {
      uint32_t s = __atomic_load_n (&index[i], __ATOMIC_RELAXED);
      if (s == 0)
        return NULL;
      if (s == Tombstone)
        continue;
      uint8_t *e = entry (h, tab, s - 1);
      if (*(uintptr *) e == hash && key_equal (h, e + h->koff, key))
        {
          *entryp = e;
          return &index[i];
        }
    }
}

/* Rebuild for at least NEED live entries: a compact entries array and
   a fresh index.  */
static void
grow (Hmap *h, uint32_t need)
{
  uint32_t cap = 8;
  while (cap < need)
    cap *= 2;
  uint32_t isize = MinIndex;
  while (isize * 3 / 4 <= cap)
    isize *= 2;
  Table *tab = runtime_mallocgc (sizeof *tab + (uintptr) cap * h->esize,
                                 NULL, 0);
  tab->index = runtime_mallocgc ((uintptr) isize * sizeof *tab->index,
                                 NULL, FlagNoScan);
  tab->mask = isize - 1;
  tab->cap = cap;
  uint32_t n = 0;
  for (uint32_t i = 0; i < h->used; i++)
    {
      uint8_t *old = entry (h, h->tab, i);
      if (*state_of (old) != EntryLive)
        continue;
      uint8_t *e = entry (h, tab, n);
      memcpy (e, old, h->esize);
      uint32_t j = (uint32_t) *(uintptr *) e & tab->mask;
      while (tab->index[j] != 0)
        j = (j + 1) & tab->mask;
      tab->index[j] = ++n;
    }
  __atomic_store_n (&h->tab, tab, __ATOMIC_RELEASE);
  h->used = n;
  h->slots = n;
}

static void
start_write (Hmap *h)
{
  if (__atomic_exchange_n (&h->writing, 1, __ATOMIC_ACQUIRE))
    runtime_throw ("concurrent map writes");
}

static void
end_write (Hmap *h)
{
  if (!__atomic_exchange_n (&h->writing, 0, __ATOMIC_RELEASE))
    runtime_throw ("concurrent map writes");
}

/* A reader that finds a writer inside dies with WHAT_FATAL.  */
static inline void
check_no_writer (Hmap *h, const char *what_fatal)
{
  if (__atomic_load_n (&h->writing, __ATOMIC_RELAXED))
    runtime_throw (what_fatal);
}

/* ---- Lookups.  */

static void *
lookup (const MapType *t, Hmap *h, const void *key)
{
  if (h == NULL || h->count == 0)
    {
      /* Hashing may panic (an unhashable interface key) even here.  */
      if (t->flags & MapHashMightPanic)
        ((uintptr (*) (const void *, uintptr)) t->hasher->code) (key, 0);
      return NULL;
    }
  set_type (h, t);
  check_no_writer (h, "concurrent map read and map write");
  uint8_t *e;
  if (find (h, load_table (h), key, hash_key (h, key), &e) == NULL)
    return NULL;
  return e + h->voff;
}

void *runtime_mapaccess1 (const MapType *t, Hmap *h, const void *key)
  GOSYM ("runtime.mapaccess1");
void *
runtime_mapaccess1 (const MapType *t, Hmap *h, const void *key)
{
  void *v = lookup (t, h, key);
  return v != NULL ? v : (void *) zero_value;
}

PtrBool runtime_mapaccess2 (const MapType *t, Hmap *h, const void *key)
  GOSYM ("runtime.mapaccess2");
PtrBool
runtime_mapaccess2 (const MapType *t, Hmap *h, const void *key)
{
  void *v = lookup (t, h, key);
  return v != NULL ? (PtrBool) { v, 1 } : (PtrBool) { (void *) zero_value, 0 };
}

void *runtime_mapaccess1_fat (const MapType *t, Hmap *h, const void *key,
                              void *zero) GOSYM ("runtime.mapaccess1__fat");
void *
runtime_mapaccess1_fat (const MapType *t, Hmap *h, const void *key, void *zero)
{
  void *v = lookup (t, h, key);
  return v != NULL ? v : zero;
}

PtrBool runtime_mapaccess2_fat (const MapType *t, Hmap *h, const void *key,
                                void *zero) GOSYM ("runtime.mapaccess2__fat");
PtrBool
runtime_mapaccess2_fat (const MapType *t, Hmap *h, const void *key, void *zero)
{
  void *v = lookup (t, h, key);
  return v != NULL ? (PtrBool) { v, 1 } : (PtrBool) { zero, 0 };
}

/* ---- Assignment and deletion.  */

void *runtime_mapassign (const MapType *t, Hmap *h, const void *key)
  GOSYM ("runtime.mapassign");
void *
runtime_mapassign (const MapType *t, Hmap *h, const void *key)
{
  if (h == NULL)
    runtime_panicplain ("assignment to entry in nil map");
  set_type (h, t);
  uintptr hash = hash_key (h, key);
  start_write (h);
  Table *tab = h->tab;
  uint8_t *e;
  if (find (h, tab, key, hash, &e) != NULL)
    {
      if (t->flags & MapNeedKeyUpdate)
        memmove (e + h->koff, key, t->key->size);
    }
  else
    {
      uint32_t cap = tab != NULL ? tab->cap : 0;
      uint32_t isize = tab != NULL ? tab->mask + 1 : 0;
      if (h->used == cap || (h->slots + 1) * 4 > isize * 3)
        {
          uint32_t need = (uint32_t) h->count + 1;
          grow (h, need > cap / 2 ? 2 * need : need);
          tab = h->tab;
        }
      e = entry (h, tab, h->used);
      *(uintptr *) e = hash;
      *state_of (e) = EntryLive;
      memmove (e + h->koff, key, t->key->size);
      uint32_t *index = tab->index, i = (uint32_t) hash & tab->mask;
      while (index[i] != 0 && index[i] != Tombstone)
        i = (i + 1) & tab->mask;
      if (index[i] == 0)
        h->slots++;
      __atomic_store_n (&index[i], ++h->used, __ATOMIC_RELAXED);
      h->count++;
    }
  end_write (h);
  return e + h->voff;
}

void
runtime_map_delete_key (const MapType *t, Hmap *h, const void *key)
{
  if (h == NULL || h->count == 0)
    {
      if (t->flags & MapHashMightPanic)
        ((uintptr (*) (const void *, uintptr)) t->hasher->code) (key, 0);
      return;
    }
  set_type (h, t);
  uintptr hash = hash_key (h, key);
  start_write (h);
  uint8_t *e;
  uint32_t *slot = find (h, h->tab, key, hash, &e);
  if (slot != NULL)
    {
      *state_of (e) = EntryDeleted;
      memset (e + h->koff, 0, h->esize - h->koff);   /* let go of pointers */
      __atomic_store_n (slot, Tombstone, __ATOMIC_RELAXED);
      h->count--;
    }
  end_write (h);
}

void runtime_mapdelete (const MapType *t, Hmap *h, const void *key)
  GOSYM ("runtime.mapdelete");
void
runtime_mapdelete (const MapType *t, Hmap *h, const void *key)
{
  runtime_map_delete_key (t, h, key);
}

void runtime_mapclear (const MapType *t, Hmap *h) GOSYM ("runtime.mapclear");
void
runtime_mapclear (const MapType *t, Hmap *h)
{
  if (h == NULL)
    return;
  set_type (h, t);
  start_write (h);
  /* No table: iterators still walking the old one look their keys up
     here and find none, so nothing deleted is returned.  */
  __atomic_store_n (&h->tab, NULL, __ATOMIC_RELEASE);
  h->used = h->slots = 0;
  h->count = 0;
  end_write (h);
}

/* ---- Construction.  */

Hmap *runtime_makemap (const MapType *t, intgo hint, Hmap *h)
  GOSYM ("runtime.makemap");
Hmap *
runtime_makemap (const MapType *t, intgo hint, Hmap *h)
{
  if (h == NULL)
    h = newmap ();
  set_type (h, t);
  if (hint > 8 && (uintptr) hint < ((uintptr) 1 << 28))
    grow (h, (uint32_t) hint);
  return h;
}

Hmap *runtime_makemap64 (const MapType *t, int64_t hint, Hmap *h)
  GOSYM ("runtime.makemap64");
Hmap *
runtime_makemap64 (const MapType *t, int64_t hint, Hmap *h)
{
  if ((int64_t) (intgo) hint != hint)
    hint = 0;
  return runtime_makemap (t, (intgo) hint, h);
}

Hmap *runtime_makemap_small (void) GOSYM ("runtime.makemap__small");
Hmap *
runtime_makemap_small (void)
{
  return newmap ();
}

Hmap *__go_construct_map (const MapType *t, uintptr count, uintptr entry_size,
                          uintptr val_offset, const void *entries);
Hmap *
__go_construct_map (const MapType *t, uintptr count, uintptr entry_size,
                    uintptr val_offset, const void *entries)
{
  Hmap *h = runtime_makemap (t, (intgo) count, NULL);
  const uint8_t *p = entries;
  for (uintptr i = 0; i < count; i++, p += entry_size)
    memmove (runtime_mapassign (t, h, p), p + val_offset, t->elem->size);
  return h;
}

/* ---- Iteration.  */

void runtime_mapiternext (Hiter *it) GOSYM ("runtime.mapiternext");
void
runtime_mapiternext (Hiter *it)
{
  Hmap *h = it->h;
  if (h != NULL)
    check_no_writer (h, "concurrent map iteration and map write");
  while (it->done < it->n)
    {
      uintptr pos = it->start + it->done++;
      if (pos >= it->n)
        pos -= it->n;
      uint8_t *e = entry (h, it->tab, (uint32_t) pos);
      if (*state_of (e) != EntryLive)
        continue;
      Table *tab = load_table (h);
      if (it->tab == tab)
        {
          it->key = e + h->koff;
          it->val = e + h->voff;
          return;
        }
      /* The map was rebuilt: is the key still there, and where?  */
      uint8_t *cur;
      if (find (h, tab, e + h->koff, *(uintptr *) e, &cur) == NULL)
        continue;
      it->key = cur + h->koff;
      it->val = cur + h->voff;
      return;
    }
  it->key = NULL;
  it->val = NULL;
}

void runtime_mapiterinit (const MapType *t, Hmap *h, Hiter *it)
  GOSYM ("runtime.mapiterinit");
void
runtime_mapiterinit (const MapType *t, Hmap *h, Hiter *it)
{
  memset (it, 0, sizeof *it);
  it->t = t;
  if (h == NULL || h->count == 0)
    return;
  set_type (h, t);
  it->h = h;
  it->tab = load_table (h);
  /* used is the writer's; a racing one may have moved to a new table.  */
  uint32_t used = h->used;
  it->n = it->tab == NULL ? 0 : used < it->tab->cap ? used : it->tab->cap;
  if (it->n == 0)
    return;
  it->start = runtime_fastrand () % it->n;
  runtime_mapiternext (it);
}

/* ---- Fast paths: the key by value (ABI doc 2.3).  */

#define FAST_VARIANTS(suffix, ktype)                                        \
  void *runtime_mapaccess1_##suffix (const MapType *t, Hmap *h, ktype k)    \
    GOSYM ("runtime.mapaccess1__" #suffix);                                 \
  void *runtime_mapaccess1_##suffix (const MapType *t, Hmap *h, ktype k)    \
  { return runtime_mapaccess1 (t, h, &k); }                                 \
  PtrBool runtime_mapaccess2_##suffix (const MapType *t, Hmap *h, ktype k)  \
    GOSYM ("runtime.mapaccess2__" #suffix);                                 \
  PtrBool runtime_mapaccess2_##suffix (const MapType *t, Hmap *h, ktype k)  \
  { return runtime_mapaccess2 (t, h, &k); }                                 \
  void *runtime_mapassign_##suffix (const MapType *t, Hmap *h, ktype k)     \
    GOSYM ("runtime.mapassign__" #suffix);                                  \
  void *runtime_mapassign_##suffix (const MapType *t, Hmap *h, ktype k)     \
  { return runtime_mapassign (t, h, &k); }                                  \
  void runtime_mapdelete_##suffix (const MapType *t, Hmap *h, ktype k)      \
    GOSYM ("runtime.mapdelete__" #suffix);                                  \
  void runtime_mapdelete_##suffix (const MapType *t, Hmap *h, ktype k)      \
  { runtime_map_delete_key (t, h, &k); }

FAST_VARIANTS (fast32, uint32_t)
FAST_VARIANTS (fast64, uint64_t)
FAST_VARIANTS (faststr, String)

void *runtime_mapassign_fast32ptr (const MapType *t, Hmap *h, void *k)
  GOSYM ("runtime.mapassign__fast32ptr");
void *
runtime_mapassign_fast32ptr (const MapType *t, Hmap *h, void *k)
{
  return runtime_mapassign (t, h, &k);
}

void *runtime_mapassign_fast64ptr (const MapType *t, Hmap *h, void *k)
  GOSYM ("runtime.mapassign__fast64ptr");
void *
runtime_mapassign_fast64ptr (const MapType *t, Hmap *h, void *k)
{
  return runtime_mapassign (t, h, &k);
}
