// run

/* White-box test of where a goroutine keeps its own records, so that a
   parked goroutine costs the one stack page its frames touch and no
   other memory (stack.h "The G on top", chan.h):
   - every goroutine's G is the top StackTopG bytes of its base stack:
     g == g->stackhi, the base stack ends on a page boundary just above
     the G, runtime_stack_basesize is whole pages, and the goroutine's
     frames are below its G (the main goroutine's too);
   - a goroutine parked in a plain channel receive, or send, is woken
     with g->param = its Sudog, which lies in its own parked frames,
     below the frame that called the channel operation;
   - a second wave of goroutines reuses the first wave's dead Gs with
     their stacks (the free G cache), the G still on top.
   With split stacks only: on fixed stacks (arm, arm64) a stack without
   a guard page may be overrun by the goroutine below, so the G and the
   wait record are kept apart, and the test checks that instead.  */
#include <stdint.h>
#include <string.h>
#include "lrt_ctest.h"
#include "runtime.h"
#include "proc.h"
#include "stack.h"
#include "chan.h"
#include "gotype.h"
#include "os.h"

/* chan.c's entry points for compiled code, by their Go names.  */
Hchan *lrt_makechan (const ChanType *t, intgo size) GOSYM ("runtime.makechan");
void lrt_chansend1 (Hchan *c, const void *elem) GOSYM ("runtime.chansend1");
void lrt_chanrecv1 (Hchan *c, void *elem) GOSYM ("runtime.chanrecv1");

enum { Workers = 2000 };

static Type elem_type = {
  .size = sizeof (uintptr), .align = sizeof (uintptr),
  .fieldAlign = sizeof (uintptr), .kind = KindUintptr | KindNoPointers,
};
static ChanType chan_type = { .elem = &elem_type };

static Hchan *work, *done;
static G *gs[2][Workers];
static uint32_t started, parked_recv, parked_send;

static void
check_g_on_top (G *gp)
{
  uintptr frame = (uintptr) __builtin_frame_address (0);
  if (!ARCH_HAS_SPLIT_STACK)
    {
      /* Fixed stacks: the G apart, out of the stack's reach.  */
      CHECK ((uintptr) gp < gp->stacklo || (uintptr) gp >= gp->stackhi);
      CHECK (runtime_stack_basesize (gp) == gp->stackhi - gp->stacklo);
      CHECK (frame >= gp->stacklo && frame < gp->stackhi);
      return;
    }
  CHECK ((uintptr) gp == gp->stackhi);
  /* Blocks are StackMin multiples carved from page-aligned chunks.  */
  uintptr align = StackMin < runtime_physpagesize ? StackMin : runtime_physpagesize;
  CHECK ((gp->stackhi + StackTopG) % align == 0);
  CHECK (StackTopG >= sizeof (G) && StackTopG % 64 == 0);
  CHECK (runtime_stack_basesize (gp) % align == 0);
  CHECK (runtime_stack_basesize (gp) == gp->stackhi + StackTopG - gp->stacklo);
  if (gp->stackseg == NULL)
    CHECK (frame >= gp->stacklo && frame < gp->stackhi);
}

/* The Sudog GP was woken with: in GP's own stack, in the frames of the
   channel operation FRAME called.  */
static void
check_woken_record (G *gp, uintptr frame, uint32_t *parked)
{
  uintptr sg = (uintptr) gp->param;
  gp->param = NULL;
  if (sg == 0)
    return;                    /* it found its partner waiting */
  CHECK (((Sudog *) sg)->g == gp || !ARCH_HAS_SPLIT_STACK);
  __atomic_add_fetch (parked, 1, __ATOMIC_RELAXED);
  if (!ARCH_HAS_SPLIT_STACK)
    return;                    /* fixed stacks: from the P's cache */
  CHECK (sg + sizeof (Sudog) <= frame);
  if (gp->stackseg == NULL)
    CHECK (sg >= gp->stacklo);
  else
    CHECK (sg >= gp->stackseg->lo);
}

static void
worker (void *arg)
{
  G **slot = arg;
  G *gp = runtime_g ();
  uintptr frame = (uintptr) __builtin_frame_address (0);
  *slot = gp;
  check_g_on_top (gp);
  gp->param = NULL;
  uintptr v = 0;
  __atomic_add_fetch (&started, 1, __ATOMIC_RELEASE);
  lrt_chanrecv1 (work, &v);
  CHECK (v >= (uintptr) gs && v < (uintptr) (gs + 2));
  check_woken_record (runtime_g (), frame, &parked_recv);
  lrt_chansend1 (done, &v);
  check_woken_record (runtime_g (), frame, &parked_send);
}

static void
wave (G **slots)
{
  started = 0;
  for (int i = 0; i < Workers; i++)
    runtime_newproc (worker, &slots[i]);
  while (__atomic_load_n (&started, __ATOMIC_ACQUIRE) < Workers)
    runtime_gosched ();
  runtime_gosched ();          /* let the last ones park */
  for (int i = 0; i < Workers; i++)
    {
      uintptr v = (uintptr) &slots[i];
      lrt_chansend1 (work, &v);
    }
  /* Every worker blocks in its send until this collects it.  */
  for (int i = 0; i < 100; i++)
    runtime_gosched ();
  uintptr sum = 0;
  for (int i = 0; i < Workers; i++)
    {
      uintptr v;
      lrt_chanrecv1 (done, &v);
      sum += v - (uintptr) slots;
    }
  CHECK (sum == sizeof (G *) * (uintptr) Workers * (Workers - 1) / 2);
}

static void
test (void)
{
  check_g_on_top (runtime_g ());
  /* The collector does not scan C statics: this frame keeps the
     channels alive (under GOGC=1 too).  */
  Hchan *volatile keep[2];
  keep[0] = work = lrt_makechan (&chan_type, 0);
  keep[1] = done = lrt_makechan (&chan_type, 0);
  wave (gs[0]);
  for (int i = 0; i < Workers; i++)
    for (int j = 0; j < i; j++)
      CHECK (gs[0][i] != gs[0][j]);
  /* Let the first wave's goroutines exit into the free G cache.  */
  for (int i = 0; i < 100; i++)
    runtime_gosched ();
  wave (gs[1]);
  int reused = 0;
  for (int i = 0; i < Workers && !reused; i++)
    for (int j = 0; j < Workers && !reused; j++)
      reused = gs[1][i] == gs[0][j];
  CHECK (reused);
  CHECK (parked_recv > 0);
  CHECK (parked_send > 0);
  CHECK (keep[0] == work && keep[1] == done);
  printf ("ok\n");
  fflush (stdout);
}

LRT_MAIN (test)
