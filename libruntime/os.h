/* os.h: the contract every OS layer (os/linux, os/posix, ...) implements.

   A port to a new OS writes these functions and nothing else outside
   os/OS/.  Each says which thread may call it and whether it may
   allocate from the Go heap (none of them may: they sit below malloc).
   Return codes stay inside the OS layer; failures the runtime cannot
   survive are reported with the errno and context, then runtime_throw.  */
#ifndef LIBRUNTIME_OS_H
#define LIBRUNTIME_OS_H

#include "runtime.h"

/* Start-up, on the main thread before anything else: page size, CPU
   count, anything the layer must probe once.  */
void runtime_osinit (void) HIDDEN;
extern uintptr runtime_physpagesize HIDDEN;

/* Output and exit; any thread, async-signal-safe.  */
intgo runtime_write (int fd, const void *p, intgo n) HIDDEN;
void runtime_exitprocess (int32_t code) NORETURN HIDDEN;

/* Number of CPUs this process may run on.  */
int32_t runtime_getncpu (void) HIDDEN;

/* Memory; any thread.  sysalloc returns zeroed, committed memory or NULL.
   sysreserve takes address space without committing it; sysmap commits
   part of a reservation; sysunused tells the OS it may drop the pages
   (they read back as zero); sysfree returns them.  */
void *runtime_sysalloc (uintptr n) HIDDEN;
void *runtime_sysreserve (void *hint, uintptr n) HIDDEN;
int runtime_sysmap (void *p, uintptr n) HIDDEN;
void runtime_sysunused (void *p, uintptr n) HIDDEN;
void runtime_sysfree (void *p, uintptr n) HIDDEN;

/* Time; any thread.  nanotime is monotonic; walltime is Unix time.  */
int64_t runtime_nanotime (void) HIDDEN;
int64_t runtime_walltime (int32_t *nsec) HIDDEN;

/* Up to N random bytes from the OS into P (fewer, or none, leave the
   rest as it was); any thread.  */
void runtime_getrandom (void *p, uintptr n) HIDDEN;

/* Stacks (os/posix/stack_posix.c serves every layer).  mainstacksize:
   how far the main thread's stack may grow (RLIMIT_STACK), 0 if
   unlimited or unknown; main thread, at start-up.  sysguard: make N
   bytes at P inaccessible (a guard zone); any thread.
   stack_fault_install: route SIGSEGV/SIGBUS on an alternate stack to
   runtime_stack_fault; main thread, at start-up.  */
uintptr runtime_mainstacksize (void) HIDDEN;
int runtime_sysguard (void *p, uintptr n) HIDDEN;
/* sysresident: whether any page of the N bytes at P (page aligned) is
   in memory, i.e. was ever touched since it was mapped; any thread.  */
_Bool runtime_sysresident (void *p, uintptr n) HIDDEN;
/* syssmallpages: keep the N bytes at P in base pages (no transparent
   huge pages), so that touching one page makes only it resident.  */
void runtime_syssmallpages (void *p, uintptr n) HIDDEN;

/* Threads.  newosproc starts a detached OS thread running FN (ARG) and
   returns 0, or an errno; any thread.  minit runs first thing on every
   new thread (and on the main thread), before it runs Go code: per-thread
   set-up such as signal stacks.  */
int runtime_newosproc (void *(*fn) (void *), void *arg) HIDDEN;
void runtime_minit (void) HIDDEN;
/* The calling thread, as runtime_signalM addresses it (M.osthread);
   any thread, C code's own too.  */
uintptr runtime_osthread_self (void) HIDDEN;
/* The bounds [*LO, *HI) of the calling thread's stack, which any code
   (C code's own threads too) may ask for; 0 if they are known, -1 if
   not.  Must not allocate or need an M.  */
int runtime_threadstack (uintptr *lo, uintptr *hi) HIDDEN;

/* Sleeping and waking on a word, futex style; any thread.  futexsleep
   sleeps while *ADDR == VAL, for at most NS nanoseconds (NS < 0:
   forever); it may return early or spuriously.  futexwakeup wakes at
   least one of, and at most CNT, sleepers on ADDR.  */
void runtime_futexsleep (uint32_t *addr, uint32_t val, int64_t ns) HIDDEN;
void runtime_futexwakeup (uint32_t *addr, uint32_t cnt) HIDDEN;

/* Yield the CPU to another thread; any thread.  */
void runtime_osyield_os (void) HIDDEN;

/* Die by signal SIG with its default action (a core dump, or the
   shell's 128+SIG); any thread.  */
void runtime_raise_default (int sig) NORETURN HIDDEN;

/* Map the running executable's file read-only, for symtab.c; any
   thread, async-signal-safe.  Returns its address and sets *SIZE and
   *LOADED_PHDR (where its program headers are in memory, 0 if not
   known), or returns NULL.  */
const void *runtime_mapexe (uintptr *size, uintptr *loaded_phdr) HIDDEN;
/* os/posix/os_posix.c's help for it: map the file at PATH read-only and
   set *SIZE, or return NULL; async-signal-safe.  */
const void *runtime_mapfile (const char *path, uintptr *size) HIDDEN;

#endif /* LIBRUNTIME_OS_H */
