// run

/* White-box test of where forced preemption may park a thread
   (sigpreempt.h, runtime_pc_preemptible): anywhere in the program's
   own code (this file is program code), nowhere in libruntime's:
   runtime_text_begin opens the runtime's code in the link and nothing
   of the runtime lies below it.  The functions checked come from the
   first member of the archive (start.c: main), the middle (malloc.c,
   sigpreempt.c, the context switch) and the OS layer at its end.  */
#include <stdint.h>
#include "lrt_ctest.h"
#include "runtime.h"
#include "sigpreempt.h"
#include "malloc.h"
#include "proc.h"

int main (int, char **);

static uintptr
addr (void (*f) (void))
{
  return (uintptr) f & ~(uintptr) 1;   /* no Thumb bit */
}

static void
test (void)
{
  uintptr begin = (uintptr) runtime_text_begin;
  CHECK (runtime_pc_in_program (begin));
  CHECK (runtime_pc_preemptible (addr ((void (*) (void)) test)));
  CHECK (addr ((void (*) (void)) test) < begin);
  const uintptr runtime_code[] = {
    addr ((void (*) (void)) main),
    addr ((void (*) (void)) runtime_mallocgc),
    addr ((void (*) (void)) runtime_sigpreempt),
    addr ((void (*) (void)) runtime_sigpark),
    addr ((void (*) (void)) runtime_gosched),
    addr ((void (*) (void)) runtime_signalM),
    addr ((void (*) (void)) runtime_pc_in_program),
  };
  for (size_t i = 0; i < sizeof runtime_code / sizeof runtime_code[0]; i++)
    {
      CHECK (runtime_code[i] >= begin);
      CHECK (!runtime_pc_preemptible (runtime_code[i]));
      CHECK (!runtime_pc_preemptible (runtime_code[i] + 4));
    }
  printf ("ok\n");
  fflush (stdout);
}

LRT_MAIN (test)
