/* unwind.c: Go's panics on the libgcc unwinder.

   After a deferred call recovers, runtime_unwindstack raises an
   exception of class GNUCGO\0\0.  __gccgo_personality_v0 finds, in each
   frame's LSDA (GCC's format: call-site table, action table, a type
   table whose one entry is the catch-all), the landing pad covering the
   frame's pc.  In the search phase a frame with a catch-all handler
   stops the search; in the cleanup phase the personality installs the
   landing pad, which calls checkdefer: the frame whose deferred call
   recovered returns from it and continues at its exit path, the others
   rethrow.  On arm the unwinder is ARM EHABI and the personality has
   another signature; the LSDA format is the same.

   The LSDA is read with bounds: a table running past the end of its
   call-site table or of the memory it is known to lie in, an unknown
   pointer encoding or an indirect one (whose pointer would be read from
   wherever the table says), is a fatal error, never an out-of-bounds
   read.  testsuite/fuzz/lsda_fuzz.c feeds it malformed tables.  */
#include <dlfcn.h>
#include <unwind.h>

#include "panic.h"
#include "leb128.h"
#include "proc.h"
#include "stack.h"

static const uint8_t go_exception_class[8] = { 'G', 'N', 'U', 'C', 'G', 'O', 0, 0 };

/* ---- The LSDA.  */

enum {
  DW_EH_PE_absptr = 0x00, DW_EH_PE_uleb128 = 0x01, DW_EH_PE_udata2 = 0x02,
  DW_EH_PE_udata4 = 0x03, DW_EH_PE_udata8 = 0x04, DW_EH_PE_sleb128 = 0x09,
  DW_EH_PE_sdata2 = 0x0a, DW_EH_PE_sdata4 = 0x0b, DW_EH_PE_sdata8 = 0x0c,
  DW_EH_PE_pcrel = 0x10, DW_EH_PE_indirect = 0x80, DW_EH_PE_omit = 0xff,
};

typedef struct Reader {
  const uint8_t *p;
  const uint8_t *end;          /* no read may pass it */
} Reader;

static void NORETURN
bad_lsda (void)
{
  runtime_throw ("malformed exception table (LSDA)");
}

static uint8_t
read_u8 (Reader *r)
{
  if (r->p >= r->end)
    bad_lsda ();
  return *r->p++;
}

/* A LEB128 number; SIGNED extends the sign of the last byte.  */
static uintptr
read_leb (Reader *r, _Bool is_signed)
{
  _Bool truncated = 0;
  uintptr v = (uintptr) leb128_decode (&r->p, r->end, is_signed, &truncated);
  if (truncated)
    bad_lsda ();
  return v;
}

static uintptr
read_uleb (Reader *r)
{
  return read_leb (r, 0);
}

static intptr_t
read_sleb (Reader *r)
{
  return (intptr_t) read_leb (r, 1);
}

static uint64_t
read_fixed (Reader *r, unsigned n)
{
  if ((uintptr) (r->end - r->p) < n)
    bad_lsda ();
  uint64_t v = 0;
  memcpy (&v, r->p, n);        /* little-endian targets */
  r->p += n;
  return v;
}

/* A pointer in encoding ENC (the application part may only be pcrel or
   absolute, all GCC emits in an LSDA).  */
static uintptr
read_encoded (Reader *r, uint8_t enc)
{
  const uint8_t *at = r->p;
  uintptr v;
  switch (enc & 0x0f)
    {
    case DW_EH_PE_absptr: v = (uintptr) read_fixed (r, sizeof (uintptr)); break;
    case DW_EH_PE_uleb128: v = read_uleb (r); break;
    case DW_EH_PE_sleb128: v = (uintptr) read_sleb (r); break;
    case DW_EH_PE_udata2: v = (uintptr) read_fixed (r, 2); break;
    case DW_EH_PE_sdata2: v = (uintptr) (int16_t) read_fixed (r, 2); break;
    case DW_EH_PE_udata4: v = (uintptr) read_fixed (r, 4); break;
    case DW_EH_PE_sdata4: v = (uintptr) (int32_t) read_fixed (r, 4); break;
    case DW_EH_PE_udata8:
    case DW_EH_PE_sdata8: v = (uintptr) read_fixed (r, 8); break;
    default: bad_lsda ();
    }
  if (v != 0)
    {
      switch (enc & 0x70)
        {
        case 0: break;
        case DW_EH_PE_pcrel: v += (uintptr) at; break;
        default: bad_lsda ();
        }
    }
  /* GCC's LSDAs never use DW_EH_PE_indirect (only the type table does,
     which the personality does not read): dereferencing an address
     taken from the table could read anywhere.  */
  if (enc & DW_EH_PE_indirect)
    bad_lsda ();
  return v;
}

