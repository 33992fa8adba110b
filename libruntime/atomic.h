/* atomic.h: the runtime's atomic operations, in one place.

   On libatomic_ops (AO_*) by default; configure --disable-atomic-ops
   selects the C11 <stdatomic.h>-style builtins instead, so the fallback
   is built and tested on every arch.  All operations are full barriers
   unless the name says acquire or release.  64-bit operations use the
   compiler's builtins on every arch (i686 and ARMv7 have them).  */
#ifndef LIBRUNTIME_ATOMIC_H
#define LIBRUNTIME_ATOMIC_H

#include "config.h"
#include <stdint.h>

#ifdef HAVE_ATOMIC_OPS
#include <atomic_ops.h>

static inline _Bool
runtime_cas32 (uint32_t *p, uint32_t old, uint32_t new)
{
  return AO_int_compare_and_swap_full ((volatile unsigned *) p, old, new);
}

static inline _Bool
runtime_casp (void *p, void *old, void *new)
{
  return AO_compare_and_swap_full ((volatile AO_t *) p, (AO_t) old, (AO_t) new);
}

static inline uint32_t
runtime_xadd32 (uint32_t *p, int32_t delta)
{
  return AO_int_fetch_and_add_full ((volatile unsigned *) p, (unsigned) delta)
         + (uint32_t) delta;
}

static inline uint32_t
runtime_load32_acquire (const uint32_t *p)
{
  return AO_int_load_acquire ((const volatile unsigned *) p);
}

static inline void
runtime_store32_release (uint32_t *p, uint32_t v)
{
  AO_int_store_release ((volatile unsigned *) p, v);
}

static inline void *
runtime_loadp_acquire (void *const *p)
{
  return (void *) AO_load_acquire ((const volatile AO_t *) p);
}

static inline void
runtime_storep_release (void **p, void *v)
{
  AO_store_release ((volatile AO_t *) p, (AO_t) v);
}

#else /* C11 atomics through the compiler's builtins.  */

static inline _Bool
runtime_cas32 (uint32_t *p, uint32_t old, uint32_t new)
{
  return __atomic_compare_exchange_n (p, &old, new, 0, __ATOMIC_SEQ_CST,
                                      __ATOMIC_SEQ_CST);
}

static inline _Bool
runtime_casp (void *p, void *old, void *new)
{
  return __atomic_compare_exchange_n ((void **) p, &old, new, 0,
                                      __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

static inline uint32_t
runtime_xadd32 (uint32_t *p, int32_t delta)
{
  return __atomic_add_fetch (p, (uint32_t) delta, __ATOMIC_SEQ_CST);
}

static inline uint32_t
runtime_load32_acquire (const uint32_t *p)
{
  return __atomic_load_n (p, __ATOMIC_ACQUIRE);
}

static inline void
runtime_store32_release (uint32_t *p, uint32_t v)
{
  __atomic_store_n (p, v, __ATOMIC_RELEASE);
}

static inline void *
runtime_loadp_acquire (void *const *p)
{
  return __atomic_load_n (p, __ATOMIC_ACQUIRE);
}

static inline void
runtime_storep_release (void **p, void *v)
{
  __atomic_store_n (p, v, __ATOMIC_RELEASE);
}

#endif

/* Derived operations, the same on every configuration.  */
static inline uint32_t
runtime_xchg32 (uint32_t *p, uint32_t new)
{
  uint32_t old;
  do
    old = runtime_load32_acquire (p);
  while (!runtime_cas32 (p, old, new));
  return old;
}

static inline uint64_t
runtime_xadd64 (uint64_t *p, int64_t delta)
{
  return __atomic_add_fetch (p, (uint64_t) delta, __ATOMIC_SEQ_CST);
}

static inline uint64_t
runtime_load64 (const uint64_t *p)
{
  return __atomic_load_n (p, __ATOMIC_SEQ_CST);
}

/* A short busy wait for a spinning waiter, without giving up the
   thread: the lock's active spin, the collector's waits for other
   workers.  */
static inline void
runtime_spinpause (void)
{
  for (int k = 0; k < 30; k++)
    __asm__ volatile ("" ::: "memory");
}

#endif /* LIBRUNTIME_ATOMIC_H */
