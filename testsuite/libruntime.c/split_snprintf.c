// run

/* Split-stack C code (gcc -fsplit-stack on x86, clang on arm) recursing
   100,000 deep on the main goroutine, calling snprintf -- non-split libc
   code that runs below the calling frame, in the room GoStackRoomBegin
   makes every prologue leave -- at every level,
   with float formats (the deepest libc stack use measured), and passing
   arguments on the stack across every split.  Every level checks what
   snprintf wrote and what came through the stack arguments.  */
#include <string.h>
#include "lrt_ctest.h"
#include "libruntime.h"

enum { Depth = 100000 };

static long
check_level (long n, char *buf)
{
  char want[64];
  long k = 0;
  for (const char *p = buf; *p; p++)
    k = k * 31 + *p;
  int len = snprintf (want, sizeof want, "%ld %g %s", n, n * 0.5, "x");
  CHECK (len > 0 && strcmp (want, buf) == 0);
  return k & 0xff;
}

/* The deepest point: long float formats into a big buffer.  Out of
   line, so that the frames of the recursion stay small.  */
__attribute__ ((noinline)) static void
bottom (const char *buf)
{
  char big[4096];
  for (int k = 0; k < 50; k++)
    {
      int n = snprintf (big, sizeof big, "%.300f|%e|%s|%*d", 1e200 / (k + 1),
                        3.25 * k, buf, 40, k);
      CHECK (n > 300 && big[n - 1] == '0' + k % 10);
    }
}

/* Ten arguments: four or more are passed on the stack on every arch.  */
__attribute__ ((noinline)) static long
deep (long n, long a, long b, long c, long d, long e, long f, long g,
      long h, long i)
{
  char buf[200];
  snprintf (buf, sizeof buf, "%ld %g %s", n, n * 0.5, "x");
  CHECK (a == n + 1 && b == n + 2 && c == n + 3 && d == n + 4
         && e == n + 5 && f == n + 6 && g == n + 7 && h == n + 8
         && i == n + 9);
  if (n == 0)
    {
      bottom (buf);
      return check_level (n, buf);
    }
  long m = n - 1;
  long r = deep (m, m + 1, m + 2, m + 3, m + 4, m + 5, m + 6, m + 7,
                 m + 8, m + 9);
  return r + check_level (n, buf);
}

static void
test (void)
{
  /* snprintf is not split-stack: it needs the room GoStackRoomBegin
     makes every split-stack prologue leave (include/libruntime.h).  */
  GoStackRoomBegin ();
  long total = 0;
  for (int round = 0; round < 2; round++)
    {
      long n = Depth;
      long r = deep (n, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6, n + 7,
                     n + 8, n + 9);
      CHECK (round == 0 || r == total);
      total = r;
    }
  GoStackRoomEnd ();
}

LRT_MAIN (test)
