/* os/posix/stack_posix.c: the stack part of the OS contract (os.h), in
   POSIX calls only, so the linux and posix layers share it: the main
   thread's stack limit, guard zones, and the stack-overflow fault.  */
#include <sys/mman.h>
#include <sys/resource.h>

#include "os.h"
#include "stack.h"

uintptr
runtime_mainstacksize (void)
{
  struct rlimit rl;
  if (getrlimit (RLIMIT_STACK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
    return 0;
  return (uintptr) rl.rlim_cur;
}

_Bool
runtime_sysresident (void *p, uintptr n)
{
  unsigned char vec[64];
  uintptr page = runtime_physpagesize;
  for (uintptr off = 0; off < n; off += sizeof vec * page)
    {
      uintptr len = n - off < sizeof vec * page ? n - off : sizeof vec * page;
      if (mincore ((char *) p + off, len, (void *) vec) != 0)
        return 0;
      for (uintptr i = 0; i < (len + page - 1) / page; i++)
        if (vec[i] & 1)
          return 1;
    }
  return 0;
}

int
runtime_sysguard (void *p, uintptr n)
{
  return mprotect (p, n, PROT_NONE) == 0 ? 0 : -1;
}
