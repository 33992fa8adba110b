/* start.c: program start as gccgo-compiled programs expect it.

   main() (which libgo keeps in libgobegin) saves the arguments, probes
   the OS, sets up the bootstrap M and G and runs the program:
   __go_init_main (type registration, package initialisers in dependency
   order, main's own init functions), then main.main, then exit(0)
   whatever other goroutines still exist.  */
#include <stdlib.h>

#include "runtime.h"
#include "os.h"
#include "stack.h"

extern void go_init_main (void) GOSYM ("__go_init_main");
extern void go_main_main (void) GOSYM ("main.main");

__thread G *runtime_g_tls;
__thread M *runtime_m_tls;

int32_t runtime_ncpu_value GOSYM ("runtime.ncpu");

static M m0;                    /* the main thread's M */
static G g0;                    /* the main goroutine (goid 1) */

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

static void
bootstrap (void *sp)
{
  m0.id = 0;
  m0.g0 = &g0;
  m0.curg = &g0;
  g0.goid = 1;
  g0.m = &m0;
  runtime_m_tls = &m0;
  runtime_g_tls = &g0;
}

int
main (int argc, char **argv)
{
  runtime_args (argc, argv);
  bootstrap (&argc);
  runtime_osinit ();
  runtime_stackinit (&g0, (uintptr) &argc);
  runtime_ncpu_value = runtime_getncpu ();
  go_init_main ();
  go_main_main ();
  runtime_exit (0);
}
