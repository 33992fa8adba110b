/* symtab.c: code addresses to function names (ELF .symtab) and to
   file:line (DWARF .debug_line, versions 2 to 5 as gcc-12 and gas
   write them), read from the executable file itself.

   The executable is mapped read-only on the first question; the symbol
   table is searched linearly (a traceback asks a few dozen questions),
   and the line programs are run once to learn the address range each
   covers, after which a question runs only the programs whose range
   holds the address.  Every read goes through a Cursor (dwarf.h) that
   stops at the end of its table: malformed data leaves the cursor
   "bad", and the answer is "not known".  */
#include <elf.h>
#include <string.h>

#include "dwarf.h"
#include "elfclass.h"
#include "os.h"


/* The line program of one compilation unit and the addresses its rows
   cover (lo == hi: none).  */
typedef struct LineUnit {
  uintptr off;               /* of its header in .debug_line */
  uintptr lo, hi;            /* file addresses, not relocated */
  const char *comp_dir;      /* DW_AT_comp_dir of its unit, or NULL */
} LineUnit;

/* The executable as this file sees it.  Invariant: written only by the
   reader of once (dwarf.h), read by anyone once it is ready.  */
static struct {
  Once once;
  Span file;
  uintptr bias;              /* load address minus file address */
  Span symtab, strtab;
  Span line, line_str, str, info, abbrev, rnglists, ranges;
  LineUnit *units;
  uintptr nunits;
  DwarfSections dwarf;       /* the sections above, for inline.c */
} exe;

/* ---- The ELF file.  */

static Span
file_range (uint64_t off, uint64_t len)
{
  Span s = { NULL, 0 };
  if (off <= exe.file.len && len <= exe.file.len - off)
    s.p = exe.file.p + off, s.len = len;
  return s;
}

static void
read_sections (uintptr loaded_phdr)
{
  Cursor c = cursor (exe.file, 0);
  Ehdr eh;
  if (exe.file.len < sizeof eh)
    return;
  memcpy (&eh, exe.file.p, sizeof eh);
  if (memcmp (eh.e_ident, ELFMAG, SELFMAG) != 0
      || eh.e_ident[EI_CLASS] != ELF_CLASS || eh.e_shentsize != sizeof (Shdr)
      || eh.e_phentsize != sizeof (Phdr))
    return;
  (void) c;

  /* The load bias: where the program headers are against where the
     file says they go.  */
  exe.bias = 0;
  for (unsigned i = 0; i < eh.e_phnum; i++)
    {
      Span ph = file_range (eh.e_phoff + (uint64_t) i * sizeof (Phdr), sizeof (Phdr));
      if (ph.p == NULL)
        return;
      Phdr h;
      memcpy (&h, ph.p, sizeof h);
      if (h.p_type == PT_PHDR && loaded_phdr != 0)
        exe.bias = loaded_phdr - h.p_vaddr;
      else if (h.p_type == PT_LOAD && h.p_offset == 0 && loaded_phdr != 0
               && exe.bias == 0)
        exe.bias = loaded_phdr - (h.p_vaddr + eh.e_phoff);
    }

  Span shs = file_range (eh.e_shoff, (uint64_t) eh.e_shnum * sizeof (Shdr));
  if (shs.p == NULL || eh.e_shstrndx >= eh.e_shnum)
    return;
  Shdr sh[1];
  memcpy (sh, shs.p + eh.e_shstrndx * sizeof (Shdr), sizeof (Shdr));
  Span names = file_range (sh->sh_offset, sh->sh_size);
  Span dynsym = { 0, 0 }, dynstr = { 0, 0 };
  for (unsigned i = 0; i < eh.e_shnum; i++)
    {
      Shdr s;
      memcpy (&s, shs.p + i * sizeof (Shdr), sizeof s);
      const char *name = str_at (names, s.sh_name);
      if (name == NULL || s.sh_type == SHT_NOBITS)
        continue;
      Span data = file_range (s.sh_offset, s.sh_size);
      Span link = { 0, 0 };
      if (s.sh_link < eh.e_shnum)
        {
          Shdr l;
          memcpy (&l, shs.p + s.sh_link * sizeof (Shdr), sizeof l);
          link = file_range (l.sh_offset, l.sh_size);
        }
      if (s.sh_type == SHT_SYMTAB)
        exe.symtab = data, exe.strtab = link;
      else if (s.sh_type == SHT_DYNSYM)
        dynsym = data, dynstr = link;
      else if (strcmp (name, ".debug_line") == 0)
        exe.line = data;
      else if (strcmp (name, ".debug_line_str") == 0)
        exe.line_str = data;
      else if (strcmp (name, ".debug_str") == 0)
        exe.str = data;
      else if (strcmp (name, ".debug_info") == 0)
        exe.info = data;
      else if (strcmp (name, ".debug_abbrev") == 0)
        exe.abbrev = data;
      else if (strcmp (name, ".debug_rnglists") == 0)
        exe.rnglists = data;
      else if (strcmp (name, ".debug_ranges") == 0)
        exe.ranges = data;
    }
  if (exe.symtab.p == NULL)
    exe.symtab = dynsym, exe.strtab = dynstr;
}

