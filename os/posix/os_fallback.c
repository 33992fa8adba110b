/* os/posix/os_fallback.c: the POSIX versions of the OS functions that
   os/linux does with Linux calls: CPU count, returning pages, random
   bytes, the executable's file (dl_iterate_phdr: the first object is
   the program).  Only the posix layer builds this file.  */
#include <fcntl.h>
#include <link.h>
#include <sys/mman.h>
#include <unistd.h>

#include "os.h"
#include "stack.h"

#ifndef MAP_ANONYMOUS
#define MAP_ANONYMOUS MAP_ANON
#endif

int32_t
runtime_getncpu (void)
{
  long n = sysconf (_SC_NPROCESSORS_ONLN);
  return n > 0 ? (int32_t) n : 1;
}

void
runtime_sysunused (void *p, uintptr n)
{
  mmap (p, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
        -1, 0);
}

/* POSIX has no huge pages to avoid.  */
void
runtime_syssmallpages (void *p, uintptr n)
{
  (void) p;
  (void) n;
}

/* /dev/urandom where the system has it; else the caller's fallback.  */
void
runtime_getrandom (void *p, uintptr n)
{
  int fd = open ("/dev/urandom", O_RDONLY);
  if (fd < 0)
    return;
  ssize_t r = read (fd, p, n);
  (void) r;
  close (fd);
}

static int
first_object (struct dl_phdr_info *info, size_t size, void *data)
{
  *(uintptr *) data = (uintptr) info->dlpi_phdr;
  return 1;
}

static void *
iterate_phdr (void *loaded_phdr)
{
  dl_iterate_phdr (first_object, loaded_phdr);
  return NULL;
}

/* The first traceback may come from any G: dl_iterate_phdr runs with
   room (stack.h).  */
const void *
runtime_mapexe (uintptr *size, uintptr *loaded_phdr)
{
  *loaded_phdr = 0;
  runtime_callroom (iterate_phdr, loaded_phdr);
  return runtime_mapfile ("/proc/self/exe", size);
}
