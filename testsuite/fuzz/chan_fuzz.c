/* chan_fuzz.c: differential libFuzzer harness for the channel
   implementation (libruntime/chan.c, compiled in) against a reference
   model: a FIFO buffer, queues of parked senders and receivers, a
   closed flag.

   Everything runs on one thread.  Parked goroutines are simulated the
   way the runtime parks them: a Sudog on the channel's send or receive
   queue (plain, or a select's, live or already decided elsewhere, which
   the queue must skip), and runtime_goready records who is woken.  The
   operations are the ones that never block: selectnbsend,
   selectnbrecv, closechan, plus parking a waiter where the model says a
   blocking operation would wait.  After each, the channel's count,
   every value delivered, every waiter woken (in order, with its
   success flag), and every panic ("send on closed channel", "close of
   closed channel") must be the model's; the lock must be free.  */
#include "fuzz_stubs.h"
#include "../../libruntime/chan.c"

enum { MaxWaiters = 64, MaxBuf = 8 };

typedef struct Elem { uint32_t a, b, c; } Elem;

static G fake_g;
static M fake_m;
static P fake_p;
static int locks_held;

void
runtime_lock (Lock *l)
{
  FUZZ_CHECK (l->key == 0);
  l->key = 1;
  locks_held++;
}

void
runtime_unlock (Lock *l)
{
  FUZZ_CHECK (l->key == 1);
  l->key = 0;
  locks_held--;
}

void
runtime_gopark (_Bool (*unlockf) (G *, void *), void *arg, const char *reason)
{
  (void) unlockf;
  (void) arg;
  fprintf (stderr, "chan_fuzz: a non-blocking operation parked (%s)\n", reason);
  abort ();
}

void
runtime_preempt_park (void)
{
  abort ();
}

/* A simulated parked goroutine.  */
typedef struct Waiter {
  G g;
  Sudog *sg;
  Elem slot;                   /* its value (sender) or destination */
  int woken;                   /* times goready named it */
  _Bool success;
} Waiter;

static Waiter waiters[MaxWaiters];
static int nwaiters;

void
runtime_goready (G *gp)
{
  Waiter *w = (Waiter *) gp;   /* g is the first member */
  FUZZ_CHECK (w >= waiters && w < waiters + nwaiters);
  FUZZ_CHECK (gp->param == w->sg);
  w->woken++;
  w->success = w->sg->success;
}

/* The model.  */
static size_t elemsize;
static uintgo cap;
static Elem buf[MaxBuf];
static uintgo head, count;
static _Bool closed;
static int sendq[MaxWaiters], recvq[MaxWaiters];   /* live waiters, FIFO */
static int nsendq, nrecvq;

static Elem
make_elem (Input *in)
{
  Elem e = { next_byte (in), next_byte (in) * 257u, 0x5a5a0000u | next_byte (in) };
  return e;
}

static _Bool
elem_eq (const Elem *x, const Elem *y)
{
  return memcmp (x, y, elemsize) == 0;
}

static int
pop (int *q, int *n)
{
  int w = q[0];
  memmove (q, q + 1, (size_t) (*n - 1) * sizeof *q);
  (*n)--;
  return w;
}

/* Park a waiter; KIND: 0 plain, 1 live select, 2 decided select.  */
static Waiter *
park (Hchan *c, _Bool sender, int kind, Elem v)
{
  Waiter *w = &waiters[nwaiters++];
  memset (w, 0, sizeof *w);
  w->sg = runtime_acquire_sudog ();
  w->sg->g = &w->g;
  w->sg->c = c;
  w->sg->isselect = kind != 0;
  w->g.selectdone = kind == 2;
  w->slot = sender ? v : (Elem) { 0xdead, 0xbeef, 0xf00d };
  w->sg->elem = &w->slot;
  runtime_waitq_enqueue (sender ? &c->sendq : &c->recvq, w->sg);
  if (kind != 2)
    {
      if (sender)
        sendq[nsendq++] = (int) (w - waiters);
      else
        recvq[nrecvq++] = (int) (w - waiters);
    }
  return w;
}

static int woken_before[MaxWaiters];

static void
snapshot (void)
{
  for (int i = 0; i < nwaiters; i++)
    woken_before[i] = waiters[i].woken;
}

/* Exactly the waiters in WANT (N of them) were woken since snapshot,
   once each, with SUCCESS.  */
static void
check_woken (const int *want, int n, _Bool success)
{
  for (int i = 0; i < nwaiters; i++)
    {
      int expect = 0;
      for (int k = 0; k < n; k++)
        expect += want[k] == i;
      FUZZ_CHECK (waiters[i].woken - woken_before[i] == expect);
      if (expect)
        FUZZ_CHECK (waiters[i].success == success);
    }
}

static void
op_send (Hchan *c, Elem v)
{
  snapshot ();
  if (setjmp (fuzz_escape) != 0)
    {
      FUZZ_CHECK (closed && strcmp (fuzz_thrown, "send on closed channel") == 0);
      check_woken (NULL, 0, 1);
      return;
    }
  _Bool ok = runtime_selectnbsend (c, &v);
  FUZZ_CHECK (!closed);
  if (nrecvq > 0)
    {
      int w = pop (recvq, &nrecvq);
      FUZZ_CHECK (ok);
      check_woken (&w, 1, 1);
      FUZZ_CHECK (elemsize == 0 || elem_eq (&waiters[w].slot, &v));
      return;
    }
  check_woken (NULL, 0, 1);
  if (count < cap)
    {
      FUZZ_CHECK (ok);
      buf[(head + count++) % cap] = v;
      return;
    }
  FUZZ_CHECK (!ok);
}