static void line_index (void);

static void
share_dwarf (void)
{
  exe.dwarf = (DwarfSections) { exe.info, exe.abbrev, exe.str, exe.line_str,
                                exe.rnglists, exe.ranges, exe.bias };
}

/* Map and index the executable once; 0 if it cannot be read now (a
   fault while reading it).  */
static _Bool
exe_ready (void)
{
  switch (once_claim (&exe.once))
    {
    case OnceReady:
      return 1;
    case OnceUnread:
      return 0;
    default:
      break;
    }
  uintptr size = 0, phdr = 0;
  const void *p = runtime_mapexe (&size, &phdr);
  if (p != NULL)
    {
      exe.file = (Span) { p, size };
      read_sections (phdr);
      line_index ();
      share_dwarf ();
    }
  once_publish (&exe.once);
  return 1;
}

/* ---- Symbols.  */

static _Bool
is_code (const Sym *s)
{
  int t = SYM_TYPE (s->st_info);
  return (t == STT_FUNC || t == STT_GNU_IFUNC) && s->st_shndx != SHN_UNDEF;
}

static uintptr
sym_value (const Sym *s)
{
  uintptr v = (uintptr) s->st_value;
#ifdef __arm__
  if (SYM_TYPE (s->st_info) == STT_FUNC)
    v &= ~(uintptr) 1;         /* the Thumb bit */
#endif
  return v;
}

_Bool
runtime_symtab_func (uintptr pc, const char **name, uintptr *entry)
{
  if (!exe_ready () || exe.symtab.p == NULL)
    return 0;
  uintptr addr = pc - exe.bias;
  uintptr nsym = exe.symtab.len / sizeof (Sym);
  const Sym *best = NULL;
  for (uintptr i = 0; i < nsym; i++)
    {
      Sym s;
      memcpy (&s, exe.symtab.p + i * sizeof (Sym), sizeof s);
      if (!is_code (&s))
        continue;
      uintptr v = sym_value (&s);
      if (v > addr || (s.st_size != 0 && addr - v >= s.st_size))
        continue;
      if (s.st_size == 0 && best != NULL)
        continue;              /* sized symbols win over bare labels */
      Sym b;
      if (best != NULL)
        {
          memcpy (&b, best, sizeof b);
          if (b.st_size != 0 && sym_value (&b) >= v)
            continue;
        }
      if (str_at (exe.strtab, s.st_name) == NULL)
        continue;
      best = (const Sym *) (exe.symtab.p + i * sizeof (Sym));
    }
  if (best == NULL)
    return 0;
  Sym b;
  memcpy (&b, best, sizeof b);
  *name = str_at (exe.strtab, b.st_name);
  *entry = sym_value (&b) + exe.bias;
  return 1;
}