/* Find the landing pad for IP (exclusive of the call's return address
   semantics: IP is already adjusted).  Returns 0 for "no landing pad
   here"; *FILTER gets the catch filter (0: cleanup only).  The unwinder
   does not say where the LSDA ends, so the header is read no further
   than 32 bytes, the call-site table no further than its own length,
   and the action table no further than ActionLimit bytes past it; END,
   when not NULL, is the end of the memory the table lies in, and no
   read passes it either (the fuzzer passes its buffer's end).  */
enum { ActionLimit = 4096 };

/* P + N, or END if that is nearer.  */
static const uint8_t *
bound (const uint8_t *p, uintptr n, const uint8_t *end)
{
  if (end != NULL && (uintptr) (end - p) < n)
    return end;
  return p + n;
}

static uintptr
find_landing_pad (const uint8_t *lsda, const uint8_t *end,
                  uintptr region_start, uintptr ip, intptr_t *filter)
{
  Reader r = { lsda, bound (lsda, 32, end) };  /* the header is at most 21 bytes */
  uint8_t lpstart_enc = read_u8 (&r);
  uintptr lpstart = region_start;
  if (lpstart_enc != DW_EH_PE_omit)
    lpstart = read_encoded (&r, lpstart_enc);
  uint8_t ttype_enc = read_u8 (&r);
  if (ttype_enc != DW_EH_PE_omit)
    read_uleb (&r);
  uint8_t cs_enc = read_u8 (&r);
  uintptr cs_len = read_uleb (&r);
  if (cs_len > (1u << 24) || (end != NULL && cs_len > (uintptr) (end - r.p)))
    bad_lsda ();
  Reader cs = { r.p, r.p + cs_len };
  const uint8_t *action_table = cs.end;

  *filter = 0;
  while (cs.p < cs.end)
    {
      uintptr start = read_encoded (&cs, cs_enc);
      uintptr len = read_encoded (&cs, cs_enc);
      uintptr lp = read_encoded (&cs, cs_enc);
      uintptr action = read_uleb (&cs);
      if (ip < region_start + start)
        return 0;              /* the table is sorted: not covered */
      if (ip >= region_start + start + len)
        continue;
      if (lp == 0)
        return 0;
      if (action != 0)
        {
          if (action - 1 > ActionLimit)
            bad_lsda ();
          Reader ar = { action_table + action - 1,
                        bound (action_table, ActionLimit, end) };
          *filter = read_sleb (&ar);
        }
      return lpstart + lp;
    }
  return 0;
}

/* ---- The personality routine.  */

static _Bool
is_go_exception (const struct _Unwind_Exception *ue)
{
  return memcmp (&ue->exception_class, go_exception_class, 8) == 0;
}

/* Common part: decide for this frame; install its landing pad when
   asked to.  */
static _Unwind_Reason_Code
personality (_Unwind_Action actions, struct _Unwind_Exception *ue,
             struct _Unwind_Context *ctx)
{
  const uint8_t *lsda = _Unwind_GetLanguageSpecificData (ctx);
  if (lsda == NULL)
    return _URC_CONTINUE_UNWIND;
  int before = 0;
  uintptr ip = _Unwind_GetIPInfo (ctx, &before);
  if (!before)
    ip--;
  intptr_t filter;
  uintptr lp = find_landing_pad (lsda, NULL, _Unwind_GetRegionStart (ctx),
                                 ip, &filter);
  if (lp == 0)
    return _URC_CONTINUE_UNWIND;
  if (actions & _UA_SEARCH_PHASE)
    return filter != 0 ? _URC_HANDLER_FOUND : _URC_CONTINUE_UNWIND;
  /* A forced unwind runs cleanups only, except ours (runtime_unwindstack
     unwinds so, in one phase): every Go frame with defers takes it and
     asks checkdefer.  */
  if (filter != 0 && !(actions & _UA_HANDLER_FRAME)
      && !((actions & _UA_FORCE_UNWIND) && is_go_exception (ue)))
    return _URC_CONTINUE_UNWIND;

