/* traceback.c: walking stacks and printing them as Go does.

     goroutine 1 [running]:
     main.f(...)
             /home/u/x.go:12 +0x1d
     main.main(...)
             /home/u/x.go:20 +0x27

   The walk is _Unwind_Backtrace over the current stack; another
   goroutine's stack is walked by that goroutine itself, resumed for the
   purpose (proc.c runtime_gcallers).  Names and lines are looked up
   only here, when a trace is printed (symtab.c).  Only Go code is
   shown: the runtime's own frames, C or Go-named, are hidden, as gc
   hides them at the default GOTRACEBACK.  */
#include <string.h>
#include <unwind.h>

#include "traceback.h"
#include "sanitizer.h"
#include "proc.h"
#include "stack.h"

enum { MaxFrames = 100 };

#if ARCH_HAS_SPLIT_STACK
void __morestack (void);       /* arch/ARCH/morestack.S */
#endif

/* ---- The walk.  */

typedef struct Walk {
  intgo skip;                /* frames still to skip */
  uintptr start;             /* 0, or drop frames until this pc */
  uintptr *pcs;
  intgo n, max;
  uintptr last_pc, last_cfa; /* the frame before: a frame that repeats
                                it makes no progress, and ends the walk
                                (the EHABI unwinder can loop on a frame
                                without unwind information) */
} Walk;

static _Unwind_Reason_Code
walk_frame (struct _Unwind_Context *ctx, void *arg)
{
  Walk *w = arg;
  int before_insn = 0;
  uintptr pc = (uintptr) _Unwind_GetIPInfo (ctx, &before_insn);
  if (pc == 0)
    return _URC_END_OF_STACK;
  if (before_insn)
    pc++;                      /* a signal frame: pc - 1 stays inside */
#ifdef ARCH_UNWIND_SP_REGNO
  uintptr cfa = (uintptr) _Unwind_GetGR (ctx, ARCH_UNWIND_SP_REGNO);
#else
  uintptr cfa = (uintptr) _Unwind_GetCFA (ctx);
#endif
  if (pc == w->last_pc && cfa == w->last_cfa)
    return _URC_END_OF_STACK;
  w->last_pc = pc;
  if (w->start != 0)
    {
      if (pc != w->start)
        return _URC_NO_REASON;  /* runtime_callroom's frames and ours */
      w->start = 0;
    }
  w->last_cfa = cfa;
#if ARCH_HAS_SPLIT_STACK
  /* __morestack's frame between a split function and its caller is no
     frame of the program: it takes no place of the MaxFrames a trace
     shows (with the smallest segments every frame had one above it,
     and a trace of 100 showed 50 Go frames) nor in runtime.Callers.  */
  if (_Unwind_GetRegionStart (ctx) == (uintptr) &__morestack)
    return _URC_NO_REASON;
#endif
  if (w->skip > 0)
    {
      w->skip--;
      return _URC_NO_REASON;
    }
  if (w->n >= w->max)
    return _URC_END_OF_STACK;
  w->pcs[w->n++] = pc;
  return _URC_NO_REASON;
}

#if ARCH_HAS_SPLIT_STACK
static void *
backtrace_thunk (void *w)
{
  _Unwind_Backtrace (walk_frame, w);
  return NULL;
}
#endif

/* The walk starts at the caller's frame (SKIP 0).  With split stacks
   the unwinder runs with room, and the frames of that call, which may
   or may not have split, are dropped by pc.  */
/* No split-stack prologue: after a split the return address would be
   __morestack's, and the walk would start a frame early.  */
intgo __attribute__ ((noinline)) NOSPLIT
runtime_callers (intgo skip, uintptr *pcs, intgo max)
{
#if ARCH_HAS_SPLIT_STACK
  Walk w = { skip, (uintptr) __builtin_return_address (0), pcs, 0, max,
             0, 0 };
  runtime_callroom (backtrace_thunk, &w);
#else
  Walk w = { skip + 1, 0, pcs, 0, max, 0, 0 };  /* + 1: this function */
  _Unwind_Backtrace (walk_frame, &w);
#endif
  __asm__ volatile ("" ::: "memory");  /* no tail call: keep this frame */
  return w.n;
}

