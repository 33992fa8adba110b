/* dwarf.h: reading the executable's DWARF, shared by the line reader
   (symtab.c) and the reader of inlined calls (inline.c).

   Every read goes through a Cursor that stops at the end of its table:
   malformed data leaves the cursor "bad", and the answer is "not
   known".  The sections are those of the mapped executable
   (symtab.c), valid once runtime_dwarf_sections has returned them.  */
#ifndef LIBRUNTIME_DWARF_H
#define LIBRUNTIME_DWARF_H

#include <string.h>

#include "runtime.h"
#include "symtab.h"
#include "leb128.h"
#include "os.h"

/* A byte range of the mapped file.  */
typedef struct Span {
  const uint8_t *p;
  uintptr len;
} Span;

typedef struct Cursor {
  const uint8_t *p, *end;
  _Bool bad;                 /* a read went past end, or data was invalid */
} Cursor;

static inline Cursor
cursor (Span s, uintptr off)
{
  Cursor c = { s.p, s.p + s.len, 0 };
  if (off > s.len)
    c.bad = 1, c.p = c.end;
  else
    c.p += off;
  return c;
}

static inline uint64_t
get_fixed (Cursor *c, unsigned n)
{
  if (c->bad || (uintptr) (c->end - c->p) < n)
    {
      c->bad = 1;
      c->p = c->end;
      return 0;
    }
  uint64_t v = 0;
  memcpy (&v, c->p, n);        /* little-endian targets only */
  c->p += n;
  return v;
}

static inline uint8_t get_u8 (Cursor *c) { return (uint8_t) get_fixed (c, 1); }

static inline uint64_t
get_leb (Cursor *c, _Bool is_signed)
{
  _Bool truncated = 0;
  if (c->bad)
    return 0;
  uint64_t v = leb128_decode (&c->p, c->end, is_signed, &truncated);
  if (truncated)
    c->bad = 1;
  return v;
}

static inline uint64_t get_uleb (Cursor *c) { return get_leb (c, 0); }
static inline int64_t get_sleb (Cursor *c) { return (int64_t) get_leb (c, 1); }

/* A NUL-terminated string at the cursor.  */
static inline const char *
get_cstr (Cursor *c)
{
  if (c->bad)
    return NULL;
  const uint8_t *nul = memchr (c->p, 0, (uintptr) (c->end - c->p));
  if (nul == NULL)
    {
      c->bad = 1;
      c->p = c->end;
      return NULL;
    }
  const char *s = (const char *) c->p;
  c->p = nul + 1;
  return s;
}

/* The string at OFF in a string section, or NULL.  */
static inline const char *
str_at (Span s, uint64_t off)
{
  if (off >= s.len || memchr (s.p + off, 0, s.len - off) == NULL)
    return NULL;
  return (const char *) s.p + off;
}

/* A table read on first use (the executable's, the inlined calls of a
   unit): state moves Unread -> Reading -> Ready once.  The thread that
   moves it to Reading (once_claim) writes the table, then publishes it
   (once_publish, release); others read it only once they see Ready
   (acquire), and wait meanwhile.  */
typedef struct Once {
  uint32_t state;
  M *reader;                 /* the M reading: a fault inside the reader
                                must not wait for itself */
} Once;

enum { OnceUnread, OnceReading, OnceReady };

/* OnceReady if the table is ready, OnceReading if the caller has just
   become its reader (it calls once_publish after), OnceUnread if it
   cannot be read now (this M is its reader).  */
static inline uint32_t
once_claim (Once *o)
{
  uint32_t st = __atomic_load_n (&o->state, __ATOMIC_ACQUIRE);
  if (st == OnceReady)
    return OnceReady;
  M *m = runtime_m ();
  uint32_t unread = OnceUnread;
  if (st == OnceUnread
      && __atomic_compare_exchange_n (&o->state, &unread, OnceReading, 0,
                                      __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE))
    {
      o->reader = m;
      return OnceReading;
    }
  if (o->reader == m && m != NULL)
    return OnceUnread;
  while (__atomic_load_n (&o->state, __ATOMIC_ACQUIRE) != OnceReady)
    runtime_osyield_os ();
  return OnceReady;
}

static inline void
once_publish (Once *o)
{
  __atomic_store_n (&o->state, OnceReady, __ATOMIC_RELEASE);
}