  G *g = runtime_g ();
  if (g != NULL && is_go_exception (ue))
    g->exception = ue;
  _Unwind_SetGR (ctx, __builtin_eh_return_data_regno (0), (_Unwind_Ptr) ue);
  _Unwind_SetGR (ctx, __builtin_eh_return_data_regno (1), (_Unwind_Ptr) filter);
  _Unwind_SetIP (ctx, lp);
  return _URC_INSTALL_CONTEXT;
}

#ifdef __ARM_EABI_UNWINDER__
_Unwind_Reason_Code __gccgo_personality_v0 (_Unwind_State state,
                                            struct _Unwind_Exception *ue,
                                            struct _Unwind_Context *ctx)
  NOSPLIT;

static _Unwind_Reason_Code
continue_unwinding (struct _Unwind_Exception *ue, struct _Unwind_Context *ctx)
{
  if (__gnu_unwind_frame (ue, ctx) != _URC_OK)
    return _URC_FAILURE;
  return _URC_CONTINUE_UNWIND;
}

_Unwind_Reason_Code
__gccgo_personality_v0 (_Unwind_State state, struct _Unwind_Exception *ue,
                        struct _Unwind_Context *ctx)
{
  _Unwind_Action actions;
  switch (state & _US_ACTION_MASK)
    {
    case _US_VIRTUAL_UNWIND_FRAME:
      if (state & _US_FORCE_UNWIND)
        return continue_unwinding (ue, ctx);  /* _Unwind_Backtrace: a walk */
      actions = _UA_SEARCH_PHASE;
      break;
    case _US_UNWIND_FRAME_STARTING:
      actions = _UA_CLEANUP_PHASE;
      if (!(state & _US_FORCE_UNWIND)
          && ue->barrier_cache.sp == _Unwind_GetGR (ctx, 13))
        actions |= _UA_HANDLER_FRAME;
      break;
    case _US_UNWIND_FRAME_RESUME:
      return continue_unwinding (ue, ctx);
    default:
      return _URC_FAILURE;
    }
  actions |= state & _US_FORCE_UNWIND;
  _Unwind_SetGR (ctx, 12, (_Unwind_Ptr) ue);   /* EHABI: the UCB in r12 */
  _Unwind_Reason_Code r = personality (actions, ue, ctx);
  if (r == _URC_HANDLER_FOUND)
    {
      ue->barrier_cache.sp = _Unwind_GetGR (ctx, 13);
      return r;
    }
  if (r == _URC_CONTINUE_UNWIND)
    return continue_unwinding (ue, ctx);
  return r;
}
#else
_Unwind_Reason_Code __gccgo_personality_v0 (int version, _Unwind_Action actions,
                                            _Unwind_Exception_Class cls,
                                            struct _Unwind_Exception *ue,
                                            struct _Unwind_Context *ctx)
  NOSPLIT;

_Unwind_Reason_Code
__gccgo_personality_v0 (int version, _Unwind_Action actions,
                        _Unwind_Exception_Class cls,
                        struct _Unwind_Exception *ue,
                        struct _Unwind_Context *ctx)
{
  (void) cls;
  if (version != 1)
    return _URC_FATAL_PHASE1_ERROR;
  return personality (actions, ue, ctx);
}
#endif

/* ---- Raising and catching.  */

static void
delete_exception (_Unwind_Reason_Code code, struct _Unwind_Exception *ue)
{
  (void) code;
  (void) ue;                   /* lives in its G's persistent block */
}

/* Each G's exception object, reused: persistent memory, one per G.  */
static struct _Unwind_Exception *
g_exception (G *g)
{
  if (g->exception == NULL)
    g->exception = runtime_persistentalloc (sizeof (struct _Unwind_Exception));
  return g->exception;
}

