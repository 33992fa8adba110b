/* callers.c: package runtime's view of the stack (ABI doc 5.1, 5.2):
   Caller, Callers, CallersFrames and Frames.Next, FuncForPC and the
   methods of Func, Stack.

   Only frames of Go code count, as in gc: the runtime's C frames (this
   file's functions among them) and the wrappers of functions that
   recover are never seen.  Callers(0) would name runtime.Callers in
   gc; here the first slot is its caller, as with Callers(1), since the
   runtime has no Go frames to report.  A pc stored here is a return
   address; its position is that of pc - 1, the call.  The type
   descriptors of Frame, Frames and Func are here too (user code that
   stores them in interfaces or slices refers to them), with the
   compiler's hashes, read from libgo's copies.  */
#include <string.h>

#include "traceback.h"
#include "typedesc.h"
#include "malloc.h"
#include "proc.h"

enum { MaxWalk = 128 };

/* Whether IT's frame is one Callers and CallersFrames count.  */
static _Bool
counted (const FrameIter *it)
{
  return it->fi.go && !it->fi.thunk && !it->wrapper;
}

/* The Go frames of the current stack above the caller of the Go
   function that called us, after SKIP of them: return addresses into
   PCS, at most MAX.  A pc stands once for each counted frame it holds
   (its inlined calls, then its function), as in libgo; with LEVEL,
   *LEVEL gets which of them PCS[0] is.  */
static intgo __attribute__ ((noinline))
go_callers (intgo skip, uintptr *pcs, intgo max, intgo *level)
{
  uintptr raw[MaxWalk];
  intgo n = runtime_callers (1, raw, MaxWalk), out = 0;
  FrameIter it;
  memset (&it, 0, sizeof it);
  for (intgo i = 0; i < n && out < max; i++)
    {
      intgo mine = 0;
      if (!runtime_frameiter_next (&it, raw[i]))
        continue;
      do
        {
          if (!counted (&it))
            continue;
          if (skip > 0)
            skip--;
          else if (out < max)
            {
              if (out == 0 && level != NULL)
                *level = mine;
              pcs[out++] = raw[i];
            }
          mine++;
        }
      while (runtime_frameiter_more (&it));
    }
  __asm__ volatile ("" ::: "memory");
  return out;
}

/* PC's counted frame number K (modulo how many it has) into IT->fi;
   0 if it has none.  */
static _Bool
counted_frame (FrameIter *it, uintptr pc, intgo k)
{
  intgo count = 0;
  memset (it, 0, sizeof *it);
  if (!runtime_frameiter_next (it, pc))
    return 0;
  do
    count += counted (it);
  while (runtime_frameiter_more (it));
  if (count == 0)
    return 0;
  k %= count;
  memset (it, 0, sizeof *it);
  runtime_frameiter_next (it, pc);
  do
    if (counted (it) && k-- == 0)
      return 1;
  while (runtime_frameiter_more (it));
  return 0;
}

static String
gostring (const char *s)
{
  return runtime_gostringn ((const uint8_t *) s, (intgo) strlen (s));
}

/* FI's file and line as Go strings and ints; empty and 0 if not known.  */
static void
file_line (const FrameInfo *fi, String *file, intgo *line)
{
  char path[1024];
  if (!fi->has_pos)
    return;
  uintptr n = runtime_srcpos_path (&fi->pos, path, sizeof path);
  *file = runtime_gostringn ((const uint8_t *) path, (intgo) n);
  *line = fi->pos.line;
}

/* ---- Caller, Callers.  */

typedef struct CallerResult {
  uintptr pc;
  String file;
  intgo line;
  _Bool ok;
} CallerResult;

CallerResult runtime_Caller (intgo skip) GOSYM ("runtime.Caller");
/* Caller's answer for PC's counted frame LEVEL.  Apart from
   go_callers, whose frame is gone when this one is made: the runtime's
   C runs in the little room below a goroutine's stack guard
   (stack.h).  */
static CallerResult __attribute__ ((noinline))
caller_result (uintptr pc, intgo level)
{
  CallerResult r = { 0, { NULL, 0 }, 0, 0 };
  FrameIter it;
  if (!counted_frame (&it, pc, level))
    return r;
  r.pc = pc;
  r.ok = 1;
  file_line (&it.fi, &r.file, &r.line);
  return r;
}

CallerResult
runtime_Caller (intgo skip)
{
  CallerResult r = { 0, { NULL, 0 }, 0, 0 };
  uintptr pc;
  intgo level = 0;
  if (skip < 0 || go_callers (skip, &pc, 1, &level) != 1)
    return r;
  return caller_result (pc, level);
}

