/* os/posix/os_posix.c: the part of the OS contract (libruntime/os.h)
   that POSIX calls serve on every Unix, shared by the posix and linux
   layers: start-up, output, exit, memory mapping, clocks, yield, mapping a file.  What
   an OS can do better (CPU affinity, madvise, kernel random bytes) each
   layer provides itself: os/linux/os_linux.c, os/posix/os_fallback.c.  */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/stat.h>
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
#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0
#endif
  void *p = mmap (hint, n, PROT_NONE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

int
runtime_sysmap (void *p, uintptr n)
{
  return mprotect (p, n, PROT_READ | PROT_WRITE) == 0 ? 0 : errno;
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

const void *
runtime_mapfile (const char *path, uintptr *size)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  struct stat st;
  void *p = MAP_FAILED;
  if (fstat (fd, &st) == 0 && st.st_size > 0)
    p = mmap (NULL, (size_t) st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close (fd);
  if (p == MAP_FAILED)
    return NULL;
  *size = (uintptr) st.st_size;
  return p;
}