/* ---- Frames.  */

static _Bool
has_suffix (const char *s, const char *suffix)
{
  uintptr n = strlen (s), k = strlen (suffix);
  return n >= k && strcmp (s + n - k, suffix) == 0;
}

/* FI's flags, from its symbol and position.  */
static void
classify (FrameInfo *fi)
{
  fi->go = runtime_funcname (fi->sym, fi->entry, fi->name, sizeof fi->name);
  if (fi->go && fi->has_pos && !has_suffix (fi->pos.file, ".go"))
    fi->go = 0;                /* a Go-named function written in C */
  fi->runtime = strncmp (fi->name, "runtime.", 8) == 0 || !fi->go;
  fi->thunk = strstr (fi->sym, ".go..thunk") != NULL;
}

_Bool
runtime_frameinfo (uintptr pc, FrameInfo *fi)
{
  memset (fi, 0, sizeof *fi);
  uintptr at = pc - 1;
  if (!runtime_symtab_func (at, &fi->sym, &fi->entry))
    return 0;
  fi->has_pos = runtime_symtab_line (at, &fi->pos);
  classify (fi);
  return 1;
}

static _Bool
is_recover_wrapper (const char *inner, const char *outer)
{
  uintptr n = strlen (outer);
  return strncmp (inner, outer, n) == 0 && strcmp (inner + n, "..r") == 0;
}

/* IT's frame number LEVEL of its pc into it->fi: inlined call LEVEL
   (at the line of the call inside it), or past them the symbol's
   function.  0 if that call's function is not known.  */
static _Bool
frameiter_at (FrameIter *it, intgo level)
{
  FrameInfo *fi = &it->fi;
  it->level = level;
  if (level < it->ncalls)
    {
      const InlinedCall *ic = &it->calls[level];
      if (ic->name == NULL)
        return 0;
      memset (fi, 0, sizeof *fi);
      fi->sym = ic->name;
      fi->inlined = 1;
      /* Its own entry, for funcname's methods; the frame keeps the
         symbol's.  */
      fi->entry = runtime_symtab_addr (ic->name);
      fi->has_pos = level == 0 ? it->base.has_pos : it->calls[level - 1].has_call;
      fi->pos = level == 0 ? it->base.pos : it->calls[level - 1].call;
      classify (fi);
      fi->entry = it->base.entry;
    }
  else if (it->ncalls > 0)     /* else fi is the symbol's already */
    {
      const InlinedCall *ic = &it->calls[it->ncalls - 1];
      memset (fi, 0, sizeof *fi);
      fi->sym = it->base.sym;
      fi->entry = it->base.entry;
      fi->has_pos = ic->has_call;
      fi->pos = ic->call;
      classify (fi);
    }
  it->wrapper = it->prev_sym != NULL && is_recover_wrapper (it->prev_sym, fi->sym);
  it->prev_sym = fi->sym;
  return 1;
}

_Bool
runtime_frameiter_next (FrameIter *it, uintptr pc)
{
  if (!runtime_frameinfo (pc, &it->fi))
    {
      it->prev_sym = NULL;
      it->ncalls = 0;
      return 0;
    }
  it->base.sym = it->fi.sym;
  it->base.entry = it->fi.entry;
  it->base.has_pos = it->fi.has_pos;
  it->base.pos = it->fi.pos;
  it->ncalls = it->fi.go ? runtime_symtab_inlined (pc - 1, it->calls, MaxInlined) : 0;
  for (intgo level = 0;; level++)
    if (frameiter_at (it, level))
      return 1;
}

_Bool
runtime_frameiter_more (FrameIter *it)
{
  while (it->level < it->ncalls)
    if (frameiter_at (it, it->level + 1))
      return 1;
  return 0;
}

/* ---- Output to stderr or to a buffer (runtime.Stack).  */

typedef struct Sink {
  char *buf;                 /* NULL: the runtime's print (stderr) */
  uintptr n, cap;
} Sink;

