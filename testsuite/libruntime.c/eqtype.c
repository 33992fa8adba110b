// run

/* runtime.eqtype, the type identity gccgo emits calls to where it cannot
   merge descriptors (AIX; never on Linux, so only C reaches it here):
   one descriptor, or two of the same kind, hash and reflection string,
   are one type; anything else, or NULL against a type, is not.  Also
   __go_fieldtrack, the field-tracking hook, which does nothing.  */
#include <string.h>
#include "lrt_ctest.h"
#include "runtime.h"

_Bool eqtype (const Type *a, const Type *b) __asm__ ("runtime.eqtype");
void go_fieldtrack (const void *name) __asm__ ("__go_fieldtrack");

static const String name_t = { (const uint8_t *) "main.T", 6 };
static const String name_t2 = { (const uint8_t *) "main.T", 6 };
static const String name_u = { (const uint8_t *) "main.U", 6 };

static Type
make (uint8_t kind, uint32_t hash, const String *s)
{
  Type t;
  memset (&t, 0, sizeof t);
  t.size = 8;
  t.kind = kind;
  t.hash = hash;
  t.string = s;
  return t;
}

static void
run (void)
{
  Type a = make (KindInt, 42, &name_t);
  Type b = make (KindInt, 42, &name_t2);       /* a copy of a */
  Type c = make (KindInt, 42, &name_u);        /* another name */
  Type d = make (KindInt64, 42, &name_t);      /* another kind */
  Type e = make (KindInt, 43, &name_t);        /* another hash */
  CHECK (eqtype (&a, &a));
  CHECK (eqtype (&a, &b) && eqtype (&b, &a));
  CHECK (!eqtype (&a, &c));
  CHECK (!eqtype (&a, &d));
  CHECK (!eqtype (&a, &e));
  CHECK (!eqtype (&a, NULL) && !eqtype (NULL, &a));
  CHECK (eqtype (NULL, NULL));
  go_fieldtrack ("fieldtrack \"main.T.f\"");
  fprintf (stderr, "ok\n");
}

LRT_MAIN (run)
