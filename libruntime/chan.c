/* chan.c: channels (chan.h has the invariants).  */
#include "chan.h"
#include "error.h"
#include "malloc.h"
#include "sigpreempt.h"

/* ---- Wait records and queues.  */

/* The P's cache is updated with no forced preemption in between
   (sigpreempt.h): the next owner of the P would use it.  */
Sudog *
runtime_acquire_sudog (void)
{
  runtime_nosigpark_enter ();
  M *m = runtime_m ();
  P *p = m->p;
  Sudog *s = p->sudogcache;
  if (s != NULL)
    p->sudogcache = s->next;
  else
    s = runtime_persistentalloc (sizeof *s);
  runtime_nosigpark_exit ();
  memset (s, 0, sizeof *s);
  return s;
}

void
runtime_release_sudog (Sudog *s)
{
  s->elem = NULL;
  s->c = NULL;
  s->g = NULL;
  runtime_nosigpark_enter ();
  P *p = runtime_m ()->p;
  s->next = p->sudogcache;
  p->sudogcache = s;
  runtime_nosigpark_exit ();
}

void
runtime_waitq_enqueue (WaitQ *q, Sudog *s)
{
  s->next = NULL;
  s->prev = q->last;
  if (q->last != NULL)
    q->last->next = s;
  else
    q->first = s;
  q->last = s;
}

void
runtime_waitq_remove (WaitQ *q, Sudog *s)
{
  if (s->prev != NULL)
    s->prev->next = s->next;
  else if (q->first == s)
    q->first = s->next;
  else
    return;                    /* not on this queue any more */
  if (s->next != NULL)
    s->next->prev = s->prev;
  else
    q->last = s->prev;
  s->next = s->prev = NULL;
}

/* The first waiter still waiting: a select's record counts only if
   this dequeue is what completes that select.  */
