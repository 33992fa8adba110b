/* lsda_fuzz.c: libFuzzer harness for the LSDA parser of the
   personality routine (libruntime/unwind.c, find_landing_pad).

   The input is an IP offset (4 bytes) and then an LSDA, copied into a
   heap block of exactly its size, so ASan sees any read past it.  The
   parser must either answer (a landing pad or none) or reject the
   table with the runtime's "malformed exception table (LSDA)" fatal
   error; any other fatal error, an out-of-bounds read or undefined
   behaviour is a crash.  Well-formed tables are checked against a
   reference: a table the harness builds from the input (the second
   half of each run) must give the landing pad a linear search of its
   own entries gives.

   unwind.c is compiled into this file (its parser is static), against
   stubs of the few runtime functions it names: runtime_throw returns
   here through longjmp.  */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../libruntime/unwind.c"

__thread G *runtime_g_tls;
__thread M *runtime_m_tls;

static jmp_buf rejected;
static const char *thrown;

void
runtime_throw (const char *s)
{
  thrown = s;
  longjmp (rejected, 1);
}

void *
runtime_persistentalloc (uintptr n)
{
  return calloc (1, n);
}

void
runtime_freedefer (Defer *d)
{
  (void) d;
}

/* Stub of the assembly entry (arch/ARCH/morestack.S): a plain call, as
   on arches without split stacks.  */
#if ARCH_HAS_SPLIT_STACK
void *
runtime_callroom (void *(*fn) (void *), void *arg)
{
  return fn (arg);
}
#endif

static uint32_t
get32 (const uint8_t *p)
{
  uint32_t v;
  memcpy (&v, p, 4);
  return v;
}

/* Parse [DATA, DATA+SIZE) as an LSDA at a region starting at 0x10000;
   returns 1 and the answer, or 0 for a rejection.  */
static int
parse (const uint8_t *data, size_t size, uintptr ip, uintptr *lp,
       intptr_t *filter)
{
  uint8_t *copy = malloc (size ? size : 1);
  memcpy (copy, data, size);
  volatile int ok = 0;
  thrown = NULL;
  if (setjmp (rejected) == 0)
    {
      *lp = find_landing_pad (copy, copy + size, 0x10000, ip, filter);
      ok = 1;
    }
  else if (strcmp (thrown, "malformed exception table (LSDA)") != 0)
    {
      fprintf (stderr, "lsda_fuzz: unexpected fatal error: %s\n", thrown);
      abort ();
    }
  free (copy);
  return ok;
}

/* A well-formed table from the input: up to 16 sorted call sites of
   uleb128 start/len/lp/action, one action record per site.  */
static void
check_wellformed (const uint8_t *data, size_t size)
{
  enum { MaxSites = 16 };
  uint8_t t[512];
  size_t n = 0;
  uint32_t start[MaxSites], len[MaxSites], lp[MaxSites];
  size_t nsites = size / 4 < MaxSites ? size / 4 : MaxSites;
  uint32_t at = 0;
  for (size_t i = 0; i < nsites; i++)
    {
      at += data[4 * i] % 64;
      start[i] = at;
      len[i] = 1 + data[4 * i + 1] % 32;
      lp[i] = data[4 * i + 2] % 4 == 0 ? 0 : 1 + data[4 * i + 2];
      at += len[i];
    }
  uint8_t cs[256];
  size_t ncs = 0;
  for (size_t i = 0; i < nsites; i++)
    {
      uint32_t v[4] = { start[i], len[i], lp[i], (uint32_t) (i + 1) * 2 - 1 };
      for (int k = 0; k < 4; k++)
        {
          uint32_t x = v[k];
          do
            {
              uint8_t b = x & 0x7f;
              x >>= 7;
              cs[ncs++] = b | (x ? 0x80 : 0);
            }
          while (x);
        }
    }
  t[n++] = DW_EH_PE_omit;      /* lpstart: the region start */
  t[n++] = DW_EH_PE_omit;      /* no type table */
  t[n++] = DW_EH_PE_uleb128;
  t[n++] = (uint8_t) (ncs & 0x7f) | (ncs > 127 ? 0x80 : 0);
  if (ncs > 127)
    t[n++] = (uint8_t) (ncs >> 7);
  memcpy (t + n, cs, ncs);
  n += ncs;
  for (size_t i = 0; i < nsites; i++)
    {
      t[n++] = (uint8_t) (i + 1);   /* filter i+1 */
      t[n++] = 0;                   /* no next action */
    }
  uint32_t off = size >= 4 ? get32 (data) % (at + 8) : 0;
  uintptr want = 0;
  intptr_t want_filter = 0;
  for (size_t i = 0; i < nsites; i++)
    if (off >= start[i] && off < start[i] + len[i])
      {
        if (lp[i] != 0)
          {
            want = 0x10000 + lp[i];
            want_filter = (intptr_t) i + 1;
          }
        break;
      }
  uintptr got;
  intptr_t got_filter = 0;
  if (!parse (t, n, 0x10000 + off, &got, &got_filter))
    {
      fprintf (stderr, "lsda_fuzz: a well-formed table was rejected\n");
      abort ();
    }
  if (got != want || (want != 0 && got_filter != want_filter))
    {
      fprintf (stderr, "lsda_fuzz: landing pad %#lx filter %ld, want %#lx filter %ld\n",
               (unsigned long) got, (long) got_filter, (unsigned long) want,
               (long) want_filter);
      abort ();
    }
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 4)
    return 0;
  uintptr lp;
  intptr_t filter;
  parse (data + 4, size - 4, 0x10000 + get32 (data) % 4096, &lp, &filter);
  check_wellformed (data, size);
  return 0;
}
