/* funcname.c: gccgo's assembler names (ABI doc 1.1, 1.2) spelled as Go
   prints function names.

     main.f                 main.f
     main.T.M               main.T.M, or main.(*T).M when M has a
                            pointer receiver (the name does not say:
                            T's descriptor, main.T..d, lists the methods
                            of T itself, and M is one of them only with
                            a value receiver)
     main.f..func1          main.f.func1 (a function literal)
     main.f..r              main.f (the body of a function that recovers)
     main.main..init0       main.init.0
     __go_init_main         main.init
     example_0com_1p.F      example.com/p.F (components decoded)
     main.f.constprop.0     main.f (GCC's clones: .constprop.N,
                            .isra.N, .part.N, .cold)

   Anything else without a dot is C code and is left as it is.  */
#include <string.h>

#include "traceback.h"
#include "gotype.h"

/* An output buffer that truncates.  */
typedef struct Out {
  char *p;
  uintptr n, size;
} Out;

static void
put (Out *o, const char *s, uintptr n)
{
  for (uintptr i = 0; i < n && o->n + 1 < o->size; i++)
    o->p[o->n++] = s[i];
  o->p[o->n] = 0;
}

static void puts_ (Out *o, const char *s) { put (o, s, strlen (s)); }

static int
hexval (char c)
{
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Hex digits S[0..N) as a number, or -1.  */
static int32_t
hexnum (const char *s, const char *e, int n)
{
  if (e - s < n)
    return -1;
  int32_t v = 0;
  for (int i = 0; i < n; i++)
    {
      int d = hexval (s[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/* Decode one encoded component [S, E).  */
static void
decode (Out *o, const char *s, const char *e)
{
  static const char pairs[] = "0.1/2*3,4{5}6[7]8(9)a\"b c;";  /* code, char */
  while (s < e)
    {
      if (*s != '_' || s + 1 == e)
        {
          put (o, s++, 1);
          continue;
        }
      char c = s[1];
      if (c == '_')
        {
          put (o, "_", 1);
          s += 2;
          continue;
        }
      const char *m = NULL;
      for (const char *t = pairs; *t != 0; t += 2)
        if (t[0] == c)
          m = t + 1;
      if (m != NULL)
        {
          put (o, m, 1);
          s += 2;
          continue;
        }
      int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
      int32_t r = digits ? hexnum (s + 2, e, digits) : -1;
      if (r < 0)
        {
          put (o, s++, 1);
          continue;
        }
      uint8_t buf[UTFMax];
      intgo n = digits == 2 ? (buf[0] = (uint8_t) r, 1) : runtime_encoderune (buf, r);
      put (o, (const char *) buf, (uintptr) n);
      s += 2 + digits;
    }
}

/* Whether the method NAME of the type whose descriptor is the symbol
   PKG.TYPE..d has a value receiver and the code at ENTRY.  */
static _Bool
value_method (const char *pkg, uintptr pkglen, const char *type, uintptr typelen,
              const char *name, uintptr entry)
{
  char sym[256];
  if (pkglen + typelen + 5 > sizeof sym)
    return 0;
  memcpy (sym, pkg, pkglen);
  sym[pkglen] = '.';
  memcpy (sym + pkglen + 1, type, typelen);
  memcpy (sym + pkglen + 1 + typelen, "..d", 4);
  const Type *t = (const Type *) runtime_symtab_addr (sym);
  if (t == NULL || t->uncommon == NULL)
    return 0;
  const UncommonType *u = t->uncommon;
  for (GoInt i = 0; i < u->methods.len; i++)
    {
      const Method *m = &u->methods.array[i];
      if (m->name != NULL && (uintptr) m->name->len == strlen (name)
          && memcmp (m->name->str, name, strlen (name)) == 0)
        return ((uintptr) m->tfn & ~(uintptr) 1) == (entry & ~(uintptr) 1);
    }
  return 0;
}

/* The length of the GCC clone suffix at P (".constprop.N", ".isra.N",
   ".part.N", ".cold"), or 0.  */
static uintptr
clone_marker (const char *p)
{
  static const char *const clones[] = { ".constprop.", ".isra.", ".part.", ".cold" };
  for (unsigned i = 0; i < sizeof clones / sizeof clones[0]; i++)
    {
      uintptr n = strlen (clones[i]);
      if (strncmp (p, clones[i], n) != 0)
        continue;
      if (i == 3)
        return n;
      uintptr d = n;           /* a number follows */
      while (p[d] >= '0' && p[d] <= '9')
        d++;
      return d > n ? d : 0;
    }
  return 0;
}

/* Where GCC's clone suffixes start in SYM (one or more, to the end of
   the name), or NULL.  A Go name has no component that is a number; a
   method may be called "cold" (the caller checks).  */
static const char *
clone_suffix (const char *sym)
{
  for (const char *p = strchr (sym, '.'); p != NULL; p = strchr (p + 1, '.'))
    {
      const char *q = p;
      uintptr n;
      while (*q != 0 && (n = clone_marker (q)) != 0)
        q += n;
      if (*q == 0)
        return p;
    }
  return NULL;
}

_Bool
runtime_funcname (const char *sym, uintptr entry, char *buf, uintptr size)
{
  Out o = { buf, 0, size };
  if (size == 0)
    return 0;
  buf[0] = 0;
  if (strcmp (sym, "__go_init_main") == 0)
    {
      puts_ (&o, "main.init");
      return 1;
    }
  const char *dot = strchr (sym, '.');
  if (dot == NULL || dot == sym)
    {
      puts_ (&o, sym);
      return 0;
    }
  /* C compilers' local clones: foo.part.0, foo.cold, foo.isra.0.  */
  static const char *const clones[] = { ".part.", ".cold", ".isra.", ".constprop.", NULL };
  for (int i = 0; clones[i] != NULL; i++)
    if (strncmp (dot, clones[i], strlen (clones[i])) == 0)
      {
        puts_ (&o, sym);
        return 0;
      }
  const char *clone = clone_suffix (dot + 1);
  if (clone != NULL && (uintptr) (clone - sym) < 256)
    {
      /* The function it is a clone of; for a method, the original's
         entry if it is still there (the descriptors list that).  */
      char orig[256];
      memcpy (orig, sym, (uintptr) (clone - sym));
      orig[clone - sym] = 0;
      uintptr e = runtime_symtab_addr (orig);
      /* A method may be called cold: then there is no such original.  */
      if (e != 0 || strcmp (clone, ".cold") != 0)
        return runtime_funcname (orig, e != 0 ? e : entry, buf, size);
    }
  const char *pkg = sym, *rest = dot + 1;
  uintptr pkglen = (uintptr) (dot - sym);
  decode (&o, pkg, dot);
  puts_ (&o, ".");

  /* The base name: "M" or "T.M", up to the first "..".  */
  const char *base_end = strstr (rest, "..");
  if (base_end == NULL)
    base_end = rest + strlen (rest);
  const char *mdot = memchr (rest, '.', (uintptr) (base_end - rest));
  if (base_end[0] != 0 && strncmp (base_end, "..init", 6) == 0
      && (uintptr) (base_end - rest) == pkglen && memcmp (rest, pkg, pkglen) == 0)
    {
      puts_ (&o, "init.");
      puts_ (&o, base_end + 6);
      return 1;
    }
  if (mdot != NULL)
    {
      char mname[128];
      Out mo = { mname, 0, sizeof mname };
      decode (&mo, mdot + 1, base_end);
      /* The method's own entry, when this is a literal inside it.  */
      uintptr mentry = entry;
      if (base_end[0] != 0)
        {
          char msym[256];
          uintptr n = (uintptr) (base_end - sym);
          if (n >= sizeof msym)
            n = sizeof msym - 1;
          memcpy (msym, sym, n);
          msym[n] = 0;
          mentry = runtime_symtab_addr (msym);
        }
      _Bool value = value_method (pkg, pkglen, rest, (uintptr) (mdot - rest),
                                  mname, mentry);
      if (!value)
        puts_ (&o, "(*");
      decode (&o, rest, mdot);
      if (!value)
        puts_ (&o, ")");
      puts_ (&o, ".");
      puts_ (&o, mname);
    }
  else if (strncmp (rest, "_0go..func", 10) == 0)
    {
      puts_ (&o, "glob");
      base_end = rest + 4;   /* after "_0go" */
    }
  else
    decode (&o, rest, base_end);

  /* Suffixes: ..funcN, ..r, ..stub, ..thunkN.  */
  for (const char *s = base_end; s[0] == '.' && s[1] == '.';)
    {
      const char *next = strstr (s + 2, "..");
      if (next == NULL)
        next = s + strlen (s);
      uintptr n = (uintptr) (next - (s + 2));
      if (!(n == 1 && s[2] == 'r') && !(n == 4 && memcmp (s + 2, "stub", 4) == 0))
        {
          puts_ (&o, ".");
          decode (&o, s + 2, next);
        }
      s = next;
    }
  return 1;
}