uintptr
runtime_symtab_addr (const char *want)
{
  if (!exe_ready () || exe.symtab.p == NULL)
    return 0;
  uintptr nsym = exe.symtab.len / sizeof (Sym);
  for (uintptr i = 0; i < nsym; i++)
    {
      Sym s;
      memcpy (&s, exe.symtab.p + i * sizeof (Sym), sizeof s);
      if (s.st_shndx == SHN_UNDEF)
        continue;
      const char *n = str_at (exe.strtab, s.st_name);
      if (n != NULL && strcmp (n, want) == 0)
        return sym_value (&s) + exe.bias;
    }
  return 0;
}

/* ---- Line programs.  */

enum {
  DW_LNS_copy = 1, DW_LNS_advance_pc, DW_LNS_advance_line, DW_LNS_set_file,
  DW_LNS_set_column, DW_LNS_negate_stmt, DW_LNS_set_basic_block,
  DW_LNS_const_add_pc, DW_LNS_fixed_advance_pc,
  DW_LNE_end_sequence = 1, DW_LNE_set_address = 2, DW_LNE_define_file = 3,
  DW_LNCT_path = 1, DW_LNCT_directory_index = 2,
};

/* The header of one line program, as far as rows need it.  */
typedef struct LineHeader {
  unsigned version;
  _Bool dwarf64;
  unsigned addr_size;
  uint8_t min_inst, default_is_stmt, line_range, opcode_base;
  int8_t line_base;
  const uint8_t *std_lengths;  /* opcode_base - 1 entries */
  Cursor dirs;                 /* start of the directory table */
  Cursor files;                /* start of the file table */
  Cursor program;              /* the opcodes, to end */
  /* Version 5: the entry formats of the two tables.  */
  Cursor dir_format, file_format;
  uint8_t ndir_format, nfile_format;
  uint64_t ndirs, nfiles;
  const char *comp_dir;        /* directory 0 before version 5 */
} LineHeader;

/* Read the header at OFF; *NEXT gets the offset of the next unit.  */
static _Bool
read_line_header (uintptr off, LineHeader *h, uintptr *next)
{
  memset (h, 0, sizeof *h);
  Cursor c = cursor (exe.line, off);
  uint64_t len = get_fixed (&c, 4);
  if (len == 0xffffffff)
    {
      h->dwarf64 = 1;
      len = get_fixed (&c, 8);
    }
  else if (len >= 0xfffffff0)
    return 0;
  if (c.bad || len > (uintptr) (c.end - c.p))
    return 0;
  const uint8_t *unit_end = c.p + len;
  *next = (uintptr) (unit_end - exe.line.p);
  c.end = unit_end;
  h->version = (unsigned) get_fixed (&c, 2);
  if (h->version < 2 || h->version > 5)
    return 0;
  h->addr_size = sizeof (uintptr);
  if (h->version >= 5)
    {
      h->addr_size = get_u8 (&c);
      get_u8 (&c);             /* segment selector size */
    }
  uint64_t hlen = get_fixed (&c, h->dwarf64 ? 8 : 4);
  if (c.bad || hlen > (uintptr) (c.end - c.p))
    return 0;
  h->program = c;
  h->program.p += hlen;
  h->min_inst = get_u8 (&c);
  if (h->version >= 4)
    get_u8 (&c);               /* maximum operations per instruction */
  h->default_is_stmt = get_u8 (&c);
  h->line_base = (int8_t) get_u8 (&c);
  h->line_range = get_u8 (&c);
  h->opcode_base = get_u8 (&c);
  if (c.bad || h->line_range == 0 || h->opcode_base == 0
      || (uintptr) (c.end - c.p) < (uintptr) h->opcode_base - 1)
    return 0;
  h->std_lengths = c.p;
  c.p += h->opcode_base - 1;
  if (h->version >= 5)
    {
      h->ndir_format = get_u8 (&c);
      h->dir_format = c;
      for (unsigned i = 0; i < 2u * h->ndir_format; i++)
        get_uleb (&c);
      h->ndirs = get_uleb (&c);
      h->dirs = c;
    }
  else
    h->dirs = c;
  return !c.bad && h->addr_size <= 8;
}

