// run

/* A lookup must use the entry its probe matched, not the index slot
   read again: a writer racing the reader (a Go program's bug, reported
   at the reader's next check) may turn that slot into a tombstone in
   between.  Here the key's equal function plays the writer, deleting
   the key while the lookup compares it.  Reading the slot again gave
   entry number 0xfffffffe: 128 GiB past the table on 64-bit, and the
   caller faulted on it (map_concurrent_read_write.go on arm64); on
   32-bit the offset wraps to two entries before the table.
   The lookup must return the deleted entry's value (zeroed by the
   delete) or the old one, and the map must stay consistent.  */
#include <string.h>
#include "lrt_ctest.h"
#include "runtime.h"
#include "lrt_maptype.h"

void *mapaccess1 (const MapType *, void *, const void *)
  __asm__ ("runtime.mapaccess1");
void *mapassign (const MapType *, void *, const void *)
  __asm__ ("runtime.mapassign");
void mapdelete (const MapType *, void *, const void *)
  __asm__ ("runtime.mapdelete");
void *makemap (const MapType *, intgo, void *) __asm__ ("runtime.makemap");

static const MapType map_type;   /* LRT_MAP_TYPE below */
static void *the_map;
static uint64_t delete_during_compare = UINT64_MAX;

static uintptr
key_hash (const void *k, uintptr seed)
{
  uint64_t v;
  memcpy (&v, k, 8);
  return (uintptr) (v * 0x9e3779b97f4a7c15ull) ^ seed;
}

static _Bool
key_eq (const void *a, const void *b)
{
  if (memcmp (a, b, 8) != 0)
    return 0;
  uint64_t k;
  memcpy (&k, a, 8);
  if (k == delete_during_compare)
    {
      delete_during_compare = UINT64_MAX;
      mapdelete (&map_type, the_map, &k);
    }
  return 1;
}

LRT_MAP_TYPE (map_type, 8, KindUint64, key_hash, key_eq);

static void
run (void)
{
  enum { Keys = 100 };
  the_map = makemap (&map_type, 0, NULL);
  for (uint64_t k = 0; k < Keys; k++)
    *(uint64_t *) mapassign (&map_type, the_map, &k) = 1000 + k;
  for (uint64_t k = 0; k < Keys; k++)
    {
      delete_during_compare = k;
      uint64_t v = *(volatile uint64_t *) mapaccess1 (&map_type, the_map, &k);
      CHECK (delete_during_compare == UINT64_MAX);   /* it did delete */
      CHECK (v == 0 || v == 1000 + k);
      CHECK (*(intgo *) the_map == (intgo) (Keys - 1 - k));
      CHECK (*(uint64_t *) mapaccess1 (&map_type, the_map, &k) == 0);
    }
  for (uint64_t k = 0; k < Keys; k++)
    *(uint64_t *) mapassign (&map_type, the_map, &k) = k;
  for (uint64_t k = 0; k < Keys; k++)
    CHECK (*(uint64_t *) mapaccess1 (&map_type, the_map, &k) == k);
  fprintf (stderr, "ok\n");
}

LRT_MAIN (run)
