/* slice.c: the compiler's slice entry points: make, append's growth,
   typed copies and the checks behind unsafe.Slice and
   append(s, make([]T, n)...).  */
#include "runtime.h"
#include "error.h"
#include "malloc.h"

/* SIZE * N without overflow past MaxAlloc; returns 0 on overflow.  */
static _Bool
mul_fits (uintptr size, uintptr n, uintptr *out)
{
  uintptr r;
  if (__builtin_mul_overflow (size, n, &r) || r > MaxAlloc)
    return 0;
  *out = r;
  return 1;
}

/* Validate make([]T, len, cap) as Go does, return the byte size.  */
static uintptr
checked_make_size (const Type *elem, intgo len, intgo cap)
{
  uintptr mem;
  if (len < 0 || cap < len || !mul_fits (elem->size, (uintptr) cap, &mem))
    {
      if (len < 0 || !mul_fits (elem->size, (uintptr) len, &mem))
        runtime_panicmakeslicelen ();
      runtime_panicmakeslicecap ();
    }
  return mem;
}

static uint32_t
scan_flags (const Type *elem)
{
  return elem->ptrdata == 0 ? FlagNoScan : 0;
}

void *runtime_makeslice (const Type *elem, intgo len, intgo cap)
  GOSYM ("runtime.makeslice");
void *
runtime_makeslice (const Type *elem, intgo len, intgo cap)
{
  uintptr mem = checked_make_size (elem, len, cap);
  return runtime_mallocgc (mem, elem, scan_flags (elem));
}

void *runtime_makeslice64 (const Type *elem, int64_t len, int64_t cap)
  GOSYM ("runtime.makeslice64");
void *
runtime_makeslice64 (const Type *elem, int64_t len, int64_t cap)
{
  if ((int64_t) (intgo) len != len)
    runtime_panicmakeslicelen ();
  if ((int64_t) (intgo) cap != cap)
    runtime_panicmakeslicecap ();
  return runtime_makeslice (elem, (intgo) len, (intgo) cap);
}

uintptr runtime_checkMakeSlice (const Type *elem, intgo len, intgo cap)
  GOSYM ("runtime.checkMakeSlice");
uintptr
runtime_checkMakeSlice (const Type *elem, intgo len, intgo cap)
{
  return checked_make_size (elem, len, cap);
}

/* append's growth: double small slices, grow big ones by about 1.25x
   easing from 2x, then round up to what the allocator really gives.  */
Slice runtime_growslice (const Type *elem, void *old, intgo oldlen,
                         intgo oldcap, intgo newlen)
  GOSYM ("runtime.growslice");
Slice
runtime_growslice (const Type *elem, void *old, intgo oldlen, intgo oldcap,
                   intgo newlen)
{
  enum { Threshold = 256 };
  if (newlen < oldcap)
    runtime_panicstring ("growslice: cap out of range");
  if (elem->size == 0)
    return (Slice) { &runtime_zerobase, newlen, newlen };

  intgo newcap = oldcap;
  if (newlen > 2 * oldcap)
    newcap = newlen;
  else if (oldcap < Threshold)
    newcap = 2 * oldcap;
  else
    {
      while (0 < newcap && newcap < newlen)
        newcap += (newcap + 3 * Threshold) / 4;
      if (newcap <= 0)
        newcap = newlen;
    }

  uintptr mem;
  if (!mul_fits (elem->size, (uintptr) newcap, &mem))
    runtime_panicstring ("growslice: cap out of range");
  mem = runtime_roundupsize (mem);
  newcap = (intgo) (mem / elem->size);
  void *p = runtime_mallocgc (mem, elem, scan_flags (elem));
  if (oldlen > 0)
    memmove (p, old, (uintptr) oldlen * elem->size);
  return (Slice) { p, newlen, newcap };
}

intgo runtime_typedslicecopy (const Type *elem, void *dst, intgo dstlen,
                              const void *src, intgo srclen)
  GOSYM ("runtime.typedslicecopy");
intgo
runtime_typedslicecopy (const Type *elem, void *dst, intgo dstlen,
                        const void *src, intgo srclen)
{
  intgo n = dstlen < srclen ? dstlen : srclen;
  if (n > 0 && dst != src)
    memmove (dst, src, (uintptr) n * elem->size);
  return n;
}

/* unsafe.Slice(ptr, len).  */
void runtime_unsafeslice (const Type *elem, void *ptr, intgo len)
  GOSYM ("runtime.unsafeslice");
void
runtime_unsafeslice (const Type *elem, void *ptr, intgo len)
{
  uintptr mem;
  if (len < 0)
    runtime_panicstring ("unsafe.Slice: len out of range");
  if (__builtin_mul_overflow (elem->size, (uintptr) len, &mem)
      || mem > -(uintptr) ptr)
    {
      if (ptr == NULL)
        runtime_panicstring ("unsafe.Slice: ptr is nil and len is not zero");
      runtime_panicstring ("unsafe.Slice: len out of range");
    }
  if (ptr == NULL && len > 0)
    runtime_panicstring ("unsafe.Slice: ptr is nil and len is not zero");
}

void runtime_unsafeslice64 (const Type *elem, void *ptr, int64_t len)
  GOSYM ("runtime.unsafeslice64");
void
runtime_unsafeslice64 (const Type *elem, void *ptr, int64_t len)
{
  if ((int64_t) (intgo) len != len)
    runtime_panicstring ("unsafe.Slice: len out of range");
  runtime_unsafeslice (elem, ptr, (intgo) len);
}
