/* elfclass.h: the ELF structures of this arch's class (32 or 64 bit)
   under class-free names, for code that reads the executable's own
   headers (symtab.c, and white-box tests).  */
#ifndef LIBRUNTIME_ELFCLASS_H
#define LIBRUNTIME_ELFCLASS_H

#include <elf.h>

#include "runtime.h"

#if ARCH_PTRSIZE == 8
typedef Elf64_Ehdr Ehdr;
typedef Elf64_Shdr Shdr;
typedef Elf64_Phdr Phdr;
typedef Elf64_Sym Sym;
#define SYM_TYPE ELF64_ST_TYPE
#define ELF_CLASS ELFCLASS64
#else
typedef Elf32_Ehdr Ehdr;
typedef Elf32_Shdr Shdr;
typedef Elf32_Phdr Phdr;
typedef Elf32_Sym Sym;
#define SYM_TYPE ELF32_ST_TYPE
#define ELF_CLASS ELFCLASS32
#endif

#endif
