/* inline.c: the calls the compiler inlined at a code address, from the
   DW_TAG_inlined_subroutine entries of .debug_info.

     main.outer (a symbol)                 DW_TAG_subprogram
       inlined main.inner, called at :15     DW_TAG_inlined_subroutine
         inlined main.T.get, called at :10     DW_TAG_inlined_subroutine
           pc                                    (line table: :6)

   For that pc the answer is, innermost first, main.T.get called at :10
   and main.inner called at :15; the traceback prints main.T.get at :6,
   main.inner at :10, main.outer at :15.

   Nothing is read until a question is asked.  The first one indexes
   the compile units (the address range each covers, from its first
   DIE); the first question about an address of a unit reads that
   unit's DIEs once and keeps every inlined call's ranges, so later
   questions only scan a table.  Reads are bounds-checked (dwarf.h):
   malformed DWARF answers "no inlined call".  */
#include "dwarf.h"

enum {
  DW_TAG_inlined_subroutine = 0x1d,
  DW_RLE_end_of_list = 0, DW_RLE_offset_pair = 4, DW_RLE_base_address = 5,
  DW_RLE_start_end = 6, DW_RLE_start_length = 7,
  MaxNesting = 64,           /* DIE depth followed; deeper DIEs are skipped */
  MaxHops = 4,               /* abstract_origin/specification links followed */
};

/* One inlined call of a unit.  */
typedef struct Call {
  const char *name;          /* the inlined function's symbol name */
  uint64_t file;             /* DW_AT_call_file: the caller's file */
  uint32_t line;             /* DW_AT_call_line */
  int32_t parent;            /* the call this one is inlined into, or -1 */
} Call;

/* One address range of a call.  */
typedef struct CallRange {
  uintptr lo, hi;            /* file addresses */
  uint32_t call;             /* index in the unit's calls */
  uint32_t depth;            /* 0: inlined straight into a function */
} CallRange;

/* What is known of one compile unit.  Written by its Once's reader
   (dwarf.h):
   info_off..line_off when the index is read, calls and ranges when the
   unit is.  */
typedef struct Unit {
  uintptr info_off, info_end;  /* its header, its end in .debug_info */
  uintptr lo, hi;            /* hull of its code (lo == hi: none) */
  uintptr line_off;          /* DW_AT_stmt_list, or -1 */
  uint64_t rnglists_base;    /* DW_AT_rnglists_base */
  Once once;
  Call *calls;
  uint32_t ncalls;
  CallRange *ranges;
  uint32_t nranges;
  uintptr mapped;            /* bytes allocated for calls and ranges */
} Unit;

/* The index of the units.  */
static struct {
  Once once;
  const DwarfSections *dw;
  Unit *units;
  uintptr nunits;
  uintptr mapped;            /* bytes allocated for units */
} idx;

/* ---- Abbreviations: a unit's table, indexed by code.  */

typedef struct Abbrevs {
  uint64_t off;              /* of the table in .debug_abbrev */
  Abbrev *by_code;           /* [code], when the codes are dense */
  uint64_t ncodes;
  uintptr mapped;
} Abbrevs;

static void
abbrevs_open (Abbrevs *t, uint64_t off)
{
  t->off = off;
  t->by_code = NULL;
  t->ncodes = 0;
  Cursor a = cursor (idx.dw->abbrev, (uintptr) off);
  Abbrev ab;
  uint64_t n = 0, max = 0;
  while (runtime_dwarf_abbrev_next (&a, &ab))
    n++, max = ab.code > max ? ab.code : max;
  if (n == 0 || max > 4 * n + 64)
    return;                    /* sparse codes: looked up one by one */
  t->mapped = (uintptr) (max + 1) * sizeof (Abbrev);
  t->by_code = runtime_sysalloc (t->mapped);
  if (t->by_code == NULL)
    return;
  t->ncodes = max + 1;
  a = cursor (idx.dw->abbrev, (uintptr) off);
  while (runtime_dwarf_abbrev_next (&a, &ab))
    if (t->by_code[ab.code].code == 0)
      t->by_code[ab.code] = ab;
}

