/* Split-stack C half of libc_deep.go (lrt_split_cc: gcc -fsplit-stack
   on x86, clang on arm).  c_deep recurses N deep on the calling
   goroutine, formatting with snprintf -- libc, without split-stack
   prologues, so it runs below the calling frame, in the room that
   GoStackRoomBegin makes every prologue leave (c_deep_room; without
   it only the 1 KiB guard zone, too little for snprintf) -- at every
   level, checking what came back; every 1,000 levels and at the bottom
   it calls back into Go (REPORT), which prints from there.  */
#include <stdio.h>
#include <string.h>
#include "libruntime.h"

typedef void (*report_fn) (GoInt, GoString);

GoInt
c_deep (GoInt n, const GoFuncVal *report, GoInt a, GoInt b, GoInt c,
        GoInt d, GoInt e)
{
  char buf[160], want[160];
  int len = snprintf (buf, sizeof buf, "%ld %g %.40f %s", (long) n,
                      n * 0.25, 1.0 / (n + 3), "level");
  if (len <= 0)
    return -1;
  if (n % 1000 == 0)
    {
      GoString s = { (const uint8_t *) buf, len };
      GoCallFuncVal (report_fn, report, n, s);
    }
  GoInt r = n == 0 ? 0 : c_deep (n - 1, report, a, b, c, d, e);
  snprintf (want, sizeof want, "%ld %g %.40f %s", (long) n, n * 0.25,
            1.0 / (n + 3), "level");
  if (r < 0 || strcmp (want, buf) != 0 || a + b + c + d + e != 15)
    return -1;
  return r + 1;
}

/* What Go calls through //extern: c_deep with room for libc.  */
GoInt
c_deep_room (GoInt n, const GoFuncVal *report, GoInt a, GoInt b, GoInt c,
             GoInt d, GoInt e)
{
  GoStackRoomBegin ();
  GoInt r = c_deep (n, report, a, b, c, d, e);
  GoStackRoomEnd ();
  return r;
}
