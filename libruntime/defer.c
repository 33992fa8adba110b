/* defer.c: the compiler's defer entry points, recover, Goexit
   (panic.h has the model).  */
#include "panic.h"
#include "proc.h"
#include "sigpreempt.h"
#include "traceback.h"

#include <string.h>

/* Heap records (defer in a loop, ...): persistent memory, reused
   through a per-P pool.  */
static Defer *
newdefer (void)
{
  runtime_nosigpark_enter ();  /* the P's pool: sigpreempt.h */
  P *p = runtime_m ()->p;
  Defer *d = p != NULL ? p->deferpool : NULL;
  if (d != NULL)
    p->deferpool = d->link;
  else
    d = runtime_persistentalloc (sizeof *d);
  runtime_nosigpark_exit ();
  return d;
}

void
runtime_freedefer (Defer *d)
{
  if (!d->heap)
    return;
  d->arg = NULL;
  runtime_nosigpark_enter ();
  P *p = runtime_m ()->p;
  if (p != NULL)               /* else leaked to no harm: persistent memory */
    {
      d->link = p->deferpool;
      p->deferpool = d;
    }
  runtime_nosigpark_exit ();
}

static void
pushdefer (Defer *d, _Bool *frame, uintptr pfn, void *arg, _Bool heap)
{
  G *g = runtime_g ();
  d->frame = frame;
  d->panicStack = g->panic;
  d->panic = NULL;
  d->pfn = pfn;
  d->arg = arg;
  d->retaddr = 0;
  d->makefunccanrecover = 0;
  d->heap = heap;
  d->link = g->defer;
  g->defer = d;
}

void runtime_deferprocStack (Defer *d, _Bool *frame, uintptr pfn, void *arg)
  GOSYM ("runtime.deferprocStack");
void
runtime_deferprocStack (Defer *d, _Bool *frame, uintptr pfn, void *arg)
{
  pushdefer (d, frame, pfn, arg, 0);
}

void runtime_deferproc (_Bool *frame, uintptr pfn, void *arg)
  GOSYM ("runtime.deferproc");
void
runtime_deferproc (_Bool *frame, uintptr pfn, void *arg)
{
  pushdefer (newdefer (), frame, pfn, arg, 1);
}

/* Run D's call for panic P (NULL: a normal return).  D stays on the list
   during the call, so the thunk's setdeferretaddr and the callee's
   canrecover find it.  */
void
runtime_calldefer (Defer *d, Panic *p)
{
  uintptr pfn = d->pfn;
  d->pfn = 0;
  d->panic = p;
  if (p != NULL)
    p->deferfn = pfn;
  ((void (*) (void *)) pfn) (d->arg);
}

/* Run the deferred calls of FRAME, innermost first, then mark it as
   returning (its named results are reloaded).  */
void runtime_deferreturn (_Bool *frame) GOSYM ("runtime.deferreturn");
void
runtime_deferreturn (_Bool *frame)
{
  G *g = runtime_g ();
  for (;;)
    {
      Defer *d = g->defer;
      if (d == NULL || d->frame != frame || d->pfn == 0)
        break;
      runtime_calldefer (d, NULL);
      g = runtime_g ();
      if (g == NULL)
        break;                 /* CgocallBackDone gave the thread back to
                                  C (cgocall.c) and took D off itself */
      g->defer = d->link;
      runtime_freedefer (d);
    }
  *frame = 1;
}

/* Called first by a thunk that may call recover: where its call of the
   deferred function returns to.  Must return false (ABI 4.2).  */
_Bool runtime_setdeferretaddr (uintptr retaddr) GOSYM ("runtime.setdeferretaddr");
_Bool
runtime_setdeferretaddr (uintptr retaddr)
{
  G *g = runtime_g ();
  if (g->defer != NULL)
    g->defer->retaddr = retaddr;
  return 0;
}

/* Whether return address RA is the one a thunk recorded, WANT.  On arm
   the return address carries the Thumb bit; the label the thunk records
   does not.  Allow the call instruction's length.  */
static _Bool
near_retaddr (uintptr ra, uintptr want)
{
  ra &= ~(uintptr) 1;
  want &= ~(uintptr) 1;
  return ra <= want + 16 && want <= ra + 16;
}

