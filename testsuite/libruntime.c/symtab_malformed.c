// run
// timeout: 300

/* White-box test of the symbol and line reader (libruntime/symtab.c):
   malformed tables mean "not known", never a crash or a read outside
   the file.  The test reads its own executable, checks that the
   pristine image answers for its own code, then, many times over,
   damages a copy (random bytes, lengths and offsets set to huge values
   in .debug_line, .debug_info, .debug_abbrev, .debug_rnglists, .symtab,
   .strtab and the ELF headers, or the file cut short) and asks about
   every address of the text, its inlined calls (inline.c) among them.  The copy ends at a guard page, so a read past its end
   faults.  */
#include <elf.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lrt_ctest.h"
#include "runtime.h"
#include "elfclass.h"
#include "symtab.h"
#include "traceback.h"


static uint32_t seed = 12345;

static uint32_t
rnd (void)
{
  seed = seed * 1103515245 + 12345;
  return seed >> 8;
}

/* A section of the image by name: offset and size.  */
static int
section (const uint8_t *img, const char *want, uintptr *off, uintptr *size)
{
  const Ehdr *eh = (const Ehdr *) img;
  const Shdr *sh = (const Shdr *) (img + eh->e_shoff);
  const char *names = (const char *) img + sh[eh->e_shstrndx].sh_offset;
  for (int i = 0; i < eh->e_shnum; i++)
    if (strcmp (names + sh[i].sh_name, want) == 0)
      {
        *off = sh[i].sh_offset;
        *size = sh[i].sh_size;
        return 1;
      }
  return 0;
}

/* Room for the image followed by an inaccessible page.  */
static uint8_t *
guarded (uintptr size, uint8_t **base, uintptr *total)
{
  uintptr page = (uintptr) sysconf (_SC_PAGESIZE);
  uintptr n = (size + page - 1) / page * page;
  *total = n + page;
  *base = mmap (NULL, *total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  CHECK (*base != MAP_FAILED);
  CHECK (mprotect (*base + n, page, PROT_NONE) == 0);
  return *base + n - size;     /* the last byte touches the guard */
}

/* Returns how many of the addresses asked are in inlined code.  */
static int
ask_everything (uintptr lo, uintptr hi, uintptr step)
{
  int inlined = 0;
  for (uintptr pc = lo; pc < hi; pc += step)
    {
      const char *name;
      uintptr entry;
      SrcPos pos;
      FrameInfo fi;
      char path[256];
      if (runtime_symtab_func (pc, &name, &entry))
        CHECK (entry <= pc && name != NULL);
      if (runtime_symtab_line (pc, &pos))
        {
          CHECK (pos.file != NULL);
          runtime_srcpos_path (&pos, path, sizeof path);
        }
      runtime_frameinfo (pc + 1, &fi);
      InlinedCall calls[MaxInlined];
      int n = runtime_symtab_inlined (pc, calls, MaxInlined);
      CHECK (n >= 0 && n <= MaxInlined);
      inlined += n > 0;
      for (int i = 0; i < n; i++)
        if (calls[i].has_call)
          runtime_srcpos_path (&calls[i].call, path, sizeof path);
      FrameIter it;
      memset (&it, 0, sizeof it);
      if (runtime_frameiter_next (&it, pc + 1))
        while (runtime_frameiter_more (&it))
          CHECK (it.level <= it.ncalls);
    }
  runtime_symtab_addr ("main.main");
  return inlined;
}

static void __attribute__ ((noinline, used))
test (void)
{
  int fd = open ("/proc/self/exe", O_RDONLY);
  CHECK (fd >= 0);
  struct stat st;
  CHECK (fstat (fd, &st) == 0);
  uintptr size = (uintptr) st.st_size;
  uint8_t *orig = malloc (size);
  CHECK (orig != NULL && read (fd, orig, size) == (ssize_t) size);
  close (fd);

  uintptr text_off, text_size;
  CHECK (section (orig, ".text", &text_off, &text_size));
  const Ehdr *eh = (const Ehdr *) orig;
  const Shdr *sh = (const Shdr *) (orig + eh->e_shoff);
  uintptr text_addr = 0;
  for (int i = 0; i < eh->e_shnum; i++)
    if (sh[i].sh_offset == text_off && sh[i].sh_size == text_size)
      text_addr = sh[i].sh_addr;

  /* The pristine image knows this very function and its file.  */
  uint8_t *base;
  uintptr total;
  uint8_t *img = guarded (size, &base, &total);
  memcpy (img, orig, size);
  runtime_symtab_use_image (img, size);
  uintptr self = runtime_symtab_addr ("test");
  CHECK (self != 0);
  const char *name;
  uintptr entry;
  SrcPos pos;
  CHECK (runtime_symtab_func (self + 4, &name, &entry) && strcmp (name, "test") == 0);
  CHECK (runtime_symtab_line (self + 4, &pos));
  CHECK (strstr (pos.file, "symtab_malformed.c") != NULL);
  /* The runtime, built with -O2, has inlined calls for the reader to
     find.  */
  CHECK (ask_everything (text_addr, text_addr + text_size, 61) > 0);
  munmap (base, total);

  static const char *const targets[] = {
    ".debug_line", ".debug_info", ".debug_abbrev", ".symtab", ".strtab",
    ".debug_line_str", ".debug_str", ".debug_rnglists", NULL,
  };
  for (int iter = 0; iter < 120; iter++)
    {
      uintptr cut = iter % 10 == 9 ? rnd () % size : size;
      img = guarded (cut, &base, &total);
      memcpy (img, orig, cut);
      const char *t = targets[iter % 8];
      uintptr off, len;
      if (iter % 11 == 10)
        {
          off = 0;             /* the ELF and section headers */
          len = sizeof (Ehdr);
          if (iter % 2)
            off = eh->e_shoff, len = (uintptr) eh->e_shnum * sizeof (Shdr);
        }
      else if (!section (orig, t, &off, &len) || len == 0)
        off = 0, len = 64;
      int hits = 1 + (int) (rnd () % 64);
      for (int h = 0; h < hits; h++)
        {
          uintptr at = off + rnd () % len;
          if (rnd () % 4 == 0 && at + 4 <= cut)
            memset (img + at, 0xff, 4);        /* a huge length/offset */
          else if (at < cut)
            img[at] = (uint8_t) rnd ();
        }
      runtime_symtab_use_image (img, cut);
      ask_everything (text_addr, text_addr + text_size, 61);
      munmap (base, total);
    }
  fprintf (stderr, "ok\n");
}

LRT_MAIN (test)