static void
emit (Sink *s, const char *p, uintptr n)
{
  if (s->buf == NULL)
    {
      runtime_printstring ((String) { (const uint8_t *) p, (intgo) n });
      return;
    }
  for (uintptr i = 0; i < n && s->n < s->cap; i++)
    s->buf[s->n++] = p[i];
}

static void emits (Sink *s, const char *p) { emit (s, p, strlen (p)); }

static void
emitnum (Sink *s, uint64_t v, unsigned base)
{
  char b[24];
  int i = sizeof b;
  do
    b[--i] = "0123456789abcdef"[v % base];
  while ((v /= base) != 0 && i > 0);
  if (base == 16)
    emits (s, "0x");
  emit (s, b + i, sizeof b - (uintptr) i);
}

/* One frame: "NAME(...)", then a tab and file:line +0xoff (no
   offset for an inlined call).  */
static void
frame_to (Sink *s, const char *name, const char *args, const FrameInfo *fi,
          uintptr pc)
{
  emits (s, name);
  emits (s, args);
  emits (s, "\n\t");
  if (fi->has_pos)
    {
      char path[512];
      runtime_srcpos_path (&fi->pos, path, sizeof path);
      emits (s, path);
      emits (s, ":");
      emitnum (s, (uint64_t) fi->pos.line, 10);
    }
  else
    emits (s, "?:0");
  if (!fi->inlined)
    {
      emits (s, " +");         /* gc shows no offset for an inlined call */
      emitnum (s, pc - fi->entry, 16);
    }
  emits (s, "\n");
}

/* "created by F" and the go statement's position, as gc ends the trace
   of every goroutine but the main one.  */
static void
created_by (Sink *s, G *gp)
{
  uintptr pc = gp->gopc;
  FrameInfo fi;
  if (pc != 0 && runtime_frameinfo (pc, &fi) && fi.go)
    {
      emits (s, "created by ");
      frame_to (s, fi.name, "", &fi, pc);
    }
}

static void
frames_to (Sink *s, const uintptr *pcs, intgo n)
{
  FrameIter it;
  memset (&it, 0, sizeof it);
  intgo printed = 0;
  for (intgo i = 0; i < n; i++)
    {
      if (!runtime_frameiter_next (&it, pcs[i]))
        continue;
      do
        {
          /* A panic in the middle of the stack (its deferred calls run
             above it) shows as gc shows it, "panic(...)".  */
          _Bool mid_panic = printed > 0 && strcmp (it.fi.sym, "runtime.gopanic") == 0;
          if ((it.fi.runtime || it.fi.thunk || it.wrapper) && !mid_panic)
            continue;
          printed++;
          frame_to (s, mid_panic ? "panic" : it.fi.name, "(...)", &it.fi, pcs[i]);
        }
      while (runtime_frameiter_more (&it));
    }
}

void
runtime_print_frames (const uintptr *pcs, intgo n)
{
  Sink s = { NULL, 0, 0 };
  frames_to (&s, pcs, n);
}

static void
header_to (Sink *s, G *gp, const char *status)
{
  emits (s, "goroutine ");
  emitnum (s, (uint64_t) gp->goid, 10);
  emits (s, " [");
  emits (s, status);
  emits (s, "]:\n");
}

/* The trace of a goroutine that is not the current one.  */
static void
other_to (Sink *s, G *gp)
{
  uintptr pcs[MaxFrames];
  header_to (s, gp, runtime_gstatus_string (gp));
  intgo n = runtime_gcallers (gp, pcs, MaxFrames);
  if (n >= 0)
    frames_to (s, pcs, n);
  else if (gp->status == Grunning || gp->status == Gsyscall)
    emits (s, "\tgoroutine running on other thread; stack unavailable\n");
  if (n == MaxFrames)
    emits (s, "...additional frames elided...\n");
  created_by (s, gp);
}

