/* map_fuzz.c: differential libFuzzer harness for the map implementation
   (libruntime/map.c, compiled in) against a reference model.

   Keys are uint16 from a space of 256, values uint64; the map type's
   hash is chosen by the input's first byte: good, or deliberately bad
   (few distinct hashes) so that probing, tombstones and growth of the
   index are exercised.  Each following byte is an operation: assign,
   delete, lookup (both access forms), clear, a full iteration, or an
   iteration with assignments and deletions in the middle of it.  The
   model is a plain array.  After every operation len(m) must equal the
   model's; lookups must agree; a full iteration returns every key once
   with its value; an iteration with changes returns no key twice (unless deleted and
   added again meanwhile), every
   key present throughout, no key deleted before it was reached, and for
   each key returned the value it has at that moment.  */
#include "fuzz_stubs.h"
#include "../../libruntime/map.c"
#include "../lib/lrt_maptype.h"

enum { Keys = 256 };

static uint8_t hash_mode;

static uintptr
key_hash (const void *k, uintptr seed)
{
  uint16_t v;
  memcpy (&v, k, 2);
  switch (hash_mode % 3)
    {
    case 0: return (v * (uintptr) 0x9e3779b97f4a7c15ull) ^ seed;
    case 1: return v % 5;                   /* five hashes for 256 keys */
    default: return (uintptr) (v & 0xf0) << 3;  /* equal low bits */
    }
}

static _Bool
key_eq (const void *a, const void *b)
{
  return memcmp (a, b, 2) == 0;
}

LRT_MAP_TYPE (map_type, 2, KindUint16, key_hash, key_eq);

static _Bool present[Keys];
static uint64_t value[Keys];
static intgo live;

static void
model_assign (Hmap *h, uint16_t k, uint64_t v)
{
  uint64_t *slot = runtime_mapassign (&map_type, h, &k);
  *slot = v;
  if (!present[k])
    live++;
  present[k] = 1;
  value[k] = v;
}

static void
model_delete (Hmap *h, uint16_t k)
{
  runtime_mapdelete (&map_type, h, &k);
  if (present[k])
    live--;
  present[k] = 0;
}

static void
check_lookup (Hmap *h, uint16_t k)
{
  PtrBool r = runtime_mapaccess2 (&map_type, h, &k);
  FUZZ_CHECK (r.ok == present[k]);
  FUZZ_CHECK (*(uint64_t *) r.p == (present[k] ? value[k] : 0));
  FUZZ_CHECK (*(uint64_t *) runtime_mapaccess1 (&map_type, h, &k)
              == (present[k] ? value[k] : 0));
}

static void
full_iteration (Hmap *h)
{
  Hiter it;
  uint8_t seen[Keys] = { 0 };
  intgo n = 0;
  for (runtime_mapiterinit (&map_type, h, &it); it.key != NULL;
       runtime_mapiternext (&it))
    {
      uint16_t k;
      memcpy (&k, it.key, 2);
      FUZZ_CHECK (k < Keys && present[k] && !seen[k]);
      FUZZ_CHECK (*(uint64_t *) it.val == value[k]);
      seen[k] = 1;
      n++;
    }
  FUZZ_CHECK (n == live);
}

static void
changing_iteration (Hmap *h, Input *in, uint64_t *counter)
{
  _Bool at_start[Keys], deleted[Keys] = { 0 };
  uint8_t seen[Keys] = { 0 };
  memcpy (at_start, present, sizeof at_start);
  Hiter it;
  for (runtime_mapiterinit (&map_type, h, &it); it.key != NULL;
       runtime_mapiternext (&it))
    {
      uint16_t k;
      memcpy (&k, it.key, 2);
      /* A key deleted and added again is a new entry: Go allows it to
         come again.  */
      FUZZ_CHECK (k < Keys && present[k] && (!seen[k] || deleted[k]));
      FUZZ_CHECK (*(uint64_t *) it.val == value[k]);
      seen[k] = 1;
      uint8_t b = next_byte (in);
      if (b & 1)
        {
          uint16_t d = next_byte (in);
          model_delete (h, d);
          deleted[d] = 1;
        }
      if (b & 2)
        model_assign (h, next_byte (in), ++*counter);
      if (b & 4)
        for (int i = 0; i < 40; i++)   /* enough to grow the map */
          model_assign (h, (uint16_t) (next_byte (in) ^ i), ++*counter);
    }
  for (int k = 0; k < Keys; k++)
    if (at_start[k] && !deleted[k])
      FUZZ_CHECK (seen[k]);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  Input in = { data, data + size };
  hash_mode = next_byte (&in);
  fuzz_rand_state = 1 + next_byte (&in);
  memset (present, 0, sizeof present);
  live = 0;
  uint64_t counter = 0;
  if (setjmp (fuzz_escape) != 0)
    {
      fprintf (stderr, "map_fuzz: unexpected fatal error or panic: %s\n", fuzz_thrown);
      abort ();
    }
  Hmap *h = runtime_makemap (&map_type, next_byte (&in) % 64, NULL);
  while (input_left (&in))
    {
      uint8_t op = next_byte (&in);
      uint16_t k = next_byte (&in);
      switch (op % 16)
        {
        case 0: case 1: case 2: case 3: case 4:
          model_assign (h, k, ++counter);
          break;
        case 5: case 6: case 7:
          model_delete (h, k);
          break;
        case 8: case 9: case 10:
          check_lookup (h, k);
          break;
        case 11:
          if (k % 8 == 0)
            {
              runtime_mapclear (&map_type, h);
              memset (present, 0, sizeof present);
              live = 0;
            }
          break;
        case 12:
          full_iteration (h);
          break;
        case 13:
          changing_iteration (h, &in, &counter);
          break;
        default:
          /* a burst of inserts then deletes: growth and shrinking */
          for (int i = 0; i < 64; i++)
            model_assign (h, (uint16_t) ((k + i * 7) % Keys), ++counter);
          for (int i = 0; i < 60; i++)
            model_delete (h, (uint16_t) ((k + i * 7) % Keys));
          break;
        }
      FUZZ_CHECK (h->count == live);
    }
  full_iteration (h);
  fuzz_free_all ();
  return 0;
}
