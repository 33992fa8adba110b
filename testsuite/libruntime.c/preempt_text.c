// run

/* White-box test of where forced preemption may park a thread
   (sigpreempt.h, runtime_pc_preemptible): anywhere in the program's
   own code (this file is program code), nowhere in libruntime's:
   runtime_text_begin opens the runtime's code in the link and nothing
   of the runtime lies below it.  The functions checked come from the
   first member of the archive (start.c: main), the middle (malloc.c,
   sigpreempt.c, the context switch) and the OS layer at its end.
   Nor in what GNU ld puts before the program's .text: .init and the
   PLT, whose stubs the runtime's calls into libc go through (a thread
   parked in pthread_create's stub, inside newm, once deadlocked a
   collection); their bounds come from the executable's own section
   headers.  */
#include <elf.h>
#include <stdint.h>
#include <string.h>
#include "lrt_ctest.h"
#include "runtime.h"
#include "elfclass.h"
#include "sigpreempt.h"
#include "malloc.h"
#include "proc.h"

int main (int, char **);

static uintptr
addr (void (*f) (void))
{
  return (uintptr) f & ~(uintptr) 1;   /* no Thumb bit */
}


/* Every address of the sections before .text that hold code: none is
   preemptible.  Returns how many sections it checked.  */
static int
check_before_text (void)
{
  uintptr size = 0, phdr = 0;
  const uint8_t *f = runtime_mapexe (&size, &phdr);
  CHECK (f != NULL && size >= sizeof (Ehdr));
  Ehdr eh;
  memcpy (&eh, f, sizeof eh);
  CHECK (eh.e_shoff + (uintptr) eh.e_shnum * sizeof (Shdr) <= size);
  /* The load bias, from where _start is against the entry point.  */
  uintptr bias = ((uintptr) _start & ~(uintptr) 1)
                 - ((uintptr) eh.e_entry & ~(uintptr) 1);
  Shdr names;
  memcpy (&names, f + eh.e_shoff + eh.e_shstrndx * sizeof (Shdr), sizeof names);
  int checked = 0;
  for (unsigned i = 0; i < eh.e_shnum; i++)
    {
      Shdr sh;
      memcpy (&sh, f + eh.e_shoff + i * sizeof (Shdr), sizeof sh);
      const char *name = (const char *) f + names.sh_offset + sh.sh_name;
      if (strcmp (name, ".init") != 0 && strncmp (name, ".plt", 4) != 0
          && strcmp (name, ".iplt") != 0)
        continue;
      CHECK (sh.sh_addr + bias < (uintptr) _start);
      for (uintptr a = sh.sh_addr; a < sh.sh_addr + sh.sh_size; a += 2)
        CHECK (!runtime_pc_preemptible (a + bias));
      checked++;
    }
  return checked;
}

static void
test (void)
{
  CHECK (_start != NULL);
  CHECK (check_before_text () >= 2);      /* .init and .plt at least */
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
