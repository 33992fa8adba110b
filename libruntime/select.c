/* select.c: selectgo, the general select statement (ABI doc 3.9).

   The compiler passes the cases (sends first, then receives) and a
   scratch array of 2*ncases uint16s for the poll order (a random
   permutation of the non-nil cases) and the lock order (the same cases
   sorted by channel address, so that every select locks channels in one
   global order).  Pass 1 looks for a ready case in poll order; pass 2
   enqueues a Sudog on every channel and parks; whoever completes the
   select wins the CAS on g->selectdone; pass 3 takes the other Sudogs
   back off their queues.  */
#include "chan.h"
#include "error.h"

typedef struct Scase { Hchan *c; void *elem; } Scase;

static void
sellock (Scase *cases, const uint16_t *lockorder, int n)
{
  Hchan *last = NULL;
  for (int i = 0; i < n; i++)
    {
      Hchan *c = cases[lockorder[i]].c;
      if (c != last)
        runtime_lock (&c->lock);
      last = c;
    }
}

static void
selunlock (Scase *cases, const uint16_t *lockorder, int n)
{
  for (int i = n - 1; i >= 0; i--)
    {
      Hchan *c = cases[lockorder[i]].c;
      if (i > 0 && c == cases[lockorder[i - 1]].c)
        continue;              /* unlock a channel once, at its first */
      runtime_unlock (&c->lock);
    }
}

/* Unlock every channel but C, which the caller unlocks itself (through
   runtime_chan_send_to / runtime_chan_recv_from).  */
static void
selunlock_except (Scase *cases, const uint16_t *lockorder, int n, Hchan *keep)
{
  Hchan *last = NULL;
  for (int i = 0; i < n; i++)
    {
      Hchan *c = cases[lockorder[i]].c;
      if (c != last && c != keep)
        runtime_unlock (&c->lock);
      last = c;
    }
}

struct park_arg { Scase *cases; const uint16_t *lockorder; int n; };

static _Bool
selparkcommit (G *gp, void *arg)
{
  (void) gp;
  struct park_arg *a = arg;
  selunlock (a->cases, a->lockorder, a->n);
  return 1;
}

/* Sort the N case indices in ORDER by channel address (heap sort:
   no recursion, n log n even for a large select).  */
static void
sort_by_channel (Scase *cases, uint16_t *order, int n)
{
#define KEY(i) ((uintptr) cases[order[i]].c)
  for (int i = 1; i < n; i++)
    {
      int j = i;
      uint16_t v = order[i];
      uintptr k = (uintptr) cases[v].c;
      while (j > 0 && KEY ((j - 1) / 2) < k)
        {
          order[j] = order[(j - 1) / 2];
          j = (j - 1) / 2;
        }
      order[j] = v;
    }
  for (int i = n - 1; i > 0; i--)
    {
      uint16_t v = order[i];
      uintptr k = (uintptr) cases[v].c;
      order[i] = order[0];
      int j = 0, child;
      while ((child = 2 * j + 1) < i)
        {
          if (child + 1 < i && KEY (child) < KEY (child + 1))
            child++;
          if (k >= KEY (child))
            break;
          order[j] = order[child];
          j = child;
        }
      order[j] = v;
    }
#undef KEY
}

IntBool runtime_selectgo (Scase *cases, uint16_t *order, intgo nsends,
                          intgo nrecvs, _Bool block) GOSYM ("runtime.selectgo");
