/* os/linux/os_linux.c: the OS functions Linux does better than plain
   POSIX (the rest of the contract is os/posix/os_posix.c): the CPU count
   from the affinity mask, returning pages with MADV_DONTNEED, and the
   kernel's AT_RANDOM bytes, and the executable through /proc/self/exe
   and AT_PHDR.  */
#include <sched.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>

#include "os.h"

int32_t
runtime_getncpu (void)
{
  cpu_set_t set;
  if (sched_getaffinity (0, sizeof set, &set) == 0)
    {
      int n = CPU_COUNT (&set);
      if (n > 0)
        return n;
    }
  long n = sysconf (_SC_NPROCESSORS_ONLN);
  return n > 0 ? (int32_t) n : 1;
}

void
runtime_sysunused (void *p, uintptr n)
{
  madvise (p, n, MADV_DONTNEED);
}

void
runtime_syssmallpages (void *p, uintptr n)
{
#ifdef MADV_NOHUGEPAGE
  madvise (p, n, MADV_NOHUGEPAGE);
#endif
}

/* The 16 bytes the kernel puts at AT_RANDOM for every process.  */
void
runtime_getrandom (void *p, uintptr n)
{
  const void *r = (const void *) getauxval (AT_RANDOM);
  if (r != NULL)
    memcpy (p, r, n < 16 ? n : 16);
}

const void *
runtime_mapexe (uintptr *size, uintptr *loaded_phdr)
{
  *loaded_phdr = (uintptr) getauxval (AT_PHDR);
  return runtime_mapfile ("/proc/self/exe", size);
}
