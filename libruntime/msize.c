/* msize.c: the size classes of small objects.

   Computed once at start-up rather than tabulated: every class size is
   a multiple of 8 (of 16 from 32 bytes, coarser as sizes grow, so a
   class wastes at most about 1/8 to rounding), and each class gets the
   fewest pages whose tail waste is at most 1/8 of the span.  A class
   that would hold the same number of objects in the same pages as the
   one below it replaces it (the bigger size costs nothing).  Class 0 is
   "large": a span of its own.

   Invariants after runtime_initsizes: class_to_size is strictly
   increasing; size_to_class*(n) is the smallest class of size >= n;
   (off * divmul) >> 32 == off / size for every offset in a span of the
   class (checked here, since sweeping and marking rely on it).  */
#include "runtime.h"
#include "malloc.h"

int32_t runtime_nsizeclasses;
uint32_t runtime_class_to_size[NumSizeClassesMax];
uint32_t runtime_class_to_pages[NumSizeClassesMax];
uint32_t runtime_class_to_divmul[NumSizeClassesMax];
uint8_t runtime_size_to_class8[SmallSizeMax / SmallSizeDiv + 1];
uint8_t runtime_size_to_class128[(MaxSmallSize - SmallSizeMax) / LargeSizeDiv + 1];

/* Step between class sizes at SIZE (a power of two).  */
static uint32_t
class_step (uint32_t size, uint32_t step)
{
  if ((size & (size - 1)) != 0)
    return step;
  if (size >= 2048)
    return 256;
  if (size >= 128)
    return size / 8;
  if (size >= 32)
    return 16;
  return step;
}

static uint32_t
class_pages (uint32_t size)
{
  uint32_t npages = 1;
  for (;;)
    {
      uint32_t bytes = npages * PageSize;
      if (bytes >= size && bytes % size <= bytes / 8)
        return npages;
      npages++;
    }
}

static void
check_divmul (int32_t c)
{
  uint32_t size = runtime_class_to_size[c];
  uint32_t n = runtime_class_to_pages[c] * PageSize / size;
  uint64_t dm = runtime_class_to_divmul[c];
  if (n > MaxObjsPerSpan)
    runtime_throw ("malloc: size class with too many objects");
  for (uint64_t i = 0; i < n; i++)
    {
      uint64_t lo = i * size, hi = lo + size - 1;
      if (((lo * dm) >> 32) != i || ((hi * dm) >> 32) != i)
        runtime_throw ("malloc: bad size class reciprocal");
    }
}

static void
fill_lookup (void)
{
  int32_t c = 1;
  for (uint32_t i = 0; i < nelem (runtime_size_to_class8); i++)
    {
      while (runtime_class_to_size[c] < i * SmallSizeDiv)
        c++;
      runtime_size_to_class8[i] = (uint8_t) c;
    }
  for (uint32_t i = 0; i < nelem (runtime_size_to_class128); i++)
    {
      while (runtime_class_to_size[c] < SmallSizeMax + i * LargeSizeDiv)
        c++;
      runtime_size_to_class128[i] = (uint8_t) c;
    }
}

void
runtime_initsizes (void)
{
  int32_t n = 0;
  uint32_t step = 8;
  for (uint32_t size = 8; size <= MaxSmallSize; size += step)
    {
      step = class_step (size, step);
      uint32_t npages = class_pages (size);
      uint32_t objs = npages * PageSize / size;
      if (n > 0 && runtime_class_to_pages[n] == npages
          && npages * PageSize / runtime_class_to_size[n] == objs)
        {
          runtime_class_to_size[n] = size;
          continue;
        }
      if (++n >= NumSizeClassesMax)
        runtime_throw ("malloc: too many size classes");
      runtime_class_to_size[n] = size;
      runtime_class_to_pages[n] = npages;
    }
  runtime_nsizeclasses = n + 1;
  for (int32_t c = 1; c <= n; c++)
    {
      uint32_t size = runtime_class_to_size[c];
      runtime_class_to_divmul[c] = (uint32_t) ((((uint64_t) 1 << 32) + size - 1) / size);
      check_divmul (c);
    }
  fill_lookup ();
}
