/* rand.c: fast non-cryptographic random numbers for map iteration
   order, select order and hash seeds.  Seeded once per process from the
   OS layer's random bytes, then xorshift per thread.  */
#include "runtime.h"
#include "os.h"

static uint64_t rand_seed;                 /* set once at start-up */
static __thread uint64_t rand_state TLS_IE;

void
runtime_randinit (void)
{
  uint64_t k = 0;
  runtime_getrandom (&k, sizeof k);
  rand_seed = (k ^ (uint64_t) runtime_nanotime ()) | 1;
}

uint32_t
runtime_fastrand (void)
{
  uint64_t x = rand_state;
  if (unlikely (x == 0))
    x = rand_seed ^ (uint64_t) (uintptr) &rand_state ^ 0x9e3779b97f4a7c15ull;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  rand_state = x;
  return (uint32_t) (x >> 32);
}
