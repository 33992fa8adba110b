/* print.c: Go's print and println built-ins, and the runtime's own
   messages.

   Output goes to standard error.  gccgo brackets each print statement
   with printlock/printunlock; the bytes of one statement are gathered in
   the M's printbuf and written with one write(2) when the outermost
   printunlock runs (or when the buffer fills), so statements from
   different threads never interleave and a println costs one system
   call.  printlock nests on one M (a fatal error may print while a
   statement is half done).  */
#include "runtime.h"
#include "os.h"
#include "spinlock.h"

/* Serialises statements between Ms (statements are short, never block).  */
static SpinLock print_lock;


void
runtime_printlock (void)
{
  M *m = runtime_m ();
  if (m->printlock++ > 0)
    return;
  runtime_spinlock (&print_lock);
}

void
runtime_printflush (void)
{
  M *m = runtime_m ();
  if (m != NULL && m->printlen > 0)
    {
      runtime_write (2, m->printbuf, m->printlen);
      m->printlen = 0;
    }
}

void
runtime_printunlock (void)
{
  M *m = runtime_m ();
  if (--m->printlock > 0)
    return;
  runtime_printflush ();
  runtime_spinunlock (&print_lock);
}

/* All output goes through here.  Outside a print statement (the
   runtime's own messages) bytes are written at once.  */
static void
gwrite (const void *p, intgo n)
{
  if (n <= 0)
    return;                    /* "" may have a nil pointer: no memcpy */
  M *m = runtime_m ();
  if (m == NULL || m->printlock == 0)
    {
      if (m != NULL)
        runtime_printflush ();
      runtime_write (2, p, n);
      return;
    }
  if (m->printlen + (uintptr) n > sizeof m->printbuf)
    {
      runtime_printflush ();
      if (n > (intgo) sizeof m->printbuf)
        {
          runtime_write (2, p, n);
          return;
        }
    }
  memcpy (m->printbuf + m->printlen, p, n);
  m->printlen += n;
}

void
runtime_printstring (String s)
{
  gwrite (s.str, s.len);
}

void
runtime_prints (const char *s)
{
  gwrite (s, strlen (s));
}

void runtime_printsp (void) GOSYM ("runtime.printsp");
void
runtime_printsp (void)
{
  gwrite (" ", 1);
}

void
runtime_printnl (void)
{
  gwrite ("\n", 1);
}

void
runtime_printbool (_Bool v)
{
  if (v)
    gwrite ("true", 4);
  else
    gwrite ("false", 5);
}

void
runtime_printuint (uint64_t v)
{
  char buf[24];
  int i = sizeof buf;
  do
    buf[--i] = (char) ('0' + v % 10);
  while ((v /= 10) > 0);
  gwrite (buf + i, sizeof buf - i);
}

void
runtime_printint (int64_t v)
{
  if (v < 0)
    {
      gwrite ("-", 1);
      runtime_printuint (-(uint64_t) v);
      return;
    }
  runtime_printuint ((uint64_t) v);
}

void
runtime_printhex (uint64_t v)
{
  static const char digits[] = "0123456789abcdef";
  char buf[24];
  int i = sizeof buf;
  do
    buf[--i] = digits[v % 16];
  while ((v /= 16) > 0);
  buf[--i] = 'x';
  buf[--i] = '0';
  gwrite (buf + i, sizeof buf - i);
}

void
runtime_printpointer (const void *p)
{
  runtime_printhex ((uint64_t) (uintptr) p);
}

/* Go's float format: sign, one digit, '.', six digits, 'e', sign, three
   exponent digits: +1.500000e+000.  Every intermediate is stored through
   a volatile double so x87 excess precision on 386 cannot change a
   digit.  */
void
runtime_printfloat (double v)
{
  enum { ndigits = 7 };
  volatile double x = v;
  char buf[ndigits + 7];
  int e = 0;

  if (x != x)
    {
      gwrite ("NaN", 3);
      return;
    }
  if (x + x == x && x > 0)
    {
      gwrite ("+Inf", 4);
      return;
    }
  if (x + x == x && x < 0)
    {
      gwrite ("-Inf", 4);
      return;
    }

  buf[0] = '+';
  if (x == 0)
    {
      if (1 / x < 0)
        buf[0] = '-';
    }
  else
    {
      if (x < 0)
        {
          x = -x;
          buf[0] = '-';
        }
      while (x >= 10)
        {
          e++;
          x = x / 10;
        }
      while (x < 1)
        {
          e--;
          x = x * 10;
        }
      volatile double h = 5.0;
      for (int i = 0; i < ndigits; i++)
        h = h / 10;
      x = x + h;
      if (x >= 10)
        {
          e++;
          x = x / 10;
        }
    }

  for (int i = 0; i < ndigits; i++)
    {
      int s = (int) x;
      buf[i + 2] = (char) (s + '0');
      x = x - s;
      x = x * 10;
    }
  buf[1] = buf[2];
  buf[2] = '.';
  buf[ndigits + 2] = 'e';
  buf[ndigits + 3] = '+';
  if (e < 0)
    {
      e = -e;
      buf[ndigits + 3] = '-';
    }
  buf[ndigits + 4] = (char) (e / 100 + '0');
  buf[ndigits + 5] = (char) (e / 10 % 10 + '0');
  buf[ndigits + 6] = (char) (e % 10 + '0');
  gwrite (buf, sizeof buf);
}

void
runtime_printcomplex (_Complex double v)
{
  gwrite ("(", 1);
  runtime_printfloat (__real__ v);
  runtime_printfloat (__imag__ v);
  gwrite ("i)", 2);
}

void runtime_printeface (Eface e) GOSYM ("runtime.printeface");
void
runtime_printeface (Eface e)
{
  gwrite ("(", 1);
  runtime_printpointer (e.type);
  gwrite (",", 1);
  runtime_printpointer (e.data);
  gwrite (")", 1);
}

void runtime_printiface (Iface i) GOSYM ("runtime.printiface");
void
runtime_printiface (Iface i)
{
  gwrite ("(", 1);
  runtime_printpointer (i.tab);
  gwrite (",", 1);
  runtime_printpointer (i.data);
  gwrite (")", 1);
}

void runtime_printslice (Slice s) GOSYM ("runtime.printslice");
void
runtime_printslice (Slice s)
{
  gwrite ("[", 1);
  runtime_printint (s.len);
  gwrite ("/", 1);
  runtime_printint (s.cap);
  gwrite ("]", 1);
  runtime_printpointer (s.array);
}
