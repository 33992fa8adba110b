/* os/posix/os_posix.c: the OS contract of libruntime/os.h with POSIX
   calls only (no Linux extensions), the fallback a port to a new Unix
   starts from.  Memory uses mmap/munmap/mprotect; returning pages re-maps
   them (MAP_FIXED), which drops their contents everywhere.  */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "os.h"

#ifndef MAP_ANONYMOUS
#define MAP_ANONYMOUS MAP_ANON
#endif

uintptr runtime_physpagesize;

void
runtime_osinit (void)
{
  runtime_physpagesize = (uintptr) sysconf (_SC_PAGESIZE);
}

intgo
runtime_write (int fd, const void *p, intgo n)
{
  const char *s = p;
  intgo done = 0;
  while (done < n)
    {
      ssize_t w = write (fd, s + done, (size_t) (n - done));
      if (w < 0 && errno == EINTR)
        continue;
      if (w <= 0)
        return done ? done : -1;
      done += w;
    }
  return done;
}

void
runtime_exitprocess (int32_t code)
{
  _exit (code);
}

int32_t
runtime_getncpu (void)
{
  long n = sysconf (_SC_NPROCESSORS_ONLN);
  return n > 0 ? (int32_t) n : 1;
}

void *
runtime_sysalloc (uintptr n)
{
  void *p = mmap (NULL, n, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

void *
runtime_sysreserve (void *hint, uintptr n)
{
  void *p = mmap (hint, n, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

int
runtime_sysmap (void *p, uintptr n)
{
  return mprotect (p, n, PROT_READ | PROT_WRITE) == 0 ? 0 : errno;
}

void
runtime_sysunused (void *p, uintptr n)
{
  mmap (p, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
        -1, 0);
}

void
runtime_sysfree (void *p, uintptr n)
{
  munmap (p, n);
}

int64_t
runtime_nanotime (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (int64_t) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t
runtime_walltime (int32_t *nsec)
{
  struct timespec ts;
  clock_gettime (CLOCK_REALTIME, &ts);
  *nsec = (int32_t) ts.tv_nsec;
  return (int64_t) ts.tv_sec;
}

void
runtime_osyield_os (void)
{
  sched_yield ();
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
