/* procapi.c: package runtime's scheduling functions as Go code calls
   them, including the internal symbols that runtime.gox's inlinable
   bodies of Gosched, NumGoroutine and NumCPU reference (ABI doc 5.3).  */
#include "proc.h"
#include "os.h"

/* runtime.mcall(fn): run the func value FN with the current G on the
   scheduler stack (the inlined Gosched passes gosched__m..f).  */
static __thread const FuncVal *mcall_fv TLS_IE;

static void
mcall_funcval (G *gp)
{
  const FuncVal *fv = mcall_fv;
  mcall_fv = NULL;
  ((void (*) (G *)) fv->code) (gp);
}

void runtime_mcall_go (const FuncVal *fn) GOSYM ("runtime.mcall");
void
runtime_mcall_go (const FuncVal *fn)
{
  mcall_fv = fn;
  runtime_mcall (mcall_funcval);
}

void runtime_Gosched (void) GOSYM ("runtime.Gosched");
void
runtime_Gosched (void)
{
  runtime_gosched ();
}

/* The inlined Gosched calls mcall(gosched_m): by then GP is switched
   out, and gosched_m queues it as runtime_gosched does.  */
const FuncVal runtime_gosched_m_f GOSYM ("runtime.gosched__m..f")
  = { (void (*) (void)) runtime_gosched_requeue };

void runtime_osyield (void) GOSYM ("runtime.osyield");
void
runtime_osyield (void)
{
  runtime_osyield_os ();
}

/* System goroutines NumGoroutine should wait for: libruntime starts
   none, so this stays 0.  */
uint32_t runtime_expectedSystemGoroutines GOSYM ("runtime.expectedSystemGoroutines");

intgo runtime_NumGoroutine (void) GOSYM ("runtime.NumGoroutine");
intgo
runtime_NumGoroutine (void)
{
  return runtime_gcount ();
}

intgo runtime_NumCPU (void) GOSYM ("runtime.NumCPU");
intgo
runtime_NumCPU (void)
{
  return runtime_ncpu_value;
}

/* runtime.block: select {} and a select on only nil channels.  */
void runtime_block (void) GOSYM ("runtime.block");
void
runtime_block (void)
{
  runtime_gopark (NULL, NULL, "select (no cases)");
  runtime_throw ("unreachable: block returned");
}