/* The stop function of runtime_unwindstack's forced unwind: go on to
   every frame (the personality installs the Go frames' landing pads);
   at the end of the stack, stop (unwindstack then throws).  */
static _Unwind_Reason_Code
unwind_stop (int version, _Unwind_Action actions, _Unwind_Exception_Class cls,
             struct _Unwind_Exception *ue, struct _Unwind_Context *ctx,
             void *arg)
{
  (void) version; (void) cls; (void) ue; (void) ctx; (void) arg;
  if (actions & _UA_END_OF_STACK)
    return _URC_END_OF_STACK;
  return _URC_NO_REASON;
}

/* The unwinder is not split-stack: it runs with room
   (runtime_callroom), here and in runtime_checkdefer.  */
static void *
forced_unwind (void *ue)
{
  _Unwind_ForcedUnwind (ue, unwind_stop, NULL);
  return NULL;
}

static void *
resume_or_rethrow (void *ue)
{
  _Unwind_Resume_or_Rethrow (ue);
  return NULL;
}

#if ARCH_HAS_SPLIT_STACK
/* _Unwind_Resume, as Go code calls it at the end of every cleanup
   landing pad: defined here, so the program's calls (and any other
   object's) come here instead of to libgcc_s, and the unwinder's own
   _Unwind_Resume, found once with dlsym, runs with room.  It continues
   the unwind from the frame that called it, through these frames,
   which have no handlers.  */
static void *
resume (void *ue)
{
  static void (*real) (struct _Unwind_Exception *);
  void (*f) (struct _Unwind_Exception *) = __atomic_load_n (&real, __ATOMIC_ACQUIRE);
  if (f == NULL)
    {
      f = (void (*) (struct _Unwind_Exception *)) dlsym (RTLD_NEXT, "_Unwind_Resume");
      if (f == NULL || f == _Unwind_Resume)
        runtime_throw ("_Unwind_Resume: libgcc_s's not found");
      __atomic_store_n (&real, f, __ATOMIC_RELEASE);
    }
  f (ue);
  return NULL;
}

void _Unwind_Resume (struct _Unwind_Exception *) NOSPLIT;

/* No split-stack prologue: it only hands over to runtime_callroom,
   which makes the room itself; a split of its own, from a landing pad
   that may already be below the guard, would only add a segment.  */
void
_Unwind_Resume (struct _Unwind_Exception *ue)
{
  runtime_callroom (resume, ue);
  runtime_throw ("_Unwind_Resume returned");
}
#endif

void
runtime_unwindstack (void)
{
  G *g = runtime_g ();
  struct _Unwind_Exception *ue = g_exception (g);
  memset (ue, 0, sizeof *ue);
  memcpy (&ue->exception_class, go_exception_class, 8);
  ue->exception_cleanup = delete_exception;
  /* One phase, not two: no search for a handler first, since the frame
     to return to is known to be there (its record is on g->defer).
     This halves the unwinder's work per recovered panic.  */
  runtime_callroom (forced_unwind, ue);
  /* Only if no frame caught it: a recovered panic must find the frame
     that deferred the recovering call.  */
  runtime_throw ("recovered panic found no frame to return to");
}

/* Called by the landing pad of a frame with defers.  Returns if this is
   the frame whose deferred call recovered (it then runs its remaining
   deferred calls and returns normally); otherwise unwinding goes on.  */
void runtime_checkdefer (_Bool *frame) GOSYM ("runtime.checkdefer");
void
runtime_checkdefer (_Bool *frame)
{
  G *g = runtime_g ();
  Defer *d = g->defer;
  if (d != NULL && d->frame == frame && d->pfn == 0)
    {
      g->defer = d->link;
      runtime_freedefer (d);
      *frame = 1;
      return;
    }
  struct _Unwind_Exception *ue = g->exception;
  if (ue == NULL)
    runtime_throw ("checkdefer: no exception in flight");
  runtime_callroom (resume_or_rethrow, ue);
  runtime_throw ("checkdefer: rethrow failed");
}
