/* debug.c: GODEBUG, parsed in one place (debug.h lists the settings).  */
#include "debug.h"

DebugVars runtime_debug;

static const struct {
  const char *name;
  int32_t *value;
} debug_vars[] = {
  { "gctrace", &runtime_debug.gctrace },
  { "gcevery", &runtime_debug.gcevery },
  { "mcacheoff", &runtime_debug.mcacheoff },
  { "stacksegmin", &runtime_debug.stacksegmin },
  { "asyncpreemptoff", &runtime_debug.asyncpreemptoff },
};

/* The decimal number at the start of [P, END), saturating; 0 if none.  */
static int32_t
parse_int (const uint8_t *p, const uint8_t *end)
{
  int64_t v = 0;
  for (; p < end && *p >= '0' && *p <= '9'; p++)
    if ((v = v * 10 + (*p - '0')) > INT32_MAX)
      v = INT32_MAX;
  return (int32_t) v;
}

/* Apply one NAME=VALUE item [P, END).  */
static void
parse_item (const uint8_t *p, const uint8_t *end)
{
  const uint8_t *eq = memchr (p, '=', (size_t) (end - p));
  if (eq == NULL)
    return;
  for (size_t i = 0; i < nelem (debug_vars); i++)
    {
      size_t n = strlen (debug_vars[i].name);
      if ((size_t) (eq - p) == n && memcmp (p, debug_vars[i].name, n) == 0)
        *debug_vars[i].value = parse_int (eq + 1, end);
    }
}

void
runtime_debuginit (void)
{
  static _Bool done;
  if (done)
    return;
  done = 1;
  String d = runtime_getenv ("GODEBUG");
  if (d.len == 0)
    return;
  const uint8_t *p = d.str, *end = d.str + d.len;
  while (p < end)
    {
      const uint8_t *comma = memchr (p, ',', (size_t) (end - p));
      const uint8_t *item_end = comma != NULL ? comma : end;
      parse_item (p, item_end);
      p = item_end + (comma != NULL);
    }
}
