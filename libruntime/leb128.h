/* leb128.h: the one LEB128 decoder, for the readers of DWARF line
   tables (symtab.c) and of exception tables (unwind.c), which differ
   in what they do with a number cut short by the end of its table.  */
#ifndef LIBRUNTIME_LEB128_H
#define LIBRUNTIME_LEB128_H

#include <stdint.h>

/* The number at *P, not reading at or past END; *P moves past it.  A
   SIGNED number extends the sign of its last byte.  Bits beyond 64 are
   dropped.  Sets *TRUNCATED (and returns what it has) if END comes
   first.  */
static inline uint64_t
leb128_decode (const uint8_t **p, const uint8_t *end, _Bool is_signed,
               _Bool *truncated)
{
  uint64_t v = 0;
  unsigned shift = 0;
  uint8_t b;
  do
    {
      if (*p >= end)
        {
          *truncated = 1;
          return v;
        }
      b = *(*p)++;
      if (shift < 64)
        v |= (uint64_t) (b & 0x7f) << shift;
      shift += 7;
    }
  while (b & 0x80);
  if (is_signed && shift < 64 && (b & 0x40))
    v |= -((uint64_t) 1 << shift);
  return v;
}

#endif
