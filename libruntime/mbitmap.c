/* mbitmap.c: the heap's pointer bitmap, written at allocation.

   Bit i of a chunk's ptrbits describes word i of the chunk: set means
   the word may hold a pointer.  mallocgc writes the bits of each object
   of a scannable span from its Type: the type's pointer bitmap, or its
   GC program (ABI 3.7) run into the heap bitmap, repeated for every
   element when the object is an array of the type.  Small objects get
   every bit of their size-class slot rewritten (the slot's last owner
   left stale bits); a large object gets the bits up to its last pointer
   word, and that length in Span.scanlen, so the collector stops there.

   Only the MCache owning a small span writes its objects' bits, and a
   span starts and ends on a byte of the bitmap (a page is a multiple of
   8 words), so no two threads write one byte.  */
#include "runtime.h"
#include "malloc.h"

static inline _Bool
bit_get (const uint8_t *bm, uintptr i)
{
  return (bm[i / 8] >> (i % 8)) & 1;
}

static inline void
bit_put (uint8_t *bm, uintptr i, _Bool v)
{
  uint8_t m = (uint8_t) (1 << (i % 8));
  bm[i / 8] = v ? (bm[i / 8] | m) : (bm[i / 8] & ~m);
}

/* Set bits [I, I+N) of BM to V.  */
static void
bits_fill (uint8_t *bm, uintptr i, uintptr n, _Bool v)
{
  while (n > 0 && i % 8 != 0)
    {
      bit_put (bm, i++, v);
      n--;
    }
  if (n >= 8)
    {
      memset (bm + i / 8, v ? 0xff : 0, n / 8);
      i += n & ~(uintptr) 7;
      n &= 7;
    }
  while (n-- > 0)
    bit_put (bm, i++, v);
}

static uintptr
varint (const uint8_t **pp)
{
  const uint8_t *p = *pp;
  uintptr v = 0;
  for (int shift = 0;; shift += 7)
    {
      uint8_t b = *p++;
      v |= (uintptr) (b & 0x7f) << shift;
      if (!(b & 0x80))
        break;
    }
  *pp = p;
  return v;
}

/* Run GC program PROG (after its length word), writing bits from bit
   POS of BM; returns the number of bits written.  */
static uintptr
run_gcprog (const uint8_t *prog, uint8_t *bm, uintptr pos)
{
  uintptr start = pos;
  for (;;)
    {
      uint8_t op = *prog++;
      if (op == 0)
        return pos - start;
      if (!(op & 0x80))
        {
          for (uintptr i = 0; i < op; i++)
            bit_put (bm, pos++, (prog[i / 8] >> (i % 8)) & 1);
          prog += (op + 7) / 8;
          continue;
        }
      uintptr n = op & 0x7f;
      if (n == 0)
        n = varint (&prog);
      uintptr c = varint (&prog);
      if (n > pos - start)
        runtime_throw ("gc program repeats more bits than it wrote");
      for (uintptr i = 0; i < n * c; i++, pos++)
        bit_put (bm, pos, bit_get (bm, pos - n));
    }
}

/* Write the bits of one element of T at bit POS.  */
static void
set_elem (uint8_t *bm, uintptr pos, const Type *t, uintptr ptrw)
{
  if (t->kind & KindGCProg)
    {
      if (run_gcprog (t->gcdata + 4, bm, pos) > ptrw)
        runtime_throw ("gc program longer than the type's ptrdata");
      return;
    }
  const uint8_t *g = t->gcdata;
  for (uintptr j = 0; j < ptrw; j += 8)
    {
      uint8_t b = g[j / 8];
      for (uintptr k = 0; b != 0 && k < 8 && j + k < ptrw; k++, b >>= 1)
        if (b & 1)
          bit_put (bm, pos + j + k, 1);
    }
}

/* Bits of ELEMS elements of T from bit W0 (cleared beforehand).  */
static void
set_array (uint8_t *bm, uintptr w0, const Type *t, uintptr elems)
{
  uintptr ptrw = t->ptrdata / PTRSIZE, elemw = t->size / PTRSIZE;
  if (elemw == 1 && ptrw == 1 && !(t->kind & KindGCProg))
    {
      bits_fill (bm, w0, elems, 1);    /* []*T, []map, []chan ...  */
      return;
    }
  set_elem (bm, w0, t, ptrw);
  if (!(t->kind & KindGCProg))
    {
      for (uintptr e = 1; e < elems; e++)
        set_elem (bm, w0 + e * elemw, t, ptrw);
      return;
    }
  for (uintptr e = 1; e < elems; e++)
    for (uintptr j = 0; j < ptrw; j++)
      if (bit_get (bm, w0 + j))
        bit_put (bm, w0 + e * elemw + j, 1);
}

void
runtime_heapbits_settype (uintptr p, uintptr size, const Type *t, Span *s)
{
  uint8_t *bm = s->ptrbits;
  uintptr w0 = (p - s->base) / PTRSIZE;
  if (t == NULL || t->size == 0)
    {
      uintptr words = (size + PTRSIZE - 1) / PTRSIZE;
      if (s->sizeclass != 0)
        bits_fill (bm, w0 + words, s->elemsize / PTRSIZE - words, 0);
      else
        s->scanlen = words * PTRSIZE;
      bits_fill (bm, w0, words, 1);
      return;
    }
  uintptr elems = size / t->size;
  uintptr ptrw = t->ptrdata / PTRSIZE;
  uintptr nw = s->sizeclass != 0 ? s->elemsize / PTRSIZE
                                 : (elems - 1) * (t->size / PTRSIZE) + ptrw;
  if (s->sizeclass == 0)
    s->scanlen = nw * PTRSIZE;
  uintptr shift = w0 % 8;
  if (elems == 1 && shift + nw <= 8 && !(t->kind & KindGCProg))
    {
      /* The common small object: one byte of the bitmap.  */
      uint8_t mask = (uint8_t) (((1u << nw) - 1) << shift);
      uint8_t val = (uint8_t) ((t->gcdata[0] & ((1u << ptrw) - 1)) << shift);
      bm[w0 / 8] = (uint8_t) ((bm[w0 / 8] & ~mask) | val);
      return;
    }
  bits_fill (bm, w0, nw, 0);
  set_array (bm, w0, t, elems);
}
