/* runtime.h: the core header of libruntime.

   Glossary (docs/INTERNALS.md has the diagrams):
     G   a goroutine: a stack, saved registers, defer and panic records.
     M   an OS thread (pthread) that runs Gs; m->g0 runs the scheduler.
     P   a processor: the right to run Go code; GOMAXPROCS of them.
   The current G and M live in initial-exec TLS (runtime_g, runtime_m):
   one instruction to reach, no __tls_get_addr on any path.

   Cross-file prototypes are grouped by the file that defines them.
   Everything not Go-visible is static or carries the runtime_ prefix and
   hidden visibility; Go-visible symbols are bound with GOSYM.  */
#ifndef LIBRUNTIME_RUNTIME_H
#define LIBRUNTIME_RUNTIME_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <string.h>

#include "libruntime.h"
#include "arch.h"
#include "gotype.h"

#define GOSYM(s)   __asm__ (s)
#define NORETURN   __attribute__ ((noreturn))
#define NOSPLIT    __attribute__ ((no_split_stack))
#define HIDDEN     __attribute__ ((visibility ("hidden")))
#define TLS_IE     __attribute__ ((tls_model ("initial-exec")))
#define likely(x)   __builtin_expect (!!(x), 1)
#define unlikely(x) __builtin_expect (!!(x), 0)
#define nelem(a)   (sizeof (a) / sizeof ((a)[0]))

typedef GoInt intgo;
typedef GoUint uintgo;
typedef uintptr_t uintptr;
typedef GoString String;
typedef GoSlice Slice;
typedef GoEface Eface;
typedef GoIface Iface;
typedef GoFuncVal FuncVal;

typedef struct G G;
typedef struct M M;

/* Lock and Note: see lock.h.  */
typedef struct Lock { uint32_t key; } Lock;
typedef struct Note { uint32_t key; } Note;

/* Multiple results of Go functions come back as C structs.  */
typedef struct { void *p; _Bool ok; } PtrBool;
typedef struct { intgo i; _Bool ok; } IntBool;
typedef struct { _Bool a; _Bool b; } BoolBool;

static inline String
runtime_gostringnocopy (const char *s)
{
  String r = { (const uint8_t *) s, (intgo) strlen (s) };
  return r;
}
#define STRING_LIT(s) ((String) { (const uint8_t *) (s), sizeof (s) - 1 })

/* G: a goroutine.
   Invariants: g->m is the M running it, NULL when not running.
   Only the M running g touches its defer, panic and print state; other
   fields are guarded by the scheduler lock as proc.c documents.  */
struct G {
  int64_t goid;              /* 1 for the main goroutine */
  M *m;                      /* M running this G, or NULL */
  uint32_t status;           /* Grunning, ... (proc.c) */
  struct Panic *panic;       /* innermost active panic, or NULL */
  struct Defer *defer;       /* innermost defer record, or NULL */
  void *exception;           /* the GNUCGO exception being unwound */
  uintptr stacklo;           /* lowest usable address of the stack */
  uintptr stackhi;           /* one past the highest */

  /* Stack segments (stack.c, stack.h); touched only by the M running
     the G, read by the collector with the world stopped.  */
  struct StackSeg *stackseg; /* segment sp is in; NULL: the base stack */
  struct StackSeg *stackspare; /* unlinked segment kept for the next split */
  uintptr stackguard0;       /* guard of the base stack; 0: no checks */
  uintptr stackinuse;        /* bytes of linked segments (StackMax) */
  uintptr stacksp;           /* sp while switched out (the scheduler's
                                switch sets it), for runtime_stack_visit */

  /* Scheduling (proc.c).  status and schedlink change under the lock
     of the queue the G is on (or by the M that owns it); entry/arg are
     set once by newproc, and arg is a root for the collector until the
     G starts.  */
  G *schedlink;              /* next G in a run queue or free list */
  G *alllink;                /* next G in runtime_allgs order */
  void (*entry) (void *);    /* what the G runs */
  void *arg;                 /* its argument (a heap block) */
  const char *waitreason;    /* why it is Gwaiting, as Go prints it */
  void *param;               /* passed by whoever readies it (chan.c) */
  struct Sudog *waiting;     /* the wait records of its select */
  M *lockedm;                /* LockOSThread: the M it must run on */
  int32_t locked;            /* LockOSThread nesting count */
  uint32_t selectdone;       /* select: a case has been chosen; CAS 0->1 */
};

/* M: an OS thread.
   Invariants: m->curg is the G it runs, or NULL on the scheduler stack.
   printlock and printbuf are touched only by the M itself.  */
struct M {
  int64_t id;
  G *g0;                     /* runs the scheduler and runtime code */
  G *curg;                   /* user G running now, or NULL */
  int32_t locks;             /* >0: inside a runtime critical section */
  int32_t printlock;         /* nesting depth of printlock on this M */
  int32_t dying;             /* 0; 1 while a fatal error is printed */
  uint32_t printlen;         /* bytes pending in printbuf */
  char printbuf[256];        /* print output gathered until printunlock */

  /* Stack splits (stack.c).  runtime_newstack fills morebuf and
     moreargp from __morestack's record and clears them once the new
     segment holds the arguments, so nothing the split saw (a closure,
     an argument block) stays reachable from the M.  stackpoison is set
     by any thread (runtime_stack_poison) and cleared by the M itself.  */
  struct { uintptr pc, sp; } morebuf; /* caller of the split: pc, sp */
  void *moreargp;            /* its stack arguments on the old stack */
  uintptr *stackguard_slot;  /* this thread's TCB guard word */
  uint32_t stackpoison;      /* preemption requested through the guard */