static void
abbrevs_close (Abbrevs *t)
{
  if (t->by_code != NULL)
    runtime_sysfree (t->by_code, t->mapped);
  t->by_code = NULL;
}

static _Bool
abbrev_of (const Abbrevs *t, uint64_t code, Abbrev *ab)
{
  if (t->by_code != NULL)
    {
      if (code >= t->ncodes || t->by_code[code].code == 0)
        return 0;
      *ab = t->by_code[code];
      return 1;
    }
  return runtime_dwarf_find_abbrev (t->off, code, ab);
}

/* ---- DIEs.  */

/* The attributes of one DIE that this file uses.  */
typedef struct Die {
  uint64_t tag;
  _Bool children;
  const char *name, *linkage_name;
  uint64_t origin;           /* abstract_origin or specification: a
                                .debug_info offset, or 0 */
  uint64_t low, high, ranges;
  _Bool has_low, has_high, high_is_addr, has_ranges, ranges_is_index;
  uint64_t call_file, call_line, stmt_list, rnglists_base;
} Die;

/* Read the DIE at *C (of unit U, abbreviations T) into D; 0 for the
   null entry that ends a list of children, or malformed data.  */
static _Bool
read_die (Cursor *c, const UnitHeader *u, const Abbrevs *t, Die *d)
{
  memset (d, 0, sizeof *d);
  d->stmt_list = (uint64_t) -1;
  uint64_t code = get_uleb (c);
  Abbrev ab;
  if (code == 0 || c->bad || !abbrev_of (t, code, &ab))
    return 0;
  d->tag = ab.tag;
  d->children = ab.children;
  uint64_t at, form, val;
  int64_t implicit;
  while (runtime_dwarf_spec_next (&ab.specs, &at, &form, &implicit) && !c->bad)
    {
      const char *s = runtime_dwarf_form (c, form, u->dwarf64, u->addr_size, &val);
      if (form == DW_FORM_implicit_const)
        val = (uint64_t) implicit;
      switch (at)
        {
        case DW_AT_name: d->name = s; break;
        case DW_AT_linkage_name: case DW_AT_MIPS_linkage_name:
          d->linkage_name = s; break;
        case DW_AT_abstract_origin: case DW_AT_specification:
          if (form >= DW_FORM_ref1 && form <= DW_FORM_ref_udata)
            d->origin = u->off + val;     /* unit-relative */
          else if (form == DW_FORM_ref_addr)
            d->origin = val;
          break;
        case DW_AT_low_pc: d->low = val, d->has_low = 1; break;
        case DW_AT_high_pc:
          d->high = val, d->has_high = 1, d->high_is_addr = form == DW_FORM_addr;
          break;
        case DW_AT_ranges:
          d->ranges = val, d->has_ranges = 1;
          d->ranges_is_index = form == DW_FORM_rnglistx;
          break;
        case DW_AT_call_file: d->call_file = val; break;
        case DW_AT_call_line: d->call_line = val; break;
        case DW_AT_stmt_list: d->stmt_list = val; break;
        case DW_AT_rnglists_base: d->rnglists_base = val; break;
        default: break;
        }
    }
  return !c->bad;
}

/* ---- Address ranges of a DIE.  */

typedef struct Ranges {
  Cursor c;                  /* the list; bad once it ends */
  _Bool v5;
  unsigned addr_size;
  uintptr base;
  uintptr single_lo, single_hi;  /* low_pc/high_pc: one range */
  _Bool single;
} Ranges;

