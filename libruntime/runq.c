/* runq.c: the run queues (proc.h): each P's lock-free ring with its
   runnext slot, and the global queue under sched.lock.  */
#include "proc.h"
#include "atomic.h"

static inline uint32_t
load_acq (const uint32_t *p)
{
  return __atomic_load_n (p, __ATOMIC_ACQUIRE);
}

_Bool
runtime_runqempty (P *p)
{
  return load_acq (&p->runqhead) == load_acq (&p->runqtail)
         && __atomic_load_n (&p->runnext, __ATOMIC_ACQUIRE) == NULL;
}

/* Queue full: move half of it and GP to the global queue.  */
static void
runqputslow (P *p, G *gp, uint32_t h, uint32_t t)
{
  enum { Half = RunqSize / 2 };
  G *batch[Half + 1];
  uint32_t n = (t - h) / 2;
  if (n != Half)
    runtime_throw ("runqputslow: queue is not full");
  for (uint32_t i = 0; i < n; i++)
    batch[i] = p->runq[(h + i) % RunqSize];
  if (!__atomic_compare_exchange_n (&p->runqhead, &h, h + n, 0,
                                    __ATOMIC_RELEASE, __ATOMIC_RELAXED))
    {
      /* Thieves took some meanwhile: there is room now.  */
      runtime_runqput (p, gp, 0);
      return;
    }
  batch[n] = gp;
  runtime_lock (&runtime_sched.lock);
  for (uint32_t i = 0; i <= n; i++)
    runtime_globrunqput (batch[i]);
  runtime_unlock (&runtime_sched.lock);
}

/* Owner only.  NEXT puts GP in runnext, moving what was there to the
   queue: a G readied by the running one runs next, as Go does.  */
void
runtime_runqput (P *p, G *gp, _Bool next)
{
  if (next)
    {
      G *old = __atomic_exchange_n (&p->runnext, gp, __ATOMIC_ACQ_REL);
      if (old == NULL)
        return;
      gp = old;
    }
  uint32_t h = load_acq (&p->runqhead);
  uint32_t t = p->runqtail;
  if (t - h < RunqSize)
    {
      /* Atomic (relaxed): a thief with a stale head may be reading this
         slot; its CAS on runqhead then fails and it drops what it read.
         A plain store would be a data race (tsan_sched.c).  */
      __atomic_store_n (&p->runq[t % RunqSize], gp, __ATOMIC_RELAXED);
      __atomic_store_n (&p->runqtail, t + 1, __ATOMIC_RELEASE);
      return;
    }
  runqputslow (p, gp, h, t);
}

/* Owner only.  *INHERIT (if INHERIT is not NULL) says the G came from
   runnext: it continues the time slice of the G that readied it, so a
   pair of Gs handing work back and forth counts as one long run for
   sysmon, which then preempts it, and the rest of the queue gets its
   turn.  */
G *
runtime_runqget (P *p, _Bool *inherit)
{
  G *next = __atomic_load_n (&p->runnext, __ATOMIC_ACQUIRE);
  if (inherit != NULL)
    *inherit = 1;
  if (next != NULL
      && __atomic_compare_exchange_n (&p->runnext, &next, NULL, 0,
                                      __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
    return next;
  if (inherit != NULL)
    *inherit = 0;
  for (;;)
    {
      uint32_t h = load_acq (&p->runqhead);
      uint32_t t = p->runqtail;
      if (t == h)
        return NULL;
      G *gp = __atomic_load_n (&p->runq[h % RunqSize], __ATOMIC_RELAXED);
      if (__atomic_compare_exchange_n (&p->runqhead, &h, h + 1, 0,
                                       __ATOMIC_RELEASE, __ATOMIC_RELAXED))
        return gp;
    }
}

/* Take half of VICTIM's queue into BATCH; returns how many.  */
static uint32_t
runqgrab (P *victim, G **batch, _Bool stealnext)
{
  for (;;)
    {
      uint32_t h = load_acq (&victim->runqhead);
      uint32_t t = load_acq (&victim->runqtail);
      uint32_t n = t - h;
      n -= n / 2;
      if (n == 0)
        {
          if (!stealnext)
            return 0;
          G *next = __atomic_load_n (&victim->runnext, __ATOMIC_ACQUIRE);
          if (next != NULL
              && __atomic_compare_exchange_n (&victim->runnext, &next, NULL,
                                              0, __ATOMIC_ACQ_REL,
                                              __ATOMIC_RELAXED))
            {
              batch[0] = next;
              return 1;
            }
          return 0;
        }
      if (n > RunqSize / 2)
        continue;              /* inconsistent h and t: read again */
      for (uint32_t i = 0; i < n; i++)
        batch[i] = __atomic_load_n (&victim->runq[(h + i) % RunqSize],
                                    __ATOMIC_RELAXED);
      if (__atomic_compare_exchange_n (&victim->runqhead, &h, h + n, 0,
                                       __ATOMIC_RELEASE, __ATOMIC_RELAXED))
        return n;
    }
}

/* Steal half of VICTIM's Gs into P's queue (P's owner only); returns
   one of them to run, or NULL.  */
G *
runtime_runqsteal (P *p, P *victim, _Bool stealnext)
{
  G *batch[RunqSize / 2];
  uint32_t n = runqgrab (victim, batch, stealnext);
  if (n == 0)
    return NULL;
  for (uint32_t i = 1; i < n; i++)
    runtime_runqput (p, batch[i], 0);
  return batch[0];
}

void
runtime_globrunqput (G *gp)
{
  gp->schedlink = NULL;
  if (runtime_sched.runqtail != NULL)
    runtime_sched.runqtail->schedlink = gp;
  else
    runtime_sched.runqhead = gp;
  runtime_sched.runqtail = gp;
  runtime_sched.runqsize++;
}

/* Take a fair share of the global queue for P (at most MAX if MAX > 0):
   returns one G and puts the rest in P's queue.  */
G *
runtime_globrunqget (P *p, int32_t max)
{
  Sched *s = &runtime_sched;
  if (s->runqsize == 0)
    return NULL;
  int32_t n = s->runqsize / runtime_gomaxprocs + 1;
  if (n > s->runqsize)
    n = s->runqsize;
  if (max > 0 && n > max)
    n = max;
  if (n > RunqSize / 2)
    n = RunqSize / 2;
  s->runqsize -= n;
  G *gp = s->runqhead;
  s->runqhead = gp->schedlink;
  while (--n > 0)
    {
      G *g1 = s->runqhead;
      s->runqhead = g1->schedlink;
      runtime_runqput (p, g1, 0);
    }
  if (s->runqhead == NULL)
    s->runqtail = NULL;
  return gp;
}