intgo runtime_Callers (intgo skip, Slice pc) GOSYM ("runtime.Callers");
intgo
runtime_Callers (intgo skip, Slice pc)
{
  if (pc.len <= 0)
    return 0;
  /* skip 0 is runtime.Callers itself, which is no Go frame here.  */
  return go_callers (skip > 0 ? skip - 1 : 0, pc.array, pc.len, NULL);
}

/* ---- Func.  */

/* runtime.Func (ABI 5.2): name string, entry uintptr.  */
typedef struct Func {
  String name;
  uintptr entry;
} Func;

static Func *
new_func (const FrameInfo *fi)
{
  Func *f = runtime_mallocgc (sizeof (Func), NULL, 0);
  f->name = gostring (fi->name);
  f->entry = fi->entry;
  return f;
}

Func *runtime_FuncForPC (uintptr pc) GOSYM ("runtime.FuncForPC");
Func *
runtime_FuncForPC (uintptr pc)
{
  FrameInfo fi;
  /* PC is usually a return address, whose call is at pc - 1; but an
     entry address (Func.Entry) is the function's own.  */
  if (runtime_frameinfo (pc + 1, &fi) && fi.entry == pc)
    return new_func (&fi);
  /* Inside inlined code, as gc: the innermost function, with the entry
     of the function that holds it.  */
  FrameIter it;
  memset (&it, 0, sizeof it);
  if (!runtime_frameiter_next (&it, pc))
    return NULL;
  return new_func (&it.fi);
}

String runtime_Func_Name (Func *f) GOSYM ("runtime.Func.Name");
String
runtime_Func_Name (Func *f)
{
  return f != NULL ? f->name : (String) { NULL, 0 };
}

uintptr runtime_Func_Entry (Func *f) GOSYM ("runtime.Func.Entry");
uintptr
runtime_Func_Entry (Func *f)
{
  return f != NULL ? f->entry : 0;
}

typedef struct FileLine {
  String file;
  intgo line;
} FileLine;

FileLine runtime_Func_FileLine (Func *f, uintptr pc) GOSYM ("runtime.Func.FileLine");
FileLine
runtime_Func_FileLine (Func *f, uintptr pc)
{
  FileLine r = { { NULL, 0 }, 0 };
  FrameInfo fi;
  if (runtime_frameinfo (pc, &fi))
    file_line (&fi, &r.file, &r.line);
  return r;
}

/* ---- CallersFrames, Frames.Next.  */

/* runtime.Frames (ABI 5.2: 40 bytes on amd64): the pcs, how many of
   them Next has returned (in lastCount), and how many times in a row
   before the last one its pc came (in last): a pc stands once for each
   frame it holds, inlined calls first (go_callers).  */
typedef struct Frames {
  Slice callers;
  uintptr repeats;
  intgo next;
} Frames;

/* runtime.Frame (ABI 5.2).  */
typedef struct Frame {
  uintptr pc;
  Func *func;
  String function;
  String file;
  intgo line;
  uintptr entry;
} Frame;

_Static_assert (sizeof (Frame) == 8 * ARCH_PTRSIZE, "runtime.Frame size");
_Static_assert (sizeof (Frames) == 5 * ARCH_PTRSIZE, "runtime.Frames size");

Frames *runtime_CallersFrames (Slice pcs) GOSYM ("runtime.CallersFrames");
Frames *
runtime_CallersFrames (Slice pcs)
{
  Frames *f = runtime_mallocgc (sizeof (Frames), NULL, 0);
  f->callers = pcs;
  return f;
}

typedef struct FrameMore {
  Frame frame;
  _Bool more;
} FrameMore;

FrameMore runtime_Frames_Next (Frames *ci) GOSYM ("runtime.Frames.Next");
FrameMore
runtime_Frames_Next (Frames *ci)
{
  FrameMore r;
  memset (&r, 0, sizeof r);
  FrameIter it;
  const uintptr *pcs = ci->callers.array;
  while (ci->next < ci->callers.len)
    {
      intgo i = ci->next++;
      uintptr pc = pcs[i];
      ci->repeats = i > 0 && pcs[i - 1] == pc ? ci->repeats + 1 : 0;
      if (!counted_frame (&it, pc, (intgo) ci->repeats))
        continue;
      r.frame.pc = pc - 1;
      /* gc has no Func for an inlined call, only its name.  */
      r.frame.func = it.fi.inlined ? NULL : new_func (&it.fi);
      r.frame.function = gostring (it.fi.name);
      file_line (&it.fi, &r.frame.file, &r.frame.line);
      r.frame.entry = it.fi.entry;
      break;
    }
  r.more = ci->next < ci->callers.len;
  return r;
}

/* ---- Stack.  */

intgo runtime_Stack (Slice buf, _Bool all) GOSYM ("runtime.Stack");
intgo
runtime_Stack (Slice buf, _Bool all)
{
  if (buf.len <= 0)
    return 0;
  if (all)
    runtime_stopTheWorld ("stack trace");
  uintptr n = runtime_stack_text (buf.array, (uintptr) buf.len, all, 0);
  if (all)
    runtime_startTheWorld ();
  return (intgo) n;
}