static void
ranges_open (Ranges *r, const UnitHeader *u, const Unit *unit, const Die *d,
             uintptr base)
{
  memset (r, 0, sizeof *r);
  r->c.bad = 1;
  r->v5 = u->version >= 5;
  r->addr_size = u->addr_size;
  r->base = base;
  if (d->has_low && d->has_high)
    {
      r->single = 1;
      r->single_lo = (uintptr) d->low;
      r->single_hi = (uintptr) (d->high_is_addr ? d->high : d->low + d->high);
      return;
    }
  if (!d->has_ranges)
    return;
  uint64_t off = d->ranges;
  if (d->ranges_is_index)
    {
      /* An index into the offsets that follow the list table's header,
         which DW_AT_rnglists_base points past.  */
      unsigned osize = u->dwarf64 ? 8 : 4;
      Cursor o = cursor (idx.dw->rnglists,
                         (uintptr) (unit->rnglists_base + off * osize));
      off = unit->rnglists_base + get_fixed (&o, osize);
      if (o.bad)
        return;
    }
  r->c = cursor (r->v5 ? idx.dw->rnglists : idx.dw->ranges, (uintptr) off);
}

/* The next range of R into [*LO, *HI); 0 at the end.  */
static _Bool
ranges_next (Ranges *r, uintptr *lo, uintptr *hi)
{
  if (r->single)
    {
      r->single = 0;
      *lo = r->single_lo, *hi = r->single_hi;
      return *lo < *hi;
    }
  unsigned as = r->addr_size;
  uintptr all_ones = as >= sizeof (uintptr) ? ~(uintptr) 0
                                            : ((uintptr) 1 << (8 * as)) - 1;
  while (!r->c.bad)
    {
      if (!r->v5)
        {
          uintptr a = (uintptr) get_fixed (&r->c, as), b = (uintptr) get_fixed (&r->c, as);
          if (r->c.bad || (a == 0 && b == 0))
            break;
          if (a == all_ones)
            {
              r->base = b;     /* a base address selection */
              continue;
            }
          *lo = r->base + a, *hi = r->base + b;
          return 1;
        }
      switch (get_u8 (&r->c))
        {
        case DW_RLE_offset_pair:
          *lo = r->base + (uintptr) get_uleb (&r->c);
          *hi = r->base + (uintptr) get_uleb (&r->c);
          break;
        case DW_RLE_base_address:
          r->base = (uintptr) get_fixed (&r->c, as);
          continue;
        case DW_RLE_start_end:
          *lo = (uintptr) get_fixed (&r->c, as);
          *hi = (uintptr) get_fixed (&r->c, as);
          break;
        case DW_RLE_start_length:
          *lo = (uintptr) get_fixed (&r->c, as);
          *hi = *lo + (uintptr) get_uleb (&r->c);
          break;
        default:               /* end of list; the .debug_addr forms */
          r->c.bad = 1;
          continue;
        }
      if (!r->c.bad)
        return 1;
    }
  r->c.bad = 1;
  return 0;
}

/* ---- The unit index.  */

/* The unit whose DIEs hold .debug_info offset OFF, or NULL.  */
static const Unit *
unit_at (uint64_t off)
{
  for (uintptr i = 0; i < idx.nunits; i++)
    if (idx.units[i].info_off <= off && off < idx.units[i].info_end)
      return &idx.units[i];
  return NULL;
}

/* Unit U's first DIE into UNIT: its line program and the hull of its
   addresses.  */
static void
index_unit (const UnitHeader *u, Unit *unit)
{
  Abbrevs t = { u->abbrev_off, NULL, 0, 0 };  /* one DIE: no table */
  Cursor c = u->die;
  Die d;
  unit->info_off = u->off;
  unit->info_end = u->end;
  unit->line_off = (uintptr) -1;
  if (read_die (&c, u, &t, &d))
    {
      unit->line_off = (uintptr) d.stmt_list;
      unit->rnglists_base = d.rnglists_base;
      Ranges r;
      uintptr lo, hi;
      ranges_open (&r, u, unit, &d, (uintptr) d.low);
      while (ranges_next (&r, &lo, &hi))
        {
          if (unit->lo == unit->hi)
            unit->lo = lo, unit->hi = hi;
          unit->lo = lo < unit->lo ? lo : unit->lo;
          unit->hi = hi > unit->hi ? hi : unit->hi;
        }
    }
}