IntBool
runtime_selectgo (Scase *cases, uint16_t *order, intgo nsends, intgo nrecvs,
                  _Bool block)
{
  runtime_preemptcheck ();
  int ncases = (int) (nsends + nrecvs);
  uint16_t *pollorder = order, *lockorder = order + ncases;

  int n = 0;
  for (int i = 0; i < ncases; i++)
    {
      if (cases[i].c == NULL)
        continue;
      int j = (int) (runtime_fastrand () % (uint32_t) (n + 1));
      pollorder[n] = pollorder[j];
      pollorder[j] = (uint16_t) i;
      n++;
    }
  if (n == 0 && block)
    {
      runtime_gopark (NULL, NULL, "select (no cases)");
      runtime_throw ("unreachable");
    }
  memcpy (lockorder, pollorder, n * sizeof *lockorder);
  sort_by_channel (cases, lockorder, n);
  sellock (cases, lockorder, n);

  /* Pass 1: a case that can proceed now.  */
  for (int k = 0; k < n; k++)
    {
      int i = pollorder[k];
      Hchan *c = cases[i].c;
      void *elem = cases[i].elem;
      Sudog *sg;
      if (i >= nsends)
        {
          if ((sg = runtime_waitq_dequeue (&c->sendq)) != NULL)
            {
              selunlock_except (cases, lockorder, n, c);
              runtime_chan_recv_from (c, sg, elem);
              return (IntBool) { i, 1 };
            }
          if (c->qcount > 0)
            {
              runtime_chan_bufrecv (c, elem);
              selunlock (cases, lockorder, n);
              return (IntBool) { i, 1 };
            }
          if (c->closed)
            {
              selunlock (cases, lockorder, n);
              runtime_chan_zero (c, elem);
              return (IntBool) { i, 0 };
            }
        }
      else
        {
          if (c->closed)
            {
              selunlock (cases, lockorder, n);
              runtime_panicplain ("send on closed channel");
            }
          if ((sg = runtime_waitq_dequeue (&c->recvq)) != NULL)
            {
              selunlock_except (cases, lockorder, n, c);
              runtime_chan_send_to (c, sg, elem);
              return (IntBool) { i, 0 };
            }
          if (c->qcount < c->dataqsiz)
            {
              runtime_chan_bufsend (c, elem);
              selunlock (cases, lockorder, n);
              return (IntBool) { i, 0 };
            }
        }
    }
  if (!block)
    {
      selunlock (cases, lockorder, n);
      return (IntBool) { -1, 0 };
    }

  /* Pass 2: wait on every channel.  */
  G *gp = runtime_g ();
  __atomic_store_n (&gp->selectdone, 0, __ATOMIC_RELEASE);
  Sudog *list = NULL, **tail = &list;
  for (int k = 0; k < n; k++)
    {
      int i = lockorder[k];
      Sudog *sg = runtime_acquire_sudog ();
      sg->g = gp;
      sg->isselect = 1;
      sg->elem = cases[i].elem;
      sg->c = cases[i].c;
      *tail = sg;
      tail = &sg->waitlink;
      runtime_waitq_enqueue (i < nsends ? &sg->c->sendq : &sg->c->recvq, sg);
    }
  gp->param = NULL;
  gp->waiting = list;
  struct park_arg pa = { cases, lockorder, n };
  runtime_gopark (selparkcommit, &pa, "select");

  /* Pass 3: the winner is gp->param; unhook the rest.  */
  Sudog *won = gp->param;
  gp->waiting = NULL;
  sellock (cases, lockorder, n);
  int chosen = -1;
  _Bool ok = 0;
  Sudog *sg = list;
  for (int k = 0; k < n; k++)
    {
      int i = lockorder[k];
      Sudog *next = sg->waitlink;
      if (sg == won)
        {
          chosen = i;
          ok = sg->success;
        }
      else
        runtime_waitq_remove (i < nsends ? &sg->c->sendq : &sg->c->recvq, sg);
      sg->waitlink = NULL;
      runtime_release_sudog (sg);
      sg = next;
    }
  selunlock (cases, lockorder, n);
  if (chosen < 0)
    runtime_throw ("selectgo: woken without a case");
  if (chosen < nsends && !ok)
    runtime_panicplain ("send on closed channel");
  return (IntBool) { chosen, chosen >= nsends && ok };
}