/* ---- The types' descriptors.  */

static _Bool
str_equal (const String *a, const String *b)
{
  return a->len == b->len && (a->len == 0 || memcmp (a->str, b->str, (uintptr) a->len) == 0);
}

static _Bool
frame_equal (const Frame *a, const Frame *b)
{
  return a->pc == b->pc && a->func == b->func
         && str_equal (&a->function, &b->function)
         && str_equal (&a->file, &b->file)
         && a->line == b->line && a->entry == b->entry;
}

static _Bool
func_equal (const Func *a, const Func *b)
{
  return str_equal (&a->name, &b->name) && a->entry == b->entry;
}

const FuncVal runtime_Frame_eq_f GOSYM ("runtime.Frame..eq..f")
  = { (void (*) (void)) frame_equal };
const FuncVal runtime_Func_eq_f GOSYM ("runtime.Func..eq..f")
  = { (void (*) (void)) func_equal };

DEFINE_STRING (frame_string, "\truntime\truntime.Frame");
DEFINE_STRING (frame_name, "Frame");
DEFINE_STRING (frames_string, "\truntime\truntime.Frames");
DEFINE_STRING (frames_ptr_string, "*\truntime\truntime.Frames");
DEFINE_STRING (frames_name, "Frames");
DEFINE_STRING (func_string, "\truntime\truntime.Func");
DEFINE_STRING (func_ptr_string, "*\truntime\truntime.Func");
DEFINE_STRING (func_name, "Func");
DEFINE_STRING (runtime_pkg, "runtime");
static const UncommonType frame_uncommon = { &frame_name, &runtime_pkg, { NULL, 0, 0 } };
static const UncommonType frames_uncommon = { &frames_name, &runtime_pkg, { NULL, 0, 0 } };
static const UncommonType func_uncommon = { &func_name, &runtime_pkg, { NULL, 0, 0 } };
static const StructField no_fields[1];
/* Frame: pointers in words 1 (Func), 2 (Function), 4 (File).  */
static const uint8_t frame_gcbits[] = { 0x16 };

#define RUNTIME_STRUCT(id, sym, T, ptrwords, hashv, eq, bits, str, unc, ptr) \
  const StructType id GOSYM (sym) = {                                       \
    { .size = sizeof (T), .ptrdata = (ptrwords) * ARCH_PTRSIZE,             \
      .hash = (hashv), .align = ARCH_PTRSIZE, .fieldAlign = ARCH_PTRSIZE,  \
      .kind = KindStruct, .equal = (eq), .gcdata = (bits), .string = (str), \
      .uncommon = (unc), .ptrToThis = (ptr) },                             \
    { no_fields, 0, 0 },                                                    \
  }
#define RUNTIME_PTR(id, sym, hashv, str, elem)                              \
  const PtrType id GOSYM (sym) = {                                          \
    { .size = ARCH_PTRSIZE, .ptrdata = ARCH_PTRSIZE, .hash = (hashv),      \
      .tflag = TflagRegularMemory, .align = ARCH_PTRSIZE,                   \
      .fieldAlign = ARCH_PTRSIZE, .kind = KindPtr | KindDirectIface,        \
      .equal = &runtime_memequal_ptr_f, .gcdata = runtime_gcbits_1,         \
      .string = (str) },                                                    \
    (elem),                                                                 \
  }

extern const PtrType runtime_Frames_p GOSYM ("runtime.Frames..p");
extern const PtrType runtime_Func_p GOSYM ("runtime.Func..p");

/* Frame..p is emitted, weak, by every user of *runtime.Frame.  */
RUNTIME_STRUCT (runtime_Frame_d, "runtime.Frame..d", Frame, 5, 3802585124u,
                &runtime_Frame_eq_f, frame_gcbits, &frame_string,
                &frame_uncommon, NULL);
RUNTIME_STRUCT (runtime_Frames_d, "runtime.Frames..d", Frames, 1, 503682019u,
                NULL, runtime_gcbits_1, &frames_string, &frames_uncommon,
                &runtime_Frames_p.type);
RUNTIME_STRUCT (runtime_Func_d, "runtime.Func..d", Func, 1, 3465657775u,
                &runtime_Func_eq_f, runtime_gcbits_1, &func_string,
                &func_uncommon, &runtime_Func_p.type);
RUNTIME_PTR (runtime_Frames_p, "runtime.Frames..p", 3763945017u,
             &frames_ptr_string, &runtime_Frames_d.type);
RUNTIME_PTR (runtime_Func_p, "runtime.Func..p", 3910916857u,
             &func_ptr_string, &runtime_Func_d.type);
