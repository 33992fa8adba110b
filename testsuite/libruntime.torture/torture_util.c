/* torture_util.c: what the stress programs need from the C library and
   the Go programs here cannot import (there is no os or time package on
   libruntime): knobs from the environment and a monotonic clock.  */
#include <stdlib.h>
#include <time.h>

/* Environment variable NAME as a number, or DEF when unset or empty.  */
long
torture_env_int (const char *name, long def)
{
  const char *s = getenv (name);
  return s != NULL && *s != '\0' ? strtol (s, NULL, 10) : def;
}

/* Milliseconds on the monotonic clock.  */
long
torture_now_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

void
torture_sleep_ms (long ms)
{
  struct timespec ts = { ms / 1000, ms % 1000 * 1000000L };
  nanosleep (&ts, NULL);
}