/* The deferred call may reach the function that recovers through
   compiler wrappers: a method value is a thunk (P.go..thunkN) that
   calls the method, a method expression at -O0 too, a promoted method
   a stub (..stub).  And some thunks record no return address (gccgo's
   thunk of a method expression, `defer T.M(t)`).  So look up the stack
   from RA, past wrappers, for the deferred call: its recorded return
   address RETADDR, or else the code of its thunk, THUNK.  A call
   straight from THUNK counts only from the thunk's own code: at -O2 the
   deferred function may be inlined into its thunk, and what it calls
   must not recover.  The executable's DWARF tells inlined code apart
   (inline.c): the call is the thunk's own if every function inlined
   there is a wrapper too (a thunk or stub: at -O2 the method
   expression's thunk inlines the defer statement's); without DWARF a
   call from THUNK counts.  Only on this slow path, during a panic, are
   frames symbolized.  */
static _Bool
is_wrapper (const char *sym)
{
  return strstr (sym, "..thunk") != NULL || strstr (sym, "..stub") != NULL;
}

static _Bool
call_in_inlined_body (uintptr ra)
{
  InlinedCall c[MaxInlined];
  int n = runtime_symtab_inlined ((ra & ~(uintptr) 1) - 1, c, MaxInlined);
  for (int i = 0; i < n; i++)
    if (c[i].name != NULL && !is_wrapper (c[i].name))
      return 1;
  return 0;
}

static _Bool __attribute__ ((noinline))
reaches_deferred_call (uintptr ra, uintptr retaddr, uintptr thunk)
{
  enum { Max = 16 };
  uintptr pcs[Max];
  intgo n = runtime_callers (0, pcs, Max), i = 0, wrappers = 0;
  while (i < n && (pcs[i] & ~(uintptr) 1) != (ra & ~(uintptr) 1))
    i++;
  for (; i < n; i++)
    {
      FrameInfo fi;
      _Bool known = runtime_frameinfo (pcs[i], &fi);
      if (retaddr != 0 ? near_retaddr (pcs[i], retaddr)
          : known && thunk != 0
            && (fi.entry & ~(uintptr) 1) == (thunk & ~(uintptr) 1)
            && (wrappers > 0 || !call_in_inlined_body (pcs[i])))
        return 1;
      wrappers++;
      if (!known || !(fi.thunk || is_wrapper (fi.sym)))
        return 0;
    }
  return 0;
}

/* May the function whose return address is RA recover?  Only if it was
   called directly by the thunk of a deferred call that a panic started
   after the defer statement ran.  */
_Bool runtime_canrecover (uintptr ra) GOSYM ("runtime.canrecover");
_Bool
runtime_canrecover (uintptr ra)
{
  G *g = runtime_g ();
  Defer *d = g->defer;
  Panic *p = g->panic;
  if (d == NULL || p == NULL || p->goexit || d->panicStack == p
      || d->panic != p)
    return 0;
  if (d->retaddr != 0 && near_retaddr (ra, d->retaddr))
    return 1;
  return reaches_deferred_call (ra, d->retaddr, p->deferfn);
}

Eface runtime_gorecover (void) GOSYM ("runtime.gorecover");
Eface
runtime_gorecover (void)
{
  Panic *p = runtime_g ()->panic;
  if (p == NULL || p->goexit || p->recovered)
    return (Eface) { NULL, NULL };
  p->recovered = 1;
  return p->arg;
}

/* `defer recover()`: recover is itself the deferred call.  */
Eface runtime_deferredrecover (void) GOSYM ("runtime.deferredrecover");
Eface
runtime_deferredrecover (void)
{
  G *g = runtime_g ();
  if (g->defer == NULL || g->defer->panicStack != g->panic)
    return (Eface) { NULL, NULL };
  return runtime_gorecover ();
}

/* runtime.Goexit: run every deferred call, as a panic nothing can
   recover, then end the goroutine.  */
void runtime_Goexit (void) GOSYM ("runtime.Goexit") NORETURN;
void
runtime_Goexit (void)
{
  G *g = runtime_g ();
  Panic p = { .link = g->panic, .goexit = 1 };
  g->panic = &p;
  for (;;)
    {
      Defer *d = g->defer;
      if (d == NULL)
        break;
      if (d->pfn == 0)
        {
          if (d->panic != NULL)
            d->panic->aborted = 1;
        }
      else
        runtime_calldefer (d, &p);
      g = runtime_g ();
      g->defer = d->link;
      runtime_freedefer (d);
    }
  g->panic = p.link;
  runtime_goexit1 ();
}
