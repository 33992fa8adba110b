/* os/linux/futex_linux.c: runtime_futexsleep/futexwakeup (os.h) on the
   futex system call, process-private.  */
#include <errno.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "os.h"

void
runtime_futexsleep (uint32_t *addr, uint32_t val, int64_t ns)
{
  struct timespec ts, *tsp = NULL;
  if (ns >= 0)
    {
      ts.tv_sec = ns / 1000000000;
      ts.tv_nsec = ns % 1000000000;
      tsp = &ts;
    }
  /* EAGAIN (the word changed), EINTR and ETIMEDOUT all mean: return and
     let the caller look again.  */
  syscall (SYS_futex, addr, FUTEX_WAIT_PRIVATE, val, tsp, NULL, 0);
}

void
runtime_futexwakeup (uint32_t *addr, uint32_t cnt)
{
  if (syscall (SYS_futex, addr, FUTEX_WAKE_PRIVATE, cnt, NULL, NULL, 0) < 0)
    {
      runtime_prints ("futexwakeup: errno ");
      runtime_printint (errno);
      runtime_prints ("\n");
      runtime_throw ("futexwakeup failed");
    }
}