const char *
runtime_dwarf_form (Cursor *c, uint64_t form, _Bool dwarf64, unsigned addr_size,
           uint64_t *val)
{
  unsigned off_size = dwarf64 ? 8 : 4;
  uint64_t skip = 0;
  *val = 0;
  switch (form)
    {
    case DW_FORM_string: return get_cstr (c);
    case DW_FORM_line_strp: return str_at (exe.line_str, get_fixed (c, off_size));
    case DW_FORM_strp: return str_at (exe.str, get_fixed (c, off_size));
    case DW_FORM_udata: case 0x15: case 0x1a: case 0x1b: case 0x22: case 0x23:
      *val = get_uleb (c); return NULL;   /* ref_udata, strx, addrx, *listx */
    case 0x0d: *val = (uint64_t) get_sleb (c); return NULL;   /* sdata */
    case DW_FORM_data1: case 0x0c: case 0x11: case 0x25: case 0x29:
      *val = get_fixed (c, 1); return NULL;
    case DW_FORM_data2: case 0x12: case 0x26: case 0x2a:
      *val = get_fixed (c, 2); return NULL;
    case 0x27: case 0x2b: *val = get_fixed (c, 3); return NULL;
    case DW_FORM_data4: case 0x13: case 0x1c: case 0x28: case 0x2c:
      *val = get_fixed (c, 4); return NULL;
    case DW_FORM_data8: case 0x14: case 0x20:
      *val = get_fixed (c, 8); return NULL;
    case 0x17: case 0x10: case 0x1d:       /* sec_offset, ref_addr, strp_sup */
      *val = get_fixed (c, off_size); return NULL;
    case 0x01: *val = get_fixed (c, addr_size); return NULL;   /* addr */
    case DW_FORM_data16: skip = 16; break;
    case 0x19: case 0x21: return NULL;     /* flag_present, implicit_const */
    case DW_FORM_block: case 0x18: skip = get_uleb (c); break;  /* exprloc */
    case DW_FORM_block1: skip = get_fixed (c, 1); break;
    case 0x03: skip = get_fixed (c, 2); break;
    case 0x04: skip = get_fixed (c, 4); break;
    case 0x16: return runtime_dwarf_form (c, get_uleb (c), dwarf64, addr_size, val);
    default:
      c->bad = 1;
      return NULL;
    }
  if (skip > (uintptr) (c->end - c->p))
    c->bad = 1, c->p = c->end;
  else
    c->p += skip;
  return NULL;
}

/* One v5 entry (directory or file) in format FMT: its path and
   directory index.  */
static void
read_entry5 (Cursor *c, Cursor fmt, unsigned nfmt, _Bool dwarf64,
             const char **path, uint64_t *dir)
{
  *path = NULL;
  *dir = 0;
  for (unsigned i = 0; i < nfmt && !c->bad; i++)
    {
      uint64_t type = get_uleb (&fmt), form = get_uleb (&fmt), val;
      const char *s = runtime_dwarf_form (c, form, dwarf64, 8, &val);
      if (type == DW_LNCT_path)
        *path = s;
      else if (type == DW_LNCT_directory_index)
        *dir = val;
    }
  if (fmt.bad)
    c->bad = 1;
}

/* Directory number N of the program (v2-4: 1-based; 0 is the
   compilation directory, which only .debug_info knows: "").  */
static const char *
line_dir (const LineHeader *h, uint64_t n)
{
  Cursor c = h->dirs;
  if (h->version >= 5)
    {
      if (n >= h->ndirs)
        return NULL;
      for (uint64_t i = 0;; i++)
        {
          const char *path;
          uint64_t dir;
          read_entry5 (&c, h->dir_format, h->ndir_format, h->dwarf64, &path, &dir);
          if (c.bad)
            return NULL;
          if (i == n)
            return path;
        }
    }
  if (n == 0)
    return h->comp_dir != NULL ? h->comp_dir : "";
  for (uint64_t i = 1;; i++)
    {
      const char *s = get_cstr (&c);
      if (s == NULL || *s == 0)
        return NULL;
      if (i == n)
        return s;
    }
}

