/* string.c: the compiler's string entry points: concatenation,
   comparison and conversions between strings, bytes and runes.

   A caller may pass BUF, a stack buffer of TmpBufSize bytes, when the
   result does not escape; results that fit are built there instead of on
   the heap.  Strings are immutable once returned.  */
#include "runtime.h"
#include "malloc.h"
#include "error.h"
#include "stack.h"

enum { TmpBufSize = 32 };

/* Room for an N-byte string: BUF if it fits, else a new heap block.  */
static uint8_t *
rawstring (void *buf, intgo n)
{
  if (buf != NULL && n <= TmpBufSize)
    return buf;
  return runtime_mallocgc ((uintptr) n, NULL, FlagNoScan | FlagNoZero);
}

String
runtime_gostringn (const uint8_t *p, intgo n)
{
  if (n == 0)
    return (String) { NULL, 0 };
  uint8_t *s = rawstring (NULL, n);
  memcpy (s, p, n);
  return (String) { s, n };
}

typedef struct { int32_t r; intgo pos; } RuneInt;

RuneInt runtime_decoderune_go (String s, intgo k) GOSYM ("runtime.decoderune");
RuneInt
runtime_decoderune_go (String s, intgo k)
{
  intgo w;
  int32_t r = runtime_decoderune (s.str + k, s.len - k, &w);
  return (RuneInt) { r, k + w };
}

typedef struct { uintptr addr; _Bool found; } StackQuery;

static void
stack_range_holds (uintptr lo, uintptr hi, void *arg)
{
  StackQuery *q = arg;
  if (q->addr >= lo && q->addr < hi)
    q->found = 1;
}

/* Is P in the live part of the calling goroutine's stack?  */
static _Bool
on_own_stack (const void *p)
{
  StackQuery q = { (uintptr) p, 0 };
  G *gp = runtime_g ();
  if (gp != NULL)
    runtime_stack_visit (gp, stack_range_holds, &q);
  return q.found;
}

String runtime_concatstrings (void *buf, const String *a, intgo n)
  GOSYM ("runtime.concatstrings");
String
runtime_concatstrings (void *buf, const String *a, intgo n)
{
  intgo len = 0, nonempty = 0, last = 0;
  for (intgo i = 0; i < n; i++)
    {
      if (a[i].len == 0)
        continue;
      if (len + a[i].len < len)
        runtime_throw ("string concatenation too long");
      len += a[i].len;
      nonempty++;
      last = i;
    }
  if (nonempty == 0)
    return (String) { NULL, 0 };
  /* A lone non-empty operand can be the result itself when the result
     does not escape (BUF given), or when the operand is not in a stack
     buffer of this goroutine (string(r) and other conversions build
     their results in their caller's frame): such a result would outlive
     the frame, as in `s += string(r)` with s empty.  */
  if (nonempty == 1 && (buf != NULL || !on_own_stack (a[last].str)))
    return a[last];
  uint8_t *s = rawstring (buf, len), *p = s;
  for (intgo i = 0; i < n; i++)
    if (a[i].len > 0)            /* "" may have a nil pointer */
      {
        memcpy (p, a[i].str, a[i].len);
        p += a[i].len;
      }
  return (String) { s, len };
}

String
runtime_concatstrings_n (const String *a, intgo n)
{
  return runtime_concatstrings (NULL, a, n);
}

String
runtime_concat2 (String a, String b)
{
  String parts[2] = { a, b };
  return runtime_concatstrings (NULL, parts, 2);
}

intgo runtime_cmpstring (String a, String b) GOSYM ("runtime.cmpstring");
intgo
runtime_cmpstring (String a, String b)
{
  intgo n = a.len < b.len ? a.len : b.len;
  int c = n ? memcmp (a.str, b.str, n) : 0;
  if (c != 0)
    return c < 0 ? -1 : 1;
  return a.len < b.len ? -1 : a.len > b.len;
}

String runtime_intstring (void *buf, int64_t v) GOSYM ("runtime.intstring");
String
runtime_intstring (void *buf, int64_t v)
{
  int32_t r = (v < 0 || v > MaxRune) ? RuneError : (int32_t) v;
  uint8_t tmp[UTFMax];
  intgo n = runtime_encoderune (tmp, r);
  uint8_t *s = (buf != NULL) ? buf : rawstring (NULL, n);
  memcpy (s, tmp, n);
  return (String) { s, n };
}

String runtime_slicebytetostring (void *buf, const uint8_t *p, intgo n)
  GOSYM ("runtime.slicebytetostring");
String
runtime_slicebytetostring (void *buf, const uint8_t *p, intgo n)
{
  if (n == 0)
    return (String) { NULL, 0 };
  uint8_t *s = rawstring (buf, n);
  memcpy (s, p, n);
  return (String) { s, n };
}

String runtime_slicerunetostring (void *buf, Slice runes)
  GOSYM ("runtime.slicerunetostring");
String
runtime_slicerunetostring (void *buf, Slice runes)
{
  const int32_t *r = runes.array;
  intgo n = 0;
  for (intgo i = 0; i < runes.len; i++)
    n += runtime_runelen (r[i]);
  if (n == 0)
    return (String) { NULL, 0 };
  uint8_t *s = rawstring (buf, n), *p = s;
  for (intgo i = 0; i < runes.len; i++)
    p += runtime_encoderune (p, r[i]);
  return (String) { s, n };
}

Slice runtime_stringtoslicebyte (void *buf, String s)
  GOSYM ("runtime.stringtoslicebyte");
Slice
runtime_stringtoslicebyte (void *buf, String s)
{
  uint8_t *p;
  intgo cap;
  if (buf != NULL && s.len <= TmpBufSize)
    {
      p = buf;
      cap = s.len;
      memset (p, 0, TmpBufSize);
    }
  else
    {
      cap = (intgo) runtime_roundupsize ((uintptr) s.len);
      p = runtime_mallocgc ((uintptr) cap, NULL, FlagNoScan);
    }
  if (s.len > 0)
    memcpy (p, s.str, s.len);
  return (Slice) { p, s.len, cap };
}

Slice runtime_stringtoslicerune (void *buf, String s)
  GOSYM ("runtime.stringtoslicerune");
Slice
runtime_stringtoslicerune (void *buf, String s)
{
  intgo n = 0, w;
  for (intgo i = 0; i < s.len; i += w, n++)
    runtime_decoderune (s.str + i, s.len - i, &w);
  int32_t *r;
  if (buf != NULL && n <= TmpBufSize)
    {
      r = buf;
      memset (r, 0, TmpBufSize * sizeof *r);
    }
  else
    {
      if ((uintptr) n > MaxAlloc / sizeof *r)
        runtime_panicmakeslicelen ();
      r = runtime_mallocgc ((uintptr) n * sizeof *r, NULL, FlagNoScan);
    }
  intgo k = 0;
  for (intgo i = 0; i < s.len; i += w)
    r[k++] = runtime_decoderune (s.str + i, s.len - i, &w);
  return (Slice) { r, n, n };
}