static void
read_index (void)
{
  uintptr n = 0, off, next;
  UnitHeader u;
  for (off = 0; off < idx.dw->info.len; off = next)
    n += runtime_dwarf_unit (off, &u, &next) && u.is_compile;
  if (n == 0)
    return;
  Unit *units = runtime_sysalloc (n * sizeof *units);
  if (units == NULL)
    return;
  idx.mapped = n * sizeof *units;
  uintptr i = 0;
  for (off = 0; off < idx.dw->info.len && i < n; off = next)
    if (runtime_dwarf_unit (off, &u, &next) && u.is_compile)
      index_unit (&u, &units[i++]);
  idx.units = units;
  idx.nunits = i;
}

static _Bool
index_ready (void)
{
  if (__atomic_load_n (&idx.once.state, __ATOMIC_ACQUIRE) == OnceReady)
    return idx.units != NULL;
  const DwarfSections *dw = runtime_dwarf_sections ();
  if (dw == NULL)
    return 0;
  switch (once_claim (&idx.once))
    {
    case OnceReading:
      idx.dw = dw;
      read_index ();
      once_publish (&idx.once);
      break;
    case OnceUnread:
      return 0;
    default:
      break;
    }
  return idx.units != NULL;
}

/* ---- One unit's inlined calls.  */

/* The symbol name of the function the DIE at OFF stands for,
   following its abstract origin or specification.  U and T are the
   unit being read and its abbreviations, used when OFF is in it.  */
static const char *
origin_name (uint64_t off, int hops, const UnitHeader *u, const Abbrevs *t)
{
  UnitHeader other;
  Abbrevs other_t;
  if (hops > MaxHops)
    return NULL;
  if (off < u->off || off >= u->end)
    {
      const Unit *unit = unit_at (off);
      uintptr next;
      if (unit == NULL || !runtime_dwarf_unit (unit->info_off, &other, &next))
        return NULL;
      other_t = (Abbrevs) { other.abbrev_off, NULL, 0, 0 };  /* one DIE */
      u = &other, t = &other_t;
    }
  Cursor c = cursor (idx.dw->info, (uintptr) off);
  c.end = idx.dw->info.p + u->end;
  Die d;
  if (!read_die (&c, u, t, &d))
    return NULL;
  if (d.linkage_name != NULL)
    return d.linkage_name;
  if (d.name != NULL)
    return d.name;
  return d.origin != 0 ? origin_name (d.origin, hops + 1, u, t) : NULL;
}

/* Walk UNIT's DIEs; with CALLS and RANGES non-NULL fill them, else
   only count into UNIT's ncalls and nranges.  */
static void
scan_unit (Unit *unit, Call *calls, CallRange *ranges)
{
  UnitHeader u;
  uintptr next;
  uint32_t ncalls = 0, nranges = 0;
  if (!runtime_dwarf_unit (unit->info_off, &u, &next))
    return;
  Abbrevs t;
  abbrevs_open (&t, u.abbrev_off);
  int32_t encl[MaxNesting];    /* per open DIE: the innermost call, or -1 */
  uint32_t depth[MaxNesting];  /* and how many calls enclose it */
  int level = 0;
  encl[0] = -1, depth[0] = 0;
  Cursor c = u.die;
  uintptr base = 0;
  Die d;
  while (c.p < c.end && !c.bad)
    {
      if (!read_die (&c, &u, &t, &d))
        {
          if (c.bad || --level <= 0)
            break;             /* the unit's DIE has ended */
          continue;
        }
      if (level == 0)
        base = (uintptr) d.low;  /* the unit's DIE: its base address */
      int32_t call = encl[level];
      uint32_t nest = depth[level];
      if (d.tag == DW_TAG_inlined_subroutine && d.origin != 0 && ncalls < INT32_MAX)
        {
          if (calls != NULL && ncalls < unit->ncalls)
            calls[ncalls] = (Call) { origin_name (d.origin, 0, &u, &t), d.call_file,
                                     (uint32_t) d.call_line, call };
          Ranges r;
          uintptr lo, hi;
          ranges_open (&r, &u, unit, &d, base);
          while (ranges_next (&r, &lo, &hi))
            {
              if (ranges != NULL && nranges < unit->nranges)
                ranges[nranges] = (CallRange) { lo, hi, ncalls, nest };
              nranges++;
            }
          call = (int32_t) ncalls++;
          nest++;
        }
      if (d.children)
        {
          if (++level >= MaxNesting)
            break;
          encl[level] = call, depth[level] = nest;
        }
    }
  abbrevs_close (&t);
  if (calls == NULL)
    unit->ncalls = ncalls, unit->nranges = nranges;
}