/* File number N of the program into POS.  */
static _Bool
line_file (const LineHeader *h, uint64_t n, SrcPos *pos)
{
  Cursor c = h->dirs;
  const char *path = NULL;
  uint64_t dir = 0;
  if (h->version >= 5)
    {
      for (uint64_t i = 0; i < h->ndirs && !c.bad; i++)
        read_entry5 (&c, h->dir_format, h->ndir_format, h->dwarf64, &path, &dir);
      uint8_t nfmt = get_u8 (&c);
      Cursor fmt = c;
      for (unsigned i = 0; i < 2u * nfmt; i++)
        get_uleb (&c);
      uint64_t nfiles = get_uleb (&c);
      if (c.bad || n >= nfiles)
        return 0;
      for (uint64_t i = 0; i <= n && !c.bad; i++)
        read_entry5 (&c, fmt, nfmt, h->dwarf64, &path, &dir);
    }
  else
    {
      while (!c.bad)           /* skip the directories */
        {
          const char *s = get_cstr (&c);
          if (s == NULL || *s == 0)
            break;
        }
      if (n == 0)
        return 0;
      for (uint64_t i = 1; i <= n && !c.bad; i++)
        {
          path = get_cstr (&c);
          if (path == NULL || *path == 0)
            return 0;
          dir = get_uleb (&c);
          get_uleb (&c);       /* modification time */
          get_uleb (&c);       /* length */
        }
    }
  if (c.bad || path == NULL)
    return 0;
  pos->file = path;
  pos->dir = line_dir (h, dir);
  return 1;
}

/* A row of the line table.  */
typedef struct Row {
  uintptr addr;
  uint64_t file;
  int64_t line;
} Row;

/* Run the program of H.  With WANT != NULL stop at the row covering
   *WANT and return it in *FOUND; always widen [*LO, *HI) to the rows'
   addresses.  Returns 1 if WANT was found.  */
static _Bool
run_line_program (const LineHeader *h, const uintptr *want, Row *found,
                  uintptr *lo, uintptr *hi)
{
  Cursor c = h->program;
  Row r = { 0, 1, 1 }, prev;
  _Bool have_prev = 0;
  while (c.p < c.end && !c.bad)
    {
      uint8_t op = get_u8 (&c);
      _Bool emit = 0, end_seq = 0;
      if (op >= h->opcode_base)
        {
          unsigned adj = op - h->opcode_base;
          r.addr += (uintptr) (adj / h->line_range) * h->min_inst;
          r.line += h->line_base + (int) (adj % h->line_range);
          emit = 1;
        }
      else if (op == 0)
        {
          uint64_t len = get_uleb (&c);
          if (c.bad || len == 0 || len > (uintptr) (c.end - c.p))
            return 0;
          Cursor e = { c.p, c.p + len, 0 };
          c.p += len;
          switch (get_u8 (&e))
            {
            case DW_LNE_end_sequence: emit = end_seq = 1; break;
            case DW_LNE_set_address:
              r.addr = (uintptr) get_fixed (&e, (unsigned) (len - 1 < 8 ? len - 1 : 8));
              break;
            default: break;    /* define_file, discriminator, vendor */
            }
        }
      else
        switch (op)
          {
          case DW_LNS_copy: emit = 1; break;
          case DW_LNS_advance_pc: r.addr += (uintptr) get_uleb (&c) * h->min_inst; break;
          case DW_LNS_advance_line: r.line += get_sleb (&c); break;
          case DW_LNS_set_file: r.file = get_uleb (&c); break;
          case DW_LNS_const_add_pc:
            r.addr += (uintptr) ((255 - h->opcode_base) / h->line_range) * h->min_inst;
            break;
          case DW_LNS_fixed_advance_pc: r.addr += (uintptr) get_fixed (&c, 2); break;
          default:
            for (unsigned i = 0; i < h->std_lengths[op - 1]; i++)
              get_uleb (&c);
            break;
          }
      if (!emit)
        continue;
      if (have_prev && want != NULL && prev.addr <= *want && *want < r.addr)
        {
          *found = prev;
          return 1;
        }
      if (r.addr != 0)
        {
          if (*lo == *hi)
            *lo = r.addr, *hi = r.addr + 1;
          if (r.addr < *lo)
            *lo = r.addr;
          if (r.addr >= *hi)
            *hi = r.addr + 1;
        }
      prev = r;
      have_prev = !end_seq;
      if (end_seq)
        {
          r = (Row) { 0, 1, 1 };
        }
    }
  return 0;
}

