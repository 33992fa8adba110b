/* utf8.c: UTF-8 as Go defines it: surrogates and values past U+10FFFF
   are invalid and become U+FFFD; a bad byte decodes as U+FFFD of width 1.  */
#include "runtime.h"

intgo
runtime_runelen (int32_t r)
{
  if (r < 0)
    return 3;
  if (r < 0x80)
    return 1;
  if (r < 0x800)
    return 2;
  if (r >= 0xD800 && r <= 0xDFFF)
    return 3;
  if (r < 0x10000)
    return 3;
  if (r <= MaxRune)
    return 4;
  return 3;
}

intgo
runtime_encoderune (uint8_t *p, int32_t r)
{
  uint32_t u = (uint32_t) r;
  if (u < 0x80)
    {
      p[0] = (uint8_t) u;
      return 1;
    }
  if (u < 0x800)
    {
      p[0] = (uint8_t) (0xC0 | u >> 6);
      p[1] = (uint8_t) (0x80 | (u & 0x3F));
      return 2;
    }
  if (u > MaxRune || (u >= 0xD800 && u <= 0xDFFF))
    u = RuneError;
  if (u < 0x10000)
    {
      p[0] = (uint8_t) (0xE0 | u >> 12);
      p[1] = (uint8_t) (0x80 | (u >> 6 & 0x3F));
      p[2] = (uint8_t) (0x80 | (u & 0x3F));
      return 3;
    }
  p[0] = (uint8_t) (0xF0 | u >> 18);
  p[1] = (uint8_t) (0x80 | (u >> 12 & 0x3F));
  p[2] = (uint8_t) (0x80 | (u >> 6 & 0x3F));
  p[3] = (uint8_t) (0x80 | (u & 0x3F));
  return 4;
}

static inline _Bool
is_cont (uint8_t c)
{
  return (c & 0xC0) == 0x80;
}

/* Decode the rune at s[0..n); n > 0.  */
int32_t
runtime_decoderune (const uint8_t *s, intgo n, intgo *width)
{
  uint8_t c = s[0];
  *width = 1;
  if (c < 0x80)
    return c;
  if (c < 0xC2 || c > 0xF4)
    return RuneError;
  if (c < 0xE0)
    {
      if (n < 2 || !is_cont (s[1]))
        return RuneError;
      *width = 2;
      return (int32_t) (c & 0x1F) << 6 | (s[1] & 0x3F);
    }
  if (c < 0xF0)
    {
      if (n < 3 || !is_cont (s[1]) || !is_cont (s[2]))
        return RuneError;
      if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F))
        return RuneError;  /* overlong, or a surrogate */
      *width = 3;
      return (int32_t) (c & 0x0F) << 12 | (int32_t) (s[1] & 0x3F) << 6
             | (s[2] & 0x3F);
    }
  if (n < 4 || !is_cont (s[1]) || !is_cont (s[2]) || !is_cont (s[3]))
    return RuneError;
  if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
    return RuneError;  /* overlong, or past U+10FFFF */
  *width = 4;
  return (int32_t) (c & 0x07) << 18 | (int32_t) (s[1] & 0x3F) << 12
         | (int32_t) (s[2] & 0x3F) << 6 | (s[3] & 0x3F);
}
