/* Split-stack C half of morebuf_gc.go (compiled by lrt_split_cc: gcc
   -fsplit-stack on x86, clang -fsplit-stack on arm, where gccgo's own
   code has no split prologues).  c_burn recurses N deep, far past any
   segment, with the block and the func value among its stack arguments
   (nine arguments: some are on the stack on every arch), so every split
   copies them into a new segment and __morestack sees them; at the
   bottom it calls F (F's closure arrives in the static chain register,
   arch/ARCH/closure.S).  */
#include "libruntime.h"

typedef GoInt (*burn_fn) (void *);

GoInt
c_burn (GoInt n, void *b, const GoFuncVal *f, GoInt a, GoInt c, GoInt d,
        GoInt e, GoInt g, GoInt h)
{
  volatile GoInt pad[8];
  pad[n & 7] = n;
  if (n == 0)
    return GoCallFuncVal (burn_fn, f, b) + a + c + d + e + g + h - 21;
  return c_burn (n - 1, b, f, a, c, d, e, g, h) + 1 + pad[n & 7] - n;
}