/* Every goroutine but the current one, each after a blank line.  */
static void
others_to (Sink *s)
{
  G *me = runtime_g ();
  M *m = runtime_m ();
  for (uintptr i = 0; i < runtime_allglen; i++)
    {
      G *gp = runtime_allgs[i];
      uint32_t st = __atomic_load_n (&gp->status, __ATOMIC_ACQUIRE);
      if (gp == me || gp == m->curg || st == Gdead || st == Gidle)
        continue;
      emits (s, "\n");
      other_to (s, gp);
    }
}

void
runtime_traceback_others (void)
{
  Sink s = { NULL, 0, 0 };
  others_to (&s);
}

/* The current goroutine's header and frames; SKIP frames above the
   caller of this function are left out.  */
static void __attribute__ ((noinline))
current_to (Sink *s, intgo skip)
{
  uintptr pcs[MaxFrames];
  G *g = runtime_g ();
  M *m = runtime_m ();
  G *shown = g;
  if (m != NULL && g == m->g0 && m->curg != NULL)
    shown = m->curg;           /* runtime code on the scheduler stack */
  if (shown == NULL || (m != NULL && shown == m->g0))
    return;                    /* an idle thread: no goroutine */
  header_to (s, shown, "running");
  intgo n = runtime_callers (skip + 1, pcs, MaxFrames);
  frames_to (s, pcs, n);
  if (n == MaxFrames)
    emits (s, "...additional frames elided...\n");
  created_by (s, shown);
  __asm__ volatile ("" ::: "memory");
}

/* ---- GOTRACEBACK.  */

int32_t
runtime_gotraceback (void)
{
  String v = runtime_getenv ("GOTRACEBACK");
  static const struct { const char *name; int32_t level; } levels[] = {
    { "none", TracebackNone }, { "0", TracebackNone },
    { "single", TracebackSingle }, { "", TracebackSingle },
    { "all", TracebackAll }, { "1", TracebackAll },
    { "system", TracebackAll }, { "2", TracebackAll },
    { "crash", TracebackCrash },
  };
  for (unsigned i = 0; i < sizeof levels / sizeof levels[0]; i++)
    if ((uintptr) v.len == strlen (levels[i].name)
        && (v.len == 0 || memcmp (v.str, levels[i].name, (uintptr) v.len) == 0))
      return levels[i].level;
  return TracebackSingle;
}

void __attribute__ ((noinline))
runtime_traceback_dying (int32_t atleast)
{
  int32_t level = runtime_gotraceback ();
  if (level < atleast)
    level = atleast;
  if (level == TracebackNone)
    return;
  Sink s = { NULL, 0, 0 };
  emits (&s, "\n");
  current_to (&s, 1);
  if (level >= TracebackAll)
    others_to (&s);
  __asm__ volatile ("" ::: "memory");
}

/* runtime.Stack's text: the current goroutine, then with ALL every
   other one; at most CAP bytes.  */
uintptr __attribute__ ((noinline))
runtime_stack_text (char *buf, uintptr cap, _Bool all, intgo skip)
{
  Sink s = { buf, 0, cap };
  current_to (&s, skip + 1);
  if (all)
    others_to (&s);
  __asm__ volatile ("" ::: "memory");
  return s.n;
}

/* ---- Walking a goroutine that is switched out.  */

/* Each walk leaves GP's context saved here, not where the scheduler
   switched it out: the next time GP is resumed, for another walk or
   by the scheduler, it goes on here, so here is where the next request
   is served too (a request served only in runtime_tosched would be
   missed, and GP would run on as if woken).  */
void
runtime_gcallers_self (G *gp)
{
  GWalk *w;
  while ((w = gp->walk) != NULL)
    {
      gp->walk = NULL;
      w->n = runtime_callers (1, w->pcs, w->max);
      volatile _Bool resumed = 0;
      runtime_gosave (gp);
      if (resumed)
        {
          runtime_san_switched ();  /* resumed: another walk, or to run */
          continue;
        }
      resumed = 1;
      G *req = w->requester;
      gp->m = NULL;
      __atomic_store_n (&w->done, 1, __ATOMIC_RELEASE);
      runtime_g_tls = req;
      runtime_stackguard_install (req);
      runtime_san_switch_to_g (req);
      runtime_gogo (req);
    }
}