  /* Scheduling (proc.c).  p is the P this M holds (NULL when idle or in
     a system call); the rest is owned by the M itself, except park,
     which its waker signals, and schedlink, under the scheduler lock.  */
  struct P *p;
  struct P *nextp;           /* P handed over by the waker */
  M *schedlink;              /* next M on the idle list */
  G *lockedg;                /* the G locked to this thread */
  void (*mcallfn) (G *);     /* what g0 runs for the G that switched */
  _Bool spinning;            /* looking for work, owning no G */
  _Bool helpgc;              /* woken to help a collection */
  Note park;                 /* where the idle M sleeps */

  /* Allocator (malloc.c): the cache of an M running without a P.  */
  struct MCache *mcache;     /* NULL until it allocates so */
};

extern __thread G *runtime_g_tls TLS_IE HIDDEN;
extern __thread M *runtime_m_tls TLS_IE HIDDEN;

/* A goroutine can resume on another thread after any switch, so every
   read of g or m must find the current thread's TLS (arch.h
   ARCH_TLS_ADDRESS_CACHED says whether that needs a real call).  */
#if ARCH_TLS_ADDRESS_CACHED
G *runtime_g_slow (void) __attribute__ ((noinline)) HIDDEN;
M *runtime_m_slow (void) __attribute__ ((noinline)) HIDDEN;
static inline G *runtime_g (void) { return runtime_g_slow (); }
static inline M *runtime_m (void) { return runtime_m_slow (); }
#else
static inline G *runtime_g (void) { return runtime_g_tls; }
static inline M *runtime_m (void) { return runtime_m_tls; }
#endif

/* start.c: program start, arguments, environment.  */
extern int32_t runtime_ncpu_value GOSYM ("runtime.ncpu");
void runtime_args (int argc, char **argv) HIDDEN;
String runtime_getenv (const char *name) HIDDEN;
void runtime_exit (int32_t code) NORETURN HIDDEN;

/* print.c: Go's print/println, and the runtime's own messages.  */
void runtime_printlock (void) GOSYM ("runtime.printlock");
void runtime_printunlock (void) GOSYM ("runtime.printunlock");
void runtime_printstring (String s) GOSYM ("runtime.printstring");
void runtime_printint (int64_t v) GOSYM ("runtime.printint");
void runtime_printuint (uint64_t v) GOSYM ("runtime.printuint");
void runtime_printhex (uint64_t v) GOSYM ("runtime.printhex");
void runtime_printpointer (const void *p) GOSYM ("runtime.printpointer");
void runtime_printbool (_Bool v) GOSYM ("runtime.printbool");
void runtime_printfloat (double v) GOSYM ("runtime.printfloat");
void runtime_printcomplex (_Complex double v) GOSYM ("runtime.printcomplex");
void runtime_printnl (void) GOSYM ("runtime.printnl");
void runtime_prints (const char *s) HIDDEN;
void runtime_printflush (void) HIDDEN;

/* panic.c: fatal errors and Go panics.  */
void runtime_throw (const char *msg) NORETURN HIDDEN;
void runtime_gopanic (Eface e) GOSYM ("runtime.gopanic") NORETURN;
void runtime_printtypename (const Type *t) HIDDEN;

/* error.c: the runtime's Go-visible error values.  */
void runtime_panicstring (const char *msg) NORETURN HIDDEN;
void runtime_panicerror (String msg) NORETURN HIDDEN;
void runtime_panicplain (const char *msg) NORETURN HIDDEN;
void runtime_panicmem (void) GOSYM ("runtime.panicmem") NORETURN;

/* malloc.h has the allocator; string.c: strings.  */
String runtime_gostringn (const uint8_t *p, intgo n) HIDDEN;
String runtime_concat2 (String a, String b) HIDDEN;
String runtime_concatstrings_n (const String *a, intgo n) HIDDEN;

/* utf8.c: UTF-8 encoding shared by strings and printing.  */
enum { RuneError = 0xFFFD, RuneSelf = 0x80, UTFMax = 4, MaxRune = 0x10FFFF };
intgo runtime_encoderune (uint8_t *p, int32_t r) HIDDEN;
intgo runtime_runelen (int32_t r) HIDDEN;
int32_t runtime_decoderune (const uint8_t *s, intgo n, intgo *width) HIDDEN;

/* alg.c: equality and hashing of Go values.  */
uintptr runtime_memhash (const void *key, uintptr seed, uintptr size)
  GOSYM ("runtime.memhash");
uintptr runtime_strhash (const void *s, uintptr seed) GOSYM ("runtime.strhash");
uintptr runtime_interhash (const void *i, uintptr seed) GOSYM ("runtime.interhash");
uintptr runtime_nilinterhash (const void *e, uintptr seed)
  GOSYM ("runtime.nilinterhash");
_Bool runtime_interequal (const void *a, const void *b) GOSYM ("runtime.interequal");
_Bool runtime_nilinterequal (const void *a, const void *b)
  GOSYM ("runtime.nilinterequal");

/* rand.c: cheap per-thread random numbers and the process hash seed.  */
uint32_t runtime_fastrand (void) HIDDEN;
void runtime_randinit (void) HIDDEN;

#endif /* LIBRUNTIME_RUNTIME_H */
