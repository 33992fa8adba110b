/* panic.c: fatal errors (runtime_throw) and unrecovered Go panics.

   throw is for broken runtime invariants: "fatal error: MSG", the
   goroutine trace, exit status 2.  A panic prints its value as Go 1.18
   prints it (errors by Error(), Stringers by String(), basic kinds by
   value, named basic kinds as T(v), anything else as (T) address), then
   the goroutine trace (traceback.c, at the GOTRACEBACK level), and exits
   with status 2.  */
#include "runtime.h"
#include "error.h"
#include "os.h"
#include "typedesc.h"
#include "panic.h"
#include "gosignal.h"
#include "traceback.h"

#include <signal.h>

void
runtime_printtypename (const Type *t)
{
  const String *s = t->string;
  _Bool quoted = 0;
  for (intgo i = 0; i < s->len; i++)
    {
      if (s->str[i] == '\t')
        quoted = !quoted;
      else if (!quoted)
        runtime_printstring ((String) { s->str + i, 1 });
    }
}

/* The end of a dying program, after its message: the goroutine trace
   at the GOTRACEBACK level, then exit 2, or with GOTRACEBACK=crash
   death by SIGABRT.  Print lock held; released here.  */
static void NORETURN __attribute__ ((noinline))
die (void)
{
  runtime_traceback_dying (TracebackNone);
  runtime_printunlock ();
  if (runtime_gotraceback () == TracebackCrash)
    runtime_raise_default (SIGABRT);
  runtime_exit (2);
}

void
runtime_throw (const char *msg)
{
  M *m = runtime_m ();
  if (m != NULL)
    m->dying = 1;
  runtime_printlock ();
  runtime_prints ("fatal error: ");
  runtime_prints (msg);
  runtime_prints ("\n");
  G *g = runtime_g ();
  if (m != NULL && g == m->g0 && m->curg != NULL)
    g = m->curg;
  if (g != NULL && g->sig != 0)
    runtime_print_siginfo (g);
  die ();
}

/* Print a value of basic kind stored at P.  */
static _Bool
print_basic (const Type *t, const void *p)
{
  switch (type_kind (t))
    {
    case KindBool: runtime_printbool (*(const _Bool *) p); return 1;
    case KindInt: runtime_printint (*(const intgo *) p); return 1;
    case KindInt8: runtime_printint (*(const int8_t *) p); return 1;
    case KindInt16: runtime_printint (*(const int16_t *) p); return 1;
    case KindInt32: runtime_printint (*(const int32_t *) p); return 1;
    case KindInt64: runtime_printint (*(const int64_t *) p); return 1;
    case KindUint: runtime_printuint (*(const uintgo *) p); return 1;
    case KindUint8: runtime_printuint (*(const uint8_t *) p); return 1;
    case KindUint16: runtime_printuint (*(const uint16_t *) p); return 1;
    case KindUint32: runtime_printuint (*(const uint32_t *) p); return 1;
    case KindUint64: runtime_printuint (*(const uint64_t *) p); return 1;
    case KindUintptr: runtime_printuint (*(const uintptr *) p); return 1;
    case KindFloat32: runtime_printfloat (*(const float *) p); return 1;
    case KindFloat64: runtime_printfloat (*(const double *) p); return 1;
    case KindComplex64:
      runtime_printcomplex (((const float *) p)[0] + ((const float *) p)[1] * 1.0i);
      return 1;
    case KindComplex128: runtime_printcomplex (*(const _Complex double *) p); return 1;
    case KindString: runtime_printstring (*(const String *) p); return 1;
    default: return 0;
    }
}

/* The value of a panic, as printpanicval prints it.  */
static void
print_panic_value (Eface e)
{
  const Type *t = e.type;
  String s;
  if (t == NULL)
    {
      runtime_prints ("nil");
      return;
    }
  if (runtime_call_string_method (e, "Error", &s)
      || runtime_call_string_method (e, "String", &s))
    {
      runtime_printstring (s);
      return;
    }
  const void *p = type_is_direct_iface (t) ? (const void *) &e.data : e.data;
  int k = type_kind (t);
  _Bool basic = k <= KindComplex128 || k == KindString;
  _Bool named = t->uncommon != NULL && t->uncommon->pkgPath != NULL;
  if (basic && !named)
    {
      print_basic (t, p);
      return;
    }
  if (basic)
    {
      const char *quote = k == KindString ? "\"" : "";
      runtime_printtypename (t);
      runtime_prints ("(");
      runtime_prints (quote);
      print_basic (t, p);
      runtime_prints (quote);
      runtime_prints (")");
      return;
    }
  runtime_prints ("(");
  runtime_printtypename (t);
  runtime_prints (") ");
  runtime_printpointer (e.data);
}

/* Go 1.18's printpanics: outermost first, " [recovered]" after the
   recovered ones, a tab before each nested one.  */
static void
print_panics (Panic *p)
{
  if (p->link != NULL)
    {
      print_panics (p->link);
      if (!p->link->goexit)
        runtime_prints ("\t");
    }
  if (p->goexit)
    return;
  runtime_prints ("panic: ");
  print_panic_value (p->arg);
  if (p->recovered)
    runtime_prints (" [recovered]");
  runtime_prints ("\n");
}

static void NORETURN
fatalpanic (Panic *p)
{
  M *m = runtime_m ();
  m->dying = 1;
  runtime_printlock ();
  print_panics (p);
  G *g = runtime_g ();
  if (g->sig != 0)
    runtime_print_siginfo (g);
  die ();
}

/* panic(e): run the deferred calls, innermost first, on top of this
   stack.  A call that recovers starts the unwinding to its frame; with
   none left, print the panics and exit.  */
void
runtime_gopanic (Eface e)
{
  G *g = runtime_g ();
  if (g->m->dying)
    {
      runtime_printlock ();
      runtime_prints ("panic during panic\n");
      runtime_printunlock ();
      runtime_exit (2);
    }
  Panic p = { .link = g->panic, .arg = e };
  g->panic = &p;
  for (;;)
    {
      Defer *d = g->defer;
      if (d == NULL)
        break;
      if (d->pfn == 0)
        {
          /* Started by an earlier panic, which this one cuts short.  */
          if (d->panic != NULL)
            d->panic->aborted = 1;
          d->panic = NULL;
          g->defer = d->link;
          runtime_freedefer (d);
          continue;
        }
      runtime_calldefer (d, &p);
      g = runtime_g ();
      if (g->defer != d)
        runtime_throw ("gopanic: defer list changed under a deferred call");
      if (p.recovered)
        {
          /* Drop this panic and those it aborted; d stays, with pfn 0,
             for checkdefer to find its frame.  */
          g->panic = p.link;
          g->sig = 0;          /* a recovered fault is forgotten */
          while (g->panic != NULL && g->panic->aborted)
            g->panic = g->panic->link;
          runtime_unwindstack ();
        }
      *d->frame = 0;
      g->defer = d->link;
      runtime_freedefer (d);
    }
  fatalpanic (&p);
}