/* ---- .debug_info units and abbreviations.  */

_Bool
runtime_dwarf_abbrev_next (Cursor *a, Abbrev *ab)
{
  ab->code = get_uleb (a);
  if (ab->code == 0 || a->bad)
    return 0;
  ab->tag = get_uleb (a);
  ab->children = get_u8 (a) != 0;
  ab->specs = *a;
  uint64_t at, form;
  int64_t implicit;
  while (runtime_dwarf_spec_next (a, &at, &form, &implicit))
    ;
  return !a->bad;
}

_Bool
runtime_dwarf_spec_next (Cursor *specs, uint64_t *at, uint64_t *form,
                         int64_t *implicit)
{
  *at = get_uleb (specs);
  *form = get_uleb (specs);
  *implicit = *form == DW_FORM_implicit_const ? get_sleb (specs) : 0;
  return !(*at == 0 && *form == 0) && !specs->bad;
}

_Bool
runtime_dwarf_unit (uintptr off, UnitHeader *u, uintptr *next)
{
  memset (u, 0, sizeof *u);
  *next = exe.info.len;
  Cursor c = cursor (exe.info, off);
  uint64_t len = get_fixed (&c, 4);
  if (len == 0xffffffff)
    u->dwarf64 = 1, len = get_fixed (&c, 8);
  if (c.bad || len > (uintptr) (c.end - c.p))
    return 0;
  u->off = off;
  u->end = *next = (uintptr) (c.p - exe.info.p) + (uintptr) len;
  c.end = c.p + len;
  u->version = (unsigned) get_fixed (&c, 2);
  u->is_compile = 1;
  if (u->version >= 5)
    {
      uint8_t type = get_u8 (&c);
      u->addr_size = get_u8 (&c);
      u->abbrev_off = get_fixed (&c, u->dwarf64 ? 8 : 4);
      if (type == 4 || type == 6)      /* skeleton, split: an id */
        get_fixed (&c, 8);
      else if (type == 2 || type == 3) /* type units */
        u->is_compile = 0;
    }
  else
    {
      u->abbrev_off = get_fixed (&c, u->dwarf64 ? 8 : 4);
      u->addr_size = get_u8 (&c);
    }
  u->die = c;
  return !c.bad && u->version >= 2 && u->version <= 5 && u->addr_size <= 8
         && u->abbrev_off < exe.abbrev.len;
}

_Bool
runtime_dwarf_find_abbrev (uint64_t abbrev_off, uint64_t code, Abbrev *ab)
{
  Cursor a = cursor (exe.abbrev, (uintptr) abbrev_off);
  while (runtime_dwarf_abbrev_next (&a, ab))
    if (ab->code == code)
      return 1;
  return 0;
}

/* The first DIE of each compile unit: its DW_AT_stmt_list names its
   line program, whose directory 0 is its DW_AT_comp_dir before line
   table version 5.  */
static void
unit_comp_dir (const UnitHeader *u)
{
  Cursor c = u->die;
  Abbrev ab;
  if (!runtime_dwarf_find_abbrev (u->abbrev_off, get_uleb (&c), &ab))
    return;
  const char *dir = NULL;
  uint64_t stmt = (uint64_t) -1, at, form, val;
  int64_t implicit;
  while (runtime_dwarf_spec_next (&ab.specs, &at, &form, &implicit) && !c.bad)
    {
      const char *str = runtime_dwarf_form (&c, form, u->dwarf64, u->addr_size, &val);
      if (at == DW_AT_comp_dir)
        dir = str;
      else if (at == DW_AT_stmt_list)
        stmt = val;
    }
  if (dir == NULL || c.bad)
    return;
  for (uintptr i = 0; i < exe.nunits; i++)
    if (exe.units[i].off == stmt)
      exe.units[i].comp_dir = dir;
}