/* The forms and attributes the readers look at.  */
enum {
  DW_FORM_addr = 0x01, DW_FORM_block = 0x09, DW_FORM_block1 = 0x0a,
  DW_FORM_data1 = 0x0b, DW_FORM_data2 = 0x05, DW_FORM_data4 = 0x06,
  DW_FORM_data8 = 0x07, DW_FORM_data16 = 0x1e, DW_FORM_string = 0x08,
  DW_FORM_strp = 0x0e, DW_FORM_udata = 0x0f, DW_FORM_ref_addr = 0x10,
  DW_FORM_ref1 = 0x11, DW_FORM_ref_udata = 0x15, DW_FORM_sec_offset = 0x17,
  DW_FORM_implicit_const = 0x21, DW_FORM_rnglistx = 0x23,
  DW_FORM_line_strp = 0x1f, DW_FORM_strx = 0x1a, DW_FORM_strx1 = 0x25,
  DW_FORM_strx2 = 0x26, DW_FORM_strx4 = 0x28,
  DW_AT_name = 0x03, DW_AT_stmt_list = 0x10, DW_AT_low_pc = 0x11,
  DW_AT_high_pc = 0x12, DW_AT_comp_dir = 0x1b, DW_AT_abstract_origin = 0x31,
  DW_AT_specification = 0x47, DW_AT_ranges = 0x55, DW_AT_call_file = 0x58,
  DW_AT_call_line = 0x59, DW_AT_linkage_name = 0x6e,
  DW_AT_rnglists_base = 0x74, DW_AT_MIPS_linkage_name = 0x2007,
};

/* Read one attribute value of form FORM: strings are returned, other
   values (constants, offsets, addresses) left in *VAL, anything else
   skipped.  ADDR_SIZE is the unit's address size.  (symtab.c)  */
const char *runtime_dwarf_form (Cursor *c, uint64_t form, _Bool dwarf64,
                                unsigned addr_size, uint64_t *val) HIDDEN;

/* One declaration of an abbreviation table.  runtime_dwarf_abbrev_next
   reads the one at *A (0 at the table's end) and moves past it;
   runtime_dwarf_spec_next reads the attribute specification at *SPECS
   (0 at the end of the list); runtime_dwarf_find_abbrev looks CODE up
   in the table at ABBREV_OFF of .debug_abbrev.  (symtab.c)  */
typedef struct Abbrev {
  uint64_t code, tag;
  _Bool children;
  Cursor specs;              /* its attribute specifications */
} Abbrev;
_Bool runtime_dwarf_abbrev_next (Cursor *a, Abbrev *ab) HIDDEN;
_Bool runtime_dwarf_spec_next (Cursor *specs, uint64_t *at, uint64_t *form,
                               int64_t *implicit) HIDDEN;
_Bool runtime_dwarf_find_abbrev (uint64_t abbrev_off, uint64_t code,
                                 Abbrev *ab) HIDDEN;

/* The header of a .debug_info unit at OFF.  */
typedef struct UnitHeader {
  uintptr off, end;          /* of the header, and of the unit */
  unsigned version, addr_size;
  _Bool dwarf64;
  uint64_t abbrev_off;
  Cursor die;                /* its first DIE, up to the unit's end */
  _Bool is_compile;          /* a compile or partial unit (not types) */
} UnitHeader;
/* 0 at the end of .debug_info or if the header is malformed (*NEXT is
   then the end).  */
_Bool runtime_dwarf_unit (uintptr off, UnitHeader *u, uintptr *next) HIDDEN;

/* The executable's DWARF sections and its load bias, or NULL if it
   cannot be read.  (symtab.c)  */
typedef struct DwarfSections {
  Span info, abbrev, str, line_str, rnglists, ranges;
  uintptr bias;              /* load address minus file address */
} DwarfSections;
const DwarfSections *runtime_dwarf_sections (void) HIDDEN;

/* File number N of the line program at LINE_OFF in .debug_line (the
   numbering of DW_AT_call_file) into POS.  (symtab.c)  */
_Bool runtime_dwarf_file (uintptr line_off, uint64_t n, SrcPos *pos) HIDDEN;

/* inline.c: forget what was learnt of the executable (symtab.c's
   runtime_symtab_use_image).  */
void runtime_inline_forget (void) HIDDEN;

#endif