static void
read_unit (Unit *unit)
{
  scan_unit (unit, NULL, NULL);
  if (unit->nranges == 0)
    return;
  uintptr csize = unit->ncalls * sizeof (Call);
  unit->mapped = csize + unit->nranges * sizeof (CallRange);
  uint8_t *p = runtime_sysalloc (unit->mapped);
  if (p == NULL)
    {
      unit->ncalls = unit->nranges = 0;
      return;
    }
  /* Calls first: CallRange's alignment is no stricter than Call's.  */
  unit->calls = (Call *) p;
  unit->ranges = (CallRange *) (p + csize);
  scan_unit (unit, unit->calls, unit->ranges);
}

static _Bool
unit_ready (Unit *unit)
{
  switch (once_claim (&unit->once))
    {
    case OnceReading:
      read_unit (unit);
      once_publish (&unit->once);
      return 1;
    case OnceUnread:
      return 0;
    default:
      return 1;
    }
}

/* ---- The question.  */

int
runtime_symtab_inlined (uintptr pc, InlinedCall *out, int max)
{
  if (max <= 0 || !index_ready ())
    return 0;
  uintptr addr = pc - idx.dw->bias;
  for (uintptr i = 0; i < idx.nunits; i++)
    {
      Unit *unit = &idx.units[i];
      if (addr < unit->lo || addr >= unit->hi || !unit_ready (unit))
        continue;
      /* The deepest call whose range holds ADDR; its ancestors hold it
         too.  */
      int64_t best = -1;
      uint32_t best_depth = 0;
      for (uint32_t r = 0; r < unit->nranges; r++)
        {
          const CallRange *cr = &unit->ranges[r];
          if (cr->lo <= addr && addr < cr->hi && (best < 0 || cr->depth > best_depth))
            best = cr->call, best_depth = cr->depth;
        }
      if (best < 0)
        continue;
      int n = 0;
      for (int64_t k = best; k >= 0 && k < unit->ncalls && n < max;
           k = unit->calls[k].parent)
        {
          const Call *call = &unit->calls[k];
          InlinedCall *ic = &out[n++];
          ic->name = call->name;
          ic->has_call = call->line > 0 && call->line <= INT32_MAX
                         && runtime_dwarf_file (unit->line_off, call->file, &ic->call);
          if (ic->has_call)
            ic->call.line = (int32_t) call->line;
          if (call->parent >= k)
            break;             /* parents come first: a loop is malformed */
        }
      return n;
    }
  return 0;
}

void
runtime_inline_forget (void)
{
  if (__atomic_load_n (&idx.once.state, __ATOMIC_ACQUIRE) != OnceReady)
    return;
  for (uintptr i = 0; i < idx.nunits; i++)
    {
      Unit *unit = &idx.units[i];
      if (unit->mapped != 0)
        runtime_sysfree (unit->calls, unit->mapped);
    }
  if (idx.units != NULL)
    runtime_sysfree (idx.units, idx.mapped);
  memset (&idx, 0, sizeof idx);
}
