/* chan.h: channels (chan.c) and select (select.c).

   Hchan layout: compiled code reads qcount (word 0, len) and dataqsiz
   (word 1, cap) directly.  Everything else is under lock.  A goroutine
   blocked on a channel is described by a Sudog on the channel's recvq
   or sendq; its elem points at the value to send or the slot to
   receive into (on the blocked goroutine's stack, which does not move).
   The waker copies the value, sets success (false: woken by close) and
   readies the goroutine with g->param = the Sudog, and touches it no
   more.  A plain send or receive keeps its Sudog in its own parked
   frame (in the stack page the goroutine touches anyway: stack.h),
   with split stacks (on fixed stacks, chan.c wait_sudog, from the P's
   cache); a select takes one per case from the P's cache (runtime_acquire_sudog)
   and chains them on g->waiting for the collector.  A Sudog of a select
   is taken only by whoever wins the CAS on its G's selectdone.  */
#ifndef LIBRUNTIME_CHAN_H
#define LIBRUNTIME_CHAN_H

#include "proc.h"

typedef struct Hchan Hchan;
typedef struct Sudog Sudog;

struct Sudog {
  G *g;
  Sudog *next, *prev;        /* in a WaitQ */
  void *elem;                /* value to send / where to receive */
  Hchan *c;
  Sudog *waitlink;           /* next record of the same select */
  _Bool isselect;
  _Bool success;             /* false: woken because the channel closed */
};

typedef struct WaitQ { Sudog *first, *last; } WaitQ;

struct Hchan {
  uintgo qcount;             /* word 0: elements in buf */
  uintgo dataqsiz;           /* word 1: capacity */
  uint8_t *buf;
  uintptr elemsize;
  uint32_t closed;
  const Type *elemtype;
  uintgo sendx, recvx;
  WaitQ recvq, sendq;
  Lock lock;
};

Sudog *runtime_acquire_sudog (void) HIDDEN;
void runtime_release_sudog (Sudog *s) HIDDEN;
void runtime_waitq_enqueue (WaitQ *q, Sudog *s) HIDDEN;
Sudog *runtime_waitq_dequeue (WaitQ *q) HIDDEN;
void runtime_waitq_remove (WaitQ *q, Sudog *s) HIDDEN;
/* Hand the value at EP to the receiver SG / take the sender SG's value
   into EP; unlock C; ready SG's goroutine.  */
void runtime_chan_send_to (Hchan *c, Sudog *sg, const void *ep) HIDDEN;
void runtime_chan_recv_from (Hchan *c, Sudog *sg, void *ep) HIDDEN;
void *runtime_chan_slot (Hchan *c, uintgo i) HIDDEN;
void runtime_chan_bufrecv (Hchan *c, void *ep) HIDDEN;
void runtime_chan_bufsend (Hchan *c, const void *ep) HIDDEN;
void runtime_chan_copy (Hchan *c, void *dst, const void *src) HIDDEN;
void runtime_chan_zero (Hchan *c, void *p) HIDDEN;

#endif
