/* pkgruntime.c: the remaining functions and variables of package
   runtime that user programs call (ABI doc 5.1), and the two
   runtime.def entries no Linux program reaches in normal builds
   (eqtype, __go_fieldtrack).  Profiling is not implemented: the
   profile rates are recorded and reported back, nothing samples.  */
#include "runtime.h"

/* runtime.MemProfileRate: bytes between memory-profile samples, which
   programs may set (chan/select2.go of the Go test suite sets 0).
   Nothing reads it.  */
intgo runtime_MemProfileRate GOSYM ("runtime.MemProfileRate") = 512 * 1024;

/* runtime.Breakpoint: a trap instruction, as libgo's (SIGILL on x86 and
   arm: __builtin_trap is ud2 / udf); under a debugger it stops there.  */
void runtime_Breakpoint (void) GOSYM ("runtime.Breakpoint");
void
runtime_Breakpoint (void)
{
  __builtin_trap ();
}

/* The variables and helpers that the inlinable bodies of Version,
   GOROOT, SetBlockProfileRate and SetMutexProfileFraction in runtime.gox
   reference when gccgo inlines them (ABI doc 5.3): the functions below
   do exactly what those bodies do, so inlined or not they agree.  */

/* The Go release whose language gccgo-12 implements (libgo of Debian's
   gccgo-12 answers "unknown": its build stamps no version).  */
static const char go_version[] = "go1.18";
String runtime_buildVersion GOSYM ("runtime.buildVersion")
  = { (const uint8_t *) go_version, sizeof go_version - 1 };

/* GOROOT when $GOROOT is unset: the prefix gccgo-12 is installed in, as
   libgo's defaultGOROOT.  */
static const char default_goroot[] = "/usr";
String runtime_defaultGOROOT GOSYM ("runtime.defaultGOROOT")
  = { (const uint8_t *) default_goroot, sizeof default_goroot - 1 };

/* Block-profile rate in ticks, mutex-profile fraction: set, read back,
   never sampled.  */
uint64_t runtime_blockprofilerate GOSYM ("runtime.blockprofilerate");
uint64_t runtime_mutexprofilerate GOSYM ("runtime.mutexprofilerate");

String runtime_Version (void) GOSYM ("runtime.Version");
String
runtime_Version (void)
{
  return runtime_buildVersion;
}

/* gogetenv(key): the environment variable KEY, "" if unset.  */
String runtime_gogetenv (String key) GOSYM ("runtime.gogetenv");
String
runtime_gogetenv (String key)
{
  char name[256];
  if (key.len <= 0 || (uintptr) key.len >= sizeof name)
    return (String) { NULL, 0 };
  memcpy (name, key.str, key.len);
  name[key.len] = 0;
  return runtime_getenv (name);
}

String runtime_GOROOT (void) GOSYM ("runtime.GOROOT");
String
runtime_GOROOT (void)
{
  String s = runtime_getenv ("GOROOT");
  return s.len != 0 ? s : runtime_defaultGOROOT;
}

/* Ticks are nanoseconds here (runtime_nanotime).  */
int64_t runtime_tickspersecond (void) GOSYM ("runtime.tickspersecond");
int64_t
runtime_tickspersecond (void)
{
  return 1000000000;
}

/* RATE in nanoseconds of blocking per sample; <= 0 disables, 1 records
   every event.  */
void runtime_SetBlockProfileRate (intgo rate) GOSYM ("runtime.SetBlockProfileRate");
void
runtime_SetBlockProfileRate (intgo rate)
{
  int64_t r = rate <= 0 ? 0 : rate == 1 ? 1
              : (int64_t) ((double) rate * (double) runtime_tickspersecond () / 1e9);
  if (rate > 1 && r == 0)
    r = 1;
  __atomic_store_n (&runtime_blockprofilerate, (uint64_t) r, __ATOMIC_SEQ_CST);
}

/* A negative rate only reads the current one.  */
intgo runtime_SetMutexProfileFraction (intgo rate)
  GOSYM ("runtime.SetMutexProfileFraction");
intgo
runtime_SetMutexProfileFraction (intgo rate)
{
  if (rate < 0)
    return (intgo) __atomic_load_n (&runtime_mutexprofilerate, __ATOMIC_SEQ_CST);
  return (intgo) __atomic_exchange_n (&runtime_mutexprofilerate, (uint64_t) rate,
                                      __ATOMIC_SEQ_CST);
}

/* runtime/internal/atomic.Store64, which the inlined
   SetBlockProfileRate calls on 32-bit targets (64-bit ones expand it).  */
void runtime_internal_atomic_Store64 (uint64_t *p, uint64_t v)
  GOSYM ("runtime_1internal_1atomic.Store64");
void
runtime_internal_atomic_Store64 (uint64_t *p, uint64_t v)
{
  __atomic_store_n (p, v, __ATOMIC_SEQ_CST);
}

/* runtime.eqtype: type identity where descriptors of one type may be
   distinct objects (the compiler emits calls only on targets that cannot
   merge them, AIX; on Linux it compares the pointers inline).  Same
   kind, same hash and same reflection string.  */
_Bool runtime_eqtype (const Type *a, const Type *b) GOSYM ("runtime.eqtype");
_Bool
runtime_eqtype (const Type *a, const Type *b)
{
  if (a == b)
    return 1;
  if (a == NULL || b == NULL)
    return 0;
  if ((a->kind & KindMask) != (b->kind & KindMask) || a->hash != b->hash)
    return 0;
  return a->string->len == b->string->len
         && memcmp (a->string->str, b->string->str, a->string->len) == 0;
}

/* __go_fieldtrack: called with "fieldtrack \"pkg.type.field\"" by code
   compiled with field tracking (a build experiment); the strings are
   what matters, in the binary's read-only data, so there is nothing to
   do here.  */
void runtime_go_fieldtrack (const void *name) GOSYM ("__go_fieldtrack");
void
runtime_go_fieldtrack (const void *name __attribute__ ((unused)))
{
}
