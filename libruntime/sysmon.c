/* sysmon.c: the system monitor, an M without a P that watches the Ps.

   - A P left in Psyscall (its M in a system call or C call) for a
     whole sysmon tick (20 us or more) is handed to another M when there
     is work it could do, or when no other M is spinning or idle to pick
     new work up; after 10 ms it is handed over in any case.
   - A G that has run for more than 10 ms without a switch on its P is
     asked to yield: gp->preempt, checked at the scheduler's safe points
     (channel operations, go statements), and on arches with split
     stacks the poisoned guard, checked by every split-stack prologue.
     A G that ignores the request for another 10 ms (a loop without
     calls), or any G on arches without split stacks (arm), is
     preempted by signal (sigpreempt.h): its thread parks and its P
     goes on.

   Sysmon sleeps 20 us between looks, doubling up to 10 ms once nothing
   has happened for 50 looks; while every P is idle, or the world is
   stopped, it sleeps on sched.sysmonnote until someone makes a P busy
   again (exitsyscall, startTheWorld): an idle program uses no CPU.  */
#include "proc.h"
#include "atomic.h"
#include "os.h"
#include "sigpreempt.h"

enum {
  TickMinNs = 20 * 1000,          /* first delay between looks */
  TickMaxNs = 10 * 1000 * 1000,   /* longest delay */
  IdleLooks = 50,                 /* looks without work before backing off */
  ForcePreemptNs = 10 * 1000 * 1000,
  SyscallGraceNs = 10 * 1000 * 1000,
};

/* What sysmon last saw of each P; only sysmon touches it.  */
typedef struct PSeen {
  uint32_t schedtick;
  int64_t schedwhen;
  uint32_t syscalltick;
  int64_t syscallwhen;
  _Bool asked;                    /* asked to yield in this time slice */
} PSeen;

static PSeen seen[MaxGomaxprocs];

/* Test knob: white-box tests that watch the guard themselves turn off
   sysmon's preemption requests.  */
_Bool runtime_sysmon_nopreempt;
static Note sleepnote;            /* never woken: a timed sleep */

/* sched.lock held.  */
void
runtime_sysmon_wake_locked (void)
{
  if (runtime_sched.sysmonwait)
    {
      runtime_sched.sysmonwait = 0;
      runtime_notewakeup (&runtime_sched.sysmonnote);
    }
}

static _Bool
retake_p (P *p, PSeen *pd, int64_t now)
{
  uint32_t s = __atomic_load_n (&p->status, __ATOMIC_ACQUIRE);
  if (s == Psyscall)
    {
      uint32_t t = __atomic_load_n (&p->syscalltick, __ATOMIC_RELAXED);
      if (pd->syscalltick != t)
        {
          pd->syscalltick = t;
          pd->syscallwhen = now;
          return 0;
        }
      /* Keep it for its M if nothing waits for it and other Ms can
         take new work, for a while.  */
      Sched *sc = &runtime_sched;
      if (runtime_runqempty (p)
          && __atomic_load_n (&sc->nmspinning, __ATOMIC_RELAXED)
             + __atomic_load_n (&sc->npidle, __ATOMIC_RELAXED) > 0
          && now - pd->syscallwhen < SyscallGraceNs)
        return 0;
      return runtime_retake_syscall (p);
    }
  if (s == Prunning)
    {
      uint32_t t = __atomic_load_n (&p->schedtick, __ATOMIC_RELAXED);
      if (pd->schedtick != t)
        {
          pd->schedtick = t;
          pd->schedwhen = now;
          pd->asked = 0;
        }
      else if (now - pd->schedwhen >= ForcePreemptNs
               && !runtime_sysmon_nopreempt)
        {
          runtime_preemptone (p);
          pd->schedwhen = now;   /* ask again in 10 ms if it ignores us */
          /* Ignored once (a loop without calls), or nothing but a
             signal can stop it (no split-stack prologues): force it.  */
          M *mp = p->m;
          _Bool force = pd->asked || !ARCH_HAS_SPLIT_STACK;
          pd->asked = 1;
          if (force && mp != NULL)
            {
              runtime_preemptM (mp);
              return 1;          /* look again soon: its P to hand on */
            }
        }
    }
  return 0;
}

static _Bool
retake (int64_t now)
{
  _Bool any = 0;
  int32_t n = __atomic_load_n (&runtime_gomaxprocs, __ATOMIC_ACQUIRE);
  for (int32_t i = 0; i < n; i++)
    {
      P *p = runtime_allp[i];
      if (p != NULL && retake_p (p, &seen[i], now))
        any = 1;
    }
  return any;
}

/* Sleep on sysmonnote while every P is idle or the world is stopped.  */
static _Bool
wait_for_work (void)
{
  Sched *s = &runtime_sched;
  if (!__atomic_load_n (&s->gcwaiting, __ATOMIC_ACQUIRE)
      && (int32_t) __atomic_load_n (&s->npidle, __ATOMIC_ACQUIRE)
         != runtime_gomaxprocs)
    return 0;
  runtime_lock (&s->lock);
  if (!s->gcwaiting && (int32_t) s->npidle != runtime_gomaxprocs)
    {
      runtime_unlock (&s->lock);
      return 0;
    }
  runtime_noteclear (&s->sysmonnote);
  s->sysmonwait = 1;
  runtime_unlock (&s->lock);
  runtime_notesleep (&s->sysmonnote);
  return 1;
}

static void
sysmon (void)
{
  int64_t delay = TickMinNs;
  int32_t idle = 0;
  for (;;)
    {
      if (idle == 0)
        delay = TickMinNs;
      else if (idle > IdleLooks && delay < TickMaxNs)
        delay *= 2;
      runtime_notetsleep (&sleepnote, delay);
      if (wait_for_work ())
        {
          idle = 0;
          continue;
        }
      if (retake (runtime_nanotime ()))
        idle = 0;
      else
        idle++;
    }
}

void
runtime_sysmon_start (void)
{
  runtime_newm_sys (sysmon);
}
