/* fuzz_stubs.h: the runtime around one libruntime source file compiled
   into a libFuzzer harness (map_fuzz.c, chan_fuzz.c).

   Allocation is calloc into an arena freed after every input (no
   collector: the code under test only sees fresh zeroed memory, as
   from runtime_mallocgc); runtime_throw and runtime_panicplain return
   to the harness through longjmp with the message, which the harness
   compares with what its reference model expects; randomness comes
   from the input.  */
#ifndef FUZZ_STUBS_H
#define FUZZ_STUBS_H

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "malloc.h"

__thread G *runtime_g_tls;
__thread M *runtime_m_tls;
/* sigpreempt.h's critical-section counter (chan.c's sudog pool).  */
__thread uint32_t runtime_nosigpark;

static jmp_buf fuzz_escape;
static const char *fuzz_thrown;

void
runtime_throw (const char *s)
{
  fuzz_thrown = s;
  longjmp (fuzz_escape, 1);
}

void
runtime_panicplain (const char *s)
{
  fuzz_thrown = s;
  longjmp (fuzz_escape, 2);
}

enum { ArenaMax = 1 << 16 };
static void *arena[ArenaMax];
static size_t narena;

static void *
fuzz_alloc (uintptr size)
{
  if (narena == ArenaMax)
    {
      fprintf (stderr, "fuzz: arena full\n");
      abort ();
    }
  void *p = calloc (1, size ? size : 1);
  arena[narena++] = p;
  return p;
}

static void
fuzz_free_all (void)
{
  while (narena > 0)
    free (arena[--narena]);
}

void *
runtime_mallocgc (uintptr size, const Type *type, uint32_t flags)
{
  (void) type;
  (void) flags;
  return fuzz_alloc (size);
}

void *
runtime_persistentalloc (uintptr size)
{
  return fuzz_alloc (size);
}

static uint32_t fuzz_rand_state = 1;

uint32_t
runtime_fastrand (void)
{
  uint32_t x = fuzz_rand_state;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return fuzz_rand_state = x ? x : 1;
}

/* The input as a stream of bytes; zeros once it runs out.  */
typedef struct Input { const uint8_t *p, *end; } Input;

static uint8_t
next_byte (Input *in)
{
  return in->p < in->end ? *in->p++ : 0;
}

static _Bool
input_left (const Input *in)
{
  return in->p < in->end;
}

#define FUZZ_CHECK(c)                                                   \
  do {                                                                  \
    if (!(c))                                                           \
      {                                                                 \
        fprintf (stderr, "%s:%d: differs from the model: %s\n",        \
                 __FILE__, __LINE__, #c);                               \
        abort ();                                                       \
      }                                                                 \
  } while (0)

#endif