static void
comp_dirs (void)
{
  uintptr off = 0, next;
  UnitHeader u;
  for (; off < exe.info.len; off = next)
    if (runtime_dwarf_unit (off, &u, &next) && u.is_compile)
      unit_comp_dir (&u);
}

/* Learn the addresses each unit covers (once, from exe_ready).  */
static void
line_index (void)
{
  if (exe.line.p == NULL)
    return;
  uintptr n = 0, off = 0, next;
  LineHeader h;
  while (off < exe.line.len && read_line_header (off, &h, &next))
    n++, off = next;
  if (n == 0)
    return;
  LineUnit *u = runtime_sysalloc (n * sizeof *u);
  if (u == NULL)
    return;
  off = 0;
  for (uintptr i = 0; i < n; i++)
    {
      read_line_header (off, &h, &next);
      u[i].off = off;
      u[i].lo = u[i].hi = 0;
      run_line_program (&h, NULL, NULL, &u[i].lo, &u[i].hi);
      off = next;
    }
  exe.units = u;
  exe.nunits = n;
  comp_dirs ();
}

_Bool
runtime_symtab_line (uintptr pc, SrcPos *pos)
{
  if (!exe_ready () || exe.units == NULL)
    return 0;
  uintptr addr = pc - exe.bias;
  for (uintptr i = 0; i < exe.nunits; i++)
    {
      LineUnit *u = &exe.units[i];
      if (addr < u->lo || addr >= u->hi)
        continue;
      LineHeader h;
      uintptr next, lo = 0, hi = 0;
      Row row;
      if (!read_line_header (u->off, &h, &next)
          || !run_line_program (&h, &addr, &row, &lo, &hi))
        continue;
      h.comp_dir = u->comp_dir;
      if (row.line <= 0 || row.line > INT32_MAX || !line_file (&h, row.file, pos))
        continue;
      pos->line = (int32_t) row.line;
      return 1;
    }
  return 0;
}

const DwarfSections *
runtime_dwarf_sections (void)
{
  if (!exe_ready () || exe.info.p == NULL)
    return NULL;
  return &exe.dwarf;
}

_Bool
runtime_dwarf_file (uintptr line_off, uint64_t n, SrcPos *pos)
{
  if (!exe_ready ())
    return 0;
  LineHeader h;
  uintptr next;
  if (!read_line_header (line_off, &h, &next))
    return 0;
  for (uintptr i = 0; i < exe.nunits; i++)
    if (exe.units[i].off == line_off)
      h.comp_dir = exe.units[i].comp_dir;
  return line_file (&h, n, pos);
}

uintptr
runtime_srcpos_path (const SrcPos *pos, char *buf, uintptr size)
{
  uintptr n = 0;
  if (size == 0)
    return 0;
  const char *parts[3] = { NULL, NULL, pos->file };
  if (pos->file[0] != '/' && pos->dir != NULL && pos->dir[0] != 0)
    parts[0] = pos->dir, parts[1] = "/";
  for (int i = 0; i < 3; i++)
    for (const char *s = parts[i]; s != NULL && *s != 0 && n + 1 < size; s++)
      buf[n++] = *s;
  buf[n] = 0;
  return n;
}

void
runtime_symtab_use_image (const void *image, uintptr size)
{
  exe_ready ();                /* no reader left running */
  runtime_inline_forget ();
  memset (&exe, 0, sizeof exe);
  exe.file = (Span) { image, size };
  read_sections (0);
  exe.bias = 0;
  line_index ();
  share_dwarf ();
  once_publish (&exe.once);
}