Sudog *
runtime_waitq_dequeue (WaitQ *q)
{
  for (;;)
    {
      Sudog *s = q->first;
      if (s == NULL)
        return NULL;
      runtime_waitq_remove (q, s);
      if (s->isselect)
        {
          uint32_t zero = 0;
          if (!__atomic_compare_exchange_n (&s->g->selectdone, &zero, 1, 0,
                                            __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
            continue;
        }
      return s;
    }
}

/* ---- Elements.  */

void *
runtime_chan_slot (Hchan *c, uintgo i)
{
  return c->buf + i * c->elemsize;
}

void
runtime_chan_copy (Hchan *c, void *dst, const void *src)
{
  if (c->elemsize != 0)
    memmove (dst, src, c->elemsize);
}

void
runtime_chan_zero (Hchan *c, void *p)
{
  if (p != NULL && c->elemsize != 0)
    memset (p, 0, c->elemsize);
}

/* Take the head of C's buffer into EP (may be NULL); c->qcount > 0,
   lock held.  */
void
runtime_chan_bufrecv (Hchan *c, void *ep)
{
  void *slot = runtime_chan_slot (c, c->recvx);
  if (ep != NULL)
    runtime_chan_copy (c, ep, slot);
  runtime_chan_zero (c, slot);
  if (++c->recvx == c->dataqsiz)
    c->recvx = 0;
  c->qcount--;
}

/* Append *EP to C's buffer; c->qcount < c->dataqsiz, lock held.  */
void
runtime_chan_bufsend (Hchan *c, const void *ep)
{
  runtime_chan_copy (c, runtime_chan_slot (c, c->sendx), ep);
  if (++c->sendx == c->dataqsiz)
    c->sendx = 0;
  c->qcount++;
}

static void
wake (Sudog *sg, _Bool success)
{
  G *gp = sg->g;
  sg->success = success;
  gp->param = sg;
  runtime_goready (gp);
}

void
runtime_chan_send_to (Hchan *c, Sudog *sg, const void *ep)
{
  if (sg->elem != NULL)
    runtime_chan_copy (c, sg->elem, ep);
  runtime_unlock (&c->lock);
  wake (sg, 1);
}

void
runtime_chan_recv_from (Hchan *c, Sudog *sg, void *ep)
{
  if (c->dataqsiz == 0)
    {
      if (ep != NULL)
        runtime_chan_copy (c, ep, sg->elem);
    }
  else
    {
      /* The queue is full: take its head, and put the sender's value
         at the tail, which is the same slot.  */
      void *slot = runtime_chan_slot (c, c->recvx);
      if (ep != NULL)
        runtime_chan_copy (c, ep, slot);
      runtime_chan_copy (c, slot, sg->elem);
      if (++c->recvx == c->dataqsiz)
        c->recvx = 0;
      c->sendx = c->recvx;
    }
  runtime_unlock (&c->lock);
  wake (sg, 1);
}

/* ---- make, send, receive, close.  */

Hchan *runtime_makechan (const ChanType *t, intgo size) GOSYM ("runtime.makechan");
Hchan *
runtime_makechan (const ChanType *t, intgo size)
{
  const Type *elem = t->elem;
  uintptr mem;
  if (size < 0 || __builtin_mul_overflow (elem->size, (uintptr) size, &mem)
      || mem > MaxAlloc - sizeof (Hchan))
    runtime_panicplain ("makechan: size out of range");
  uintptr hdr = (sizeof (Hchan) + 15) & ~(uintptr) 15;
  Hchan *c = runtime_mallocgc (hdr + mem, NULL, 0);
  c->buf = (uint8_t *) c + hdr;
  c->elemsize = elem->size;
  c->elemtype = elem;
  c->dataqsiz = (uintgo) size;
  return c;
}

Hchan *runtime_makechan64 (const ChanType *t, int64_t size) GOSYM ("runtime.makechan64");
Hchan *
runtime_makechan64 (const ChanType *t, int64_t size)
{
  if ((int64_t) (intgo) size != size)
    runtime_panicplain ("makechan: size out of range");
  return runtime_makechan (t, (intgo) size);
}

/* The wait record of a plain blocking send or receive.  With split
   stacks it is LOCAL, in the parking frame (chan.h): no goroutine's
   frames run into another's.  On fixed stacks without a guard page the
   goroutine below may overrun this one (stack_fixed.c), and a record
   on a channel's queue must not be in reach: the per-P cache's.  */
static Sudog *
wait_sudog (Sudog *local, G *gp, void *elem, Hchan *c)
{
  Sudog *sg = local;
  if (ARCH_HAS_SPLIT_STACK)
    memset (sg, 0, sizeof *sg);
  else
    sg = runtime_acquire_sudog ();
  sg->g = gp;
  sg->elem = elem;
  sg->c = c;
  return sg;
}

static void
wait_sudog_done (Sudog *sg, Sudog *local)
{
  if (sg != local)
    runtime_release_sudog (sg);
}

static _Bool
chansend (Hchan *c, const void *ep, _Bool block)
{
  runtime_preemptcheck ();
  if (c == NULL)
    {
      if (!block)
        return 0;
      runtime_gopark (NULL, NULL, "chan send (nil chan)");
      runtime_throw ("unreachable");
    }
  if (!block && !__atomic_load_n (&c->closed, __ATOMIC_ACQUIRE)
      && (c->dataqsiz == 0 ? c->recvq.first == NULL
                           : c->qcount == c->dataqsiz))
    return 0;

  runtime_lock (&c->lock);
  if (c->closed)
    {
      runtime_unlock (&c->lock);
      runtime_panicplain ("send on closed channel");
    }
  Sudog *sg = runtime_waitq_dequeue (&c->recvq);
  if (sg != NULL)
    {
      runtime_chan_send_to (c, sg, ep);
      return 1;
    }
  if (c->qcount < c->dataqsiz)
    {
      runtime_chan_bufsend (c, ep);
      runtime_unlock (&c->lock);
      return 1;
    }
  if (!block)
    {
      runtime_unlock (&c->lock);
      return 0;
    }

  G *gp = runtime_g ();
  Sudog mine, *me = wait_sudog (&mine, gp, (void *) ep, c);
  gp->param = NULL;
  runtime_waitq_enqueue (&c->sendq, me);
  runtime_gopark (runtime_park_unlock, &c->lock, "chan send");
  _Bool ok = me->success;
  wait_sudog_done (me, &mine);
  if (!ok)
    runtime_panicplain ("send on closed channel");
  return 1;
}

/* Returns selected (or blocked and finished) and, through *received,
   whether a value came from a sender rather than from close.  */
static _Bool
chanrecv (Hchan *c, void *ep, _Bool block, _Bool *received)
{
  *received = 0;
  runtime_preemptcheck ();
  if (c == NULL)
    {
      if (!block)
        return 0;
      runtime_gopark (NULL, NULL, "chan receive (nil chan)");
      runtime_throw ("unreachable");
    }
  if (!block && (c->dataqsiz == 0 ? c->sendq.first == NULL
                                  : __atomic_load_n (&c->qcount, __ATOMIC_ACQUIRE) == 0))
    {
      if (!__atomic_load_n (&c->closed, __ATOMIC_ACQUIRE))
        return 0;
    }

  runtime_lock (&c->lock);
  if (c->closed && c->qcount == 0)
    {
      runtime_unlock (&c->lock);
      runtime_chan_zero (c, ep);
      return 1;
    }
  Sudog *sg = runtime_waitq_dequeue (&c->sendq);
  if (sg != NULL)
    {
      runtime_chan_recv_from (c, sg, ep);
      *received = 1;
      return 1;
    }
  if (c->qcount > 0)
    {
      runtime_chan_bufrecv (c, ep);
      runtime_unlock (&c->lock);
      *received = 1;
      return 1;
    }
  if (!block)
    {
      runtime_unlock (&c->lock);
      return 0;
    }

  G *gp = runtime_g ();
  Sudog mine, *me = wait_sudog (&mine, gp, ep, c);
  gp->param = NULL;
  runtime_waitq_enqueue (&c->recvq, me);
  runtime_gopark (runtime_park_unlock, &c->lock, "chan receive");
  *received = me->success;
  wait_sudog_done (me, &mine);
  return 1;
}

void runtime_chansend1 (Hchan *c, const void *elem) GOSYM ("runtime.chansend1");
void
runtime_chansend1 (Hchan *c, const void *elem)
{
  chansend (c, elem, 1);
}

void runtime_chanrecv1 (Hchan *c, void *elem) GOSYM ("runtime.chanrecv1");
void
runtime_chanrecv1 (Hchan *c, void *elem)
{
  _Bool received;
  chanrecv (c, elem, 1, &received);
}

_Bool runtime_chanrecv2 (Hchan *c, void *elem) GOSYM ("runtime.chanrecv2");
_Bool
runtime_chanrecv2 (Hchan *c, void *elem)
{
  _Bool received;
  chanrecv (c, elem, 1, &received);
  return received;
}

_Bool runtime_selectnbsend (Hchan *c, const void *elem) GOSYM ("runtime.selectnbsend");
_Bool
runtime_selectnbsend (Hchan *c, const void *elem)
{
  return chansend (c, elem, 0);
}

BoolBool runtime_selectnbrecv (void *elem, Hchan *c) GOSYM ("runtime.selectnbrecv");
BoolBool
runtime_selectnbrecv (void *elem, Hchan *c)
{
  _Bool received;
  _Bool selected = chanrecv (c, elem, 0, &received);
  return (BoolBool) { selected, received };
}

void runtime_closechan (Hchan *c) GOSYM ("runtime.closechan");
void
runtime_closechan (Hchan *c)
{
  if (c == NULL)
    runtime_panicplain ("close of nil channel");
  runtime_lock (&c->lock);
  if (c->closed)
    {
      runtime_unlock (&c->lock);
      runtime_panicplain ("close of closed channel");
    }
  __atomic_store_n (&c->closed, 1, __ATOMIC_RELEASE);
  /* Collect every waiter, then ready them with the lock released.  */
  Sudog *list = NULL, *sg;
  while ((sg = runtime_waitq_dequeue (&c->recvq)) != NULL)
    {
      runtime_chan_zero (c, sg->elem);
      sg->next = list;
      list = sg;
    }
  while ((sg = runtime_waitq_dequeue (&c->sendq)) != NULL)
    {
      sg->next = list;
      list = sg;
    }
  runtime_unlock (&c->lock);
  while (list != NULL)
    {
      sg = list;
      list = sg->next;
      wake (sg, 0);
    }
}
