/* traceback.h: stack walks and what they print.

   traceback.c walks the current stack with _Unwind_Backtrace (which
   follows split-stack segments through __morestack's CFI on x86 and
   the EHABI tables on arm), prints goroutine traces as Go does and
   reads GOTRACEBACK.  funcname.c spells gccgo's symbol names as Go
   does.  callers.c is package runtime's Caller, Callers, FuncForPC,
   CallersFrames and Stack.  Symbols and lines come from symtab.h,
   read only when a walk is printed or asked about.  */
#ifndef LIBRUNTIME_TRACEBACK_H
#define LIBRUNTIME_TRACEBACK_H

#include "runtime.h"
#include "symtab.h"

/* The return addresses of the current stack, innermost first, after
   skipping SKIP frames above the caller of runtime_callers (0: the
   caller itself); at most MAX.  Frames of Go code and of the runtime
   alike; a signal frame's pc is stored as its instruction + 1, so that
   pc - 1 is always inside the instruction that was running.  */
intgo runtime_callers (intgo skip, uintptr *pcs, intgo max) HIDDEN;

/* What PC - 1 is, for a return address PC: the Go spelling of its
   function (funcname.c) into BUF, its entry, its position.  Returns 0
   if no symbol covers it.  GO tells whether the symbol is a Go
   function (not C, not runtime-internal).  runtime_frameinfo describes
   the function of the symbol at the line of PC - 1, whatever was
   inlined there; the frame iterator below shows inlined calls.  */
typedef struct FrameInfo {
  char name[256];            /* Go spelling, NUL-terminated, truncated */
  const char *sym;           /* the symbol, as the linker has it */
  uintptr entry;             /* of the symbol, also for an inlined call */
  _Bool go;                  /* Go code: not C code, not the runtime */
  _Bool runtime;             /* a function of package runtime */
  _Bool thunk;               /* a go/defer statement's thunk (P.go..thunkN),
                                which gc has no frame for */
  _Bool inlined;             /* a call inlined into the next frame, which
                                has the same pc: no code of its own */
  _Bool has_pos;
  SrcPos pos;
} FrameInfo;
_Bool runtime_frameinfo (uintptr pc, FrameInfo *fi) HIDDEN;

enum { MaxInlined = 16 };    /* inlined calls shown per pc, innermost */

/* The frames of a list of return addresses, innermost first, each
   pc's inlined calls (innermost first) before the function that holds
   them, as gc shows them.  runtime_frameiter_next starts PC: it fills
   fi with its first frame (returns 0 if nothing is known);
   runtime_frameiter_more moves to PC's next frame (returns 0 after
   the last, the symbol's function).  wrapper tells whether the frame
   is only the wrapper of the one before, the body of a function that
   recovers (P.f calls P.f..r): the pair is one frame, shown once.
   level counts PC's frames shown so far.  Zero-initialise before the
   first pc.  */
typedef struct FrameIter {
  FrameInfo fi;
  _Bool wrapper;
  intgo level;               /* fi is PC's frame number LEVEL */
  const char *prev_sym;      /* the frame before, for wrapper; or NULL */
  struct {                   /* the symbol's function, at PC's line */
    const char *sym;
    uintptr entry;
    _Bool has_pos;
    SrcPos pos;
  } base;
  InlinedCall calls[MaxInlined];
  intgo ncalls;
} FrameIter;
_Bool runtime_frameiter_next (FrameIter *it, uintptr pc) HIDDEN;
_Bool runtime_frameiter_more (FrameIter *it) HIDDEN;

/* funcname.c: SYM (gccgo's assembler name of the function at ENTRY) in
   Go's spelling, "main.f", "main.T.M", "main.(*T).M", "main.f.func1",
   into BUF of SIZE bytes.  Returns 0 if SYM is not a Go name (C code);
   BUF then holds SYM.  */
_Bool runtime_funcname (const char *sym, uintptr entry, char *buf, uintptr size)
  HIDDEN;

/* GOTRACEBACK, read once: 0 none, 1 single (default), 2 all,
   3 crash (all, then abort).  */
enum { TracebackNone, TracebackSingle, TracebackAll, TracebackCrash };
int32_t runtime_gotraceback (void) HIDDEN;

/* Print the goroutine trace of a dying program at the GOTRACEBACK
   level, or at least at ATLEAST: a blank line, the current goroutine
   ("goroutine N [running]:" and its frames, from the caller of this
   function outwards), then with "all" every other one.  Print lock
   held.  */
void runtime_traceback_dying (int32_t atleast) HIDDEN;

/* Print the frames PCS[0..N) as Go does ("name(...)" then a tab and
   file:line +0xoff), hiding the runtime's own frames.  */
void runtime_print_frames (const uintptr *pcs, intgo n) HIDDEN;

/* Every goroutine other than the current one: header and frames.
   Only safe while nothing else runs Gs (a dying program, or the world
   stopped).  Print lock held.  */
void runtime_traceback_others (void) HIDDEN;

/* runtime.Stack's text (callers.c): the current goroutine after SKIP
   frames above the caller, then with ALL every other one; at most CAP
   bytes.  Returns the length.  */
uintptr runtime_stack_text (char *buf, uintptr cap, _Bool all, intgo skip)
  HIDDEN;

/* A request that a switched-out G walk its own stack (G.walk).  The
   record lives in the requester's frame; the walked G writes pcs and
   n, sets done and switches back to REQUESTER.  */
typedef struct GWalk {
  G *requester;
  uintptr *pcs;
  intgo max, n;
  _Bool done;                /* atomic: the walk is complete */
} GWalk;

/* proc.c's part: make GP (switched out, not running) walk its own
   stack into PCS and come back; returns the number of frames, or -1 if
   GP cannot be walked (never started, in a system call, running).  */
intgo runtime_gcallers (G *gp, uintptr *pcs, intgo max) HIDDEN;
/* Called by a G resumed for that purpose, right after its switch
   returns (proc.c); it serves that request and every later one, since
   GP's saved context stays inside it until the scheduler resumes GP.  */
void runtime_gcallers_self (G *gp) HIDDEN;

/* "[running]" or the wait reason, as Go prints it in a goroutine
   header (proc.c).  */
const char *runtime_gstatus_string (G *gp) HIDDEN;

#endif
