/* start.c: program start as gccgo-compiled programs expect it.

   main() (which libgo keeps in libgobegin) saves the arguments, probes
   the OS, sets up the scheduler on the main thread (m0 and its g0),
   creates the main goroutine and enters the scheduler.  The main
   goroutine runs runtime_main: __go_init_main (type registration,
   package initialisers in dependency order, main's init functions),
   then main.main, then exit(0) whatever other goroutines still exist.  */
#include <stdlib.h>

#include "runtime.h"
#include "os.h"
#include "proc.h"
#include "malloc.h"
#include "debug.h"

extern void go_init_main (void) GOSYM ("__go_init_main");
extern void go_main_main (void) GOSYM ("main.main");

/* The first code of this file, before any function (GCC emits
   top-level asm first): runtime_text_begin (sigpreempt.h).  */
__asm__ (".text\n"
         ".globl runtime_text_begin\n"
         ".hidden runtime_text_begin\n"
         "runtime_text_begin:\n");

__thread G *runtime_g_tls;
__thread M *runtime_m_tls;

#if ARCH_TLS_ADDRESS_CACHED
G *
runtime_g_slow (void)
{
  return runtime_g_tls;
}

M *
runtime_m_slow (void)
{
  return runtime_m_tls;
}
#endif

int32_t runtime_ncpu_value GOSYM ("runtime.ncpu");

static int argc0;
static char **argv0;
extern char **environ;

void
runtime_args (int argc, char **argv)
{
  argc0 = argc;
  argv0 = argv;
}

/* Value of environment variable NAME, or the empty string.  Reads the C
   environment directly: no copies on the start-up path.  */
String
runtime_getenv (const char *name)
{
  size_t n = strlen (name);
  for (char **e = environ; e != NULL && *e != NULL; e++)
    if (strncmp (*e, name, n) == 0 && (*e)[n] == '=')
      return runtime_gostringnocopy (*e + n + 1);
  return (String) { NULL, 0 };
}

void
runtime_exit (int32_t code)
{
  runtime_printflush ();
  runtime_exitprocess (code);
}

/* runtime.main: the main goroutine.  */
static void
runtime_main (void *arg)
{
  (void) arg;
  runtime_main_started ();
  go_init_main ();
  runtime_cgo_main_init_done ();
  /* Start-up and package initializers leave words in dead frames here,
     where main.main's frame goes; its slots that are not yet written
     would show them to the conservative scan of this stack for the
     program's whole life.  One such word kept a 1 MiB object alive in
     finalizer.go on arm, allocated where it pointed long after.  */
  runtime_gc_clearstack ();
  go_main_main ();
  runtime_exit (0);
}

int
main (int argc, char **argv)
{
  runtime_args (argc, argv);
  runtime_debuginit ();
  runtime_osinit ();
  runtime_ncpu_value = runtime_getncpu ();
  runtime_randinit ();
  runtime_schedinit ();
  runtime_newproc_main (runtime_main);
  runtime_mstart ();
}
