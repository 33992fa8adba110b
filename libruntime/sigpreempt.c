/* sigpreempt.c: the forced-preemption handler (sigpreempt.h has the
   protocol).  Runs on the signal stack of the interrupted thread, with
   every signal blocked; async-signal-safe: atomics, the scheduler's
   futex lock (this M holds no Lock, checked first) and futex sleeps.  */
#include "sigpreempt.h"
#include "proc.h"
#include "stack.h"
#include "debug.h"

__thread uint32_t runtime_nosigpark TLS_IE;
uint32_t runtime_sigpreempt_count;

void
runtime_preemptM (M *mp)
{
  if (runtime_debug.asyncpreemptoff)
    return;
  /* The thread may leave Go for good meanwhile (an extra M's C
     thread, which may exit at once): runtime_preempt_forget waits for
     senders that read osthread before it cleared it.  */
  __atomic_add_fetch (&mp->signalling, 1, __ATOMIC_SEQ_CST);
  if (__atomic_load_n (&mp->osthread, __ATOMIC_SEQ_CST) != 0)
    runtime_signalM (mp);
  __atomic_sub_fetch (&mp->signalling, 1, __ATOMIC_SEQ_CST);
}

void
runtime_preempt_forget (M *mp)
{
  __atomic_store_n (&mp->osthread, 0, __ATOMIC_SEQ_CST);
  while (__atomic_load_n (&mp->signalling, __ATOMIC_SEQ_CST) != 0)
    runtime_osyield_os ();
}

_Bool
runtime_pc_preemptible (uintptr pc)
{
  if (!runtime_pc_in_program (pc) || pc < (uintptr) _start)
    return 0;
  uintptr text = (uintptr) runtime_text_begin;
  /* A shared libruntime is outside the program already.  */
  return !runtime_pc_in_program (text) || pc < text;
}

/* The stack range [lo, hi) that holds SP, if SP is on GP's current
   stack: its base stack when no segment is linked, else the newest
   segment.  A thread caught halfway through a split or its return has
   sp elsewhere: 0.  */
static _Bool
current_stack (G *gp, uintptr sp, uintptr *lo, uintptr *hi)
{
  StackSeg *s = gp->stackseg;
  if (s == NULL)
    {
      *lo = gp->stacklo;
      *hi = gp->stackhi;
    }
  else
    {
      *lo = s->lo;
      *hi = (uintptr) s;
    }
  return sp > *lo && sp <= *hi;
}

/* Is the thread at a point where it may sleep with the world stopped
   or its P given away?  */
static _Bool
parkable (G *gp, M *m, const SigPreemptCtx *c)
{
  if (m == NULL || gp == NULL || gp == m->g0 || gp != m->curg)
    return 0;
  if (m->locks != 0 || m->printlock != 0 || m->dying || runtime_nosigpark != 0)
    return 0;
  P *p = m->p;
  if (p == NULL || p->m != m
      || __atomic_load_n (&p->status, __ATOMIC_ACQUIRE) != Prunning
      || __atomic_load_n (&gp->status, __ATOMIC_ACQUIRE) != Grunning)
    return 0;
  if (!__atomic_load_n (&runtime_sched.gcwaiting, __ATOMIC_ACQUIRE)
      && !__atomic_load_n (&gp->preempt, __ATOMIC_RELAXED))
    return 0;                  /* a stale request */
  return runtime_pc_preemptible (c->pc);
}

void
runtime_sigpreempt (const SigPreemptCtx *c)
{
  G *gp = runtime_g ();
  M *m = runtime_m ();
  if (!parkable (gp, m, c))
    return;
  uintptr need = 0;
  for (int i = 0; i < SigRegRanges; i++)
    need += (c->regsize[i] + ARCH_PTRSIZE - 1) & ~(uintptr) (ARCH_PTRSIZE - 1);
  uintptr lo, hi;
  if (!current_stack (gp, c->sp, &lo, &hi))
    return;
  /* The registers go below sp: not if this handler runs there too (a
     thread without a signal stack).  */
  uintptr here = (uintptr) __builtin_frame_address (0);
  if (here >= lo && here < hi)
    return;
  uintptr top = c->sp - c->redzone;
  uintptr sp = (top - need) & ~(uintptr) 15;
  /* Leave the room non-split code may use below any sp untouched.  */
  if (top > c->sp || sp < lo + StackSmall || sp > top)
    return;
  uintptr at = sp;
  for (int i = 0; i < SigRegRanges; i++)
    if (c->regsize[i] != 0)
      {
        memcpy ((void *) at, c->regs[i], c->regsize[i]);
        at += (c->regsize[i] + ARCH_PTRSIZE - 1) & ~(uintptr) (ARCH_PTRSIZE - 1);
      }
  __atomic_add_fetch (&runtime_sigpreempt_count, 1, __ATOMIC_RELAXED);
  runtime_sigpark (gp, sp);
}