static void
op_recv (Hchan *c)
{
  snapshot ();
  Elem got = { 1, 2, 3 };
  if (setjmp (fuzz_escape) != 0)
    {
      fprintf (stderr, "chan_fuzz: receive failed: %s\n", fuzz_thrown);
      abort ();
    }
  BoolBool r = runtime_selectnbrecv (&got, c);
  if (closed && count == 0)
    {
      FUZZ_CHECK (r.a && !r.b);
      Elem zero = { 0, 0, 0 };
      FUZZ_CHECK (elemsize == 0 || elem_eq (&got, &zero));
      check_woken (NULL, 0, 1);
      return;
    }
  if (nsendq > 0)
    {
      int w = pop (sendq, &nsendq);
      FUZZ_CHECK (r.a && r.b);
      check_woken (&w, 1, 1);
      if (cap == 0)
        FUZZ_CHECK (elemsize == 0 || elem_eq (&got, &waiters[w].slot));
      else
        {
          /* A full buffer: its head comes out, the sender's value goes
             in at the tail.  */
          FUZZ_CHECK (count == cap);
          FUZZ_CHECK (elemsize == 0 || elem_eq (&got, &buf[head]));
          buf[head] = waiters[w].slot;
          head = (head + 1) % cap;
        }
      return;
    }
  check_woken (NULL, 0, 1);
  if (count > 0)
    {
      FUZZ_CHECK (r.a && r.b);
      FUZZ_CHECK (elemsize == 0 || elem_eq (&got, &buf[head]));
      head = (head + 1) % cap;
      count--;
      return;
    }
  FUZZ_CHECK (!r.a && !r.b);
}

static void
op_close (Hchan *c)
{
  snapshot ();
  if (setjmp (fuzz_escape) != 0)
    {
      FUZZ_CHECK (closed && strcmp (fuzz_thrown, "close of closed channel") == 0);
      check_woken (NULL, 0, 0);
      return;
    }
  runtime_closechan (c);
  FUZZ_CHECK (!closed);
  closed = 1;
  int all[MaxWaiters], n = 0;
  for (int i = 0; i < nrecvq; i++)
    all[n++] = recvq[i];
  for (int i = 0; i < nsendq; i++)
    all[n++] = sendq[i];
  check_woken (all, n, 0);
  Elem zero = { 0, 0, 0 };
  for (int i = 0; i < nrecvq; i++)
    FUZZ_CHECK (elemsize == 0 || elem_eq (&waiters[recvq[i]].slot, &zero));
  nrecvq = nsendq = 0;
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  Input in = { data, data + size };
  uint8_t shape = next_byte (&in);
  elemsize = shape & 0x10 ? 0 : sizeof (Elem);
  cap = shape % (MaxBuf + 1);
  head = count = 0;
  closed = 0;
  nwaiters = nsendq = nrecvq = 0;
  memset (&fake_p, 0, sizeof fake_p);
  memset (&fake_g, 0, sizeof fake_g);
  fake_m.p = &fake_p;
  runtime_m_tls = &fake_m;
  runtime_g_tls = &fake_g;
  locks_held = 0;

  static Type elem_type;
  static ChanType chan_type;
  elem_type.size = elemsize;
  elem_type.align = 4;
  elem_type.kind = KindStruct | KindNoPointers;
  chan_type.elem = &elem_type;
  if (setjmp (fuzz_escape) != 0)
    {
      fprintf (stderr, "chan_fuzz: makechan failed: %s\n", fuzz_thrown);
      abort ();
    }
  Hchan *c = runtime_makechan (&chan_type, (intgo) cap);

  while (input_left (&in) && nwaiters < MaxWaiters)
    {
      uint8_t op = next_byte (&in);
      switch (op % 8)
        {
        case 0: case 1:
          op_send (c, make_elem (&in));
          break;
        case 2: case 3:
          op_recv (c);
          break;
        case 4:
          if (op % 64 == 4)
            op_close (c);
          break;
        case 5:                /* a sender that would block parks */
          if (!closed && nrecvq == 0 && count == cap)
            park (c, 1, (op >> 3) % 2, make_elem (&in));
          break;
        case 6:                /* a receiver that would block parks */
          if (!closed && nsendq == 0 && count == 0)
            park (c, 0, (op >> 3) % 2, (Elem) { 0, 0, 0 });
          break;
        default:               /* a select decided elsewhere, on either queue */
          if (!closed)
            park (c, op & 8, 2, make_elem (&in));
          break;
        }
      FUZZ_CHECK (locks_held == 0 && c->lock.key == 0);
      FUZZ_CHECK (c->qcount == count && c->dataqsiz == cap);
      FUZZ_CHECK (c->closed == closed);
    }
  /* Drain: close, then every buffered value in order, then zeros.  */
  if (!closed)
    op_close (c);
  while (count > 0)
    op_recv (c);
  op_recv (c);
  for (int i = 0; i < nwaiters; i++)
    FUZZ_CHECK (waiters[i].woken <= 1);
  fuzz_free_all ();
  return 0;
}
