// run
// env: GOGC=off

/* White-box test of how many procs a collection uses (proc.c
   runtime_gcprocs, runtime_helpgc; mgc.c):
   - the formula min(GOMAXPROCS, CPUs, MaxGcproc, idle Ms + 1) for
     several combinations;
   - a real collection uses exactly what runtime_gcprocs says, and
     runtime_helpgc wakes exactly nproc-1 helpers for it; no more join
     it (fewer may, when the kernel runs a helper's thread only after
     marking is over), and a helper woken for a collection that is over
     does not join it;
   - a collection limited by idle Ms starts one spare M after it, which
     is idle for the next collection: with the CPU count raised to 8
     (the formula reads runtime.ncpu) and GOMAXPROCS 8, each collection
     finds one more idle M until MaxGcproc is reached, then no more Ms
     are started;
   - GOMAXPROCS, not idle Ms, limiting the count starts no spare M;
   - runtime_helpgc asked for more helpers than there are idle Ms is a
     fatal error, not a smaller count (in a forked child), raised before
     it wakes any: the child, whose only thread is this one, must not
     touch a note the parent's threads sleep on (with os/posix's
     condition variables the wake-up hung in the child).  */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "lrt_ctest.h"
#include "runtime.h"
#include "proc.h"
#include "malloc.h"

void runtime_GC (void) __asm__ ("runtime.GC");
intgo runtime_GOMAXPROCS (intgo) __asm__ ("runtime.GOMAXPROCS");

static void
formula (void)
{
  static const struct { int32_t procs, ncpu, idle, want; } cases[] = {
    { 1, 2, 0, 1 }, { 1, 2, 5, 1 }, { 2, 2, 0, 1 }, { 2, 2, 1, 2 },
    { 2, 2, 7, 2 }, { 4, 2, 3, 2 }, { 2, 4, 3, 2 }, { 8, 8, 3, 4 },
    { 16, 16, 15, MaxGcproc }, { 16, 4, 15, 4 }, { 3, 16, 15, 3 },
    { 256, 256, 0, 1 }, { 256, 256, 100, MaxGcproc },
  };
  for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++)
    CHECK (runtime_gcprocs_formula (cases[i].procs, cases[i].ncpu,
                                    cases[i].idle) == cases[i].want);
}

static int32_t
locked_read (int32_t *p)
{
  runtime_lock (&runtime_sched.lock);
  int32_t v = *p;
  runtime_unlock (&runtime_sched.lock);
  return v;
}

/* Wait until every M but this one (and sysmon) is idle and none is
   still busy with a collection (a helper stays on the idle list while
   it helps, and may run after the collection ended): a spare M goes
   on it after a collection, an M woken to look for work after it finds
   none.  Then the
   next collection sees exactly that many idle Ms (none is spinning
   when the world stops).  Returns the idle count.  */
static int32_t
settle (void)
{
  for (int i = 0; i < 5000; i++)
    {
      runtime_lock (&runtime_sched.lock);
      int32_t idle = runtime_sched.nmidle;
      int32_t others = runtime_sched.mcount - 1 - runtime_sched.nmsys;
      _Bool busy = 0;          /* a helper whose thread has not run yet */
      for (M *mp = runtime_sched.midle; mp != NULL; mp = mp->schedlink)
        busy |= mp->helpgc != 0 || mp->helping;
      runtime_unlock (&runtime_sched.lock);
      if (idle == others && !busy)
        return idle;
      usleep (1000);
    }
  CHECK (!"Ms do not settle");
  return 0;
}

static void
collect_and_check (int32_t want_procs)
{
  int32_t idle = settle ();
  int32_t expect = runtime_gcprocs_formula (runtime_gomaxprocs,
                                            runtime_ncpu_value, idle);
  if (expect != want_procs)
    fprintf (stderr, "formula %d, want %d (idle Ms %d)\n", expect,
             want_procs, idle);
  CHECK (expect == want_procs);
  runtime_GC ();
  if (runtime_gcstats.lastprocs != (uint32_t) want_procs)
    fprintf (stderr, "procs %u, want %d (idle Ms %d)\n",
             runtime_gcstats.lastprocs, want_procs, idle);
  CHECK (runtime_gcstats.lastprocs == (uint32_t) want_procs);
  CHECK (runtime_gcstats.lastwoken == (uint32_t) want_procs - 1);
  CHECK (runtime_gcstats.lasthelpers <= runtime_gcstats.lastwoken);
  /* Woken for it, too late: the collection is over.  */
  CHECK (!runtime_gchelper (runtime_gcstats.lastcycle));
}

static void
test (void)
{
  formula ();
  /* This goroutine runs for the whole test: sysmon must not preempt it
     (a forced preemption hands its P to another M, maybe a new one).  */
  runtime_sysmon_nopreempt = 1;

  /* GOMAXPROCS 1: always one proc, and no spare Ms however often.  */
  runtime_GOMAXPROCS (1);
  settle ();
  int32_t mcount = locked_read (&runtime_sched.mcount);
  for (int i = 0; i < 3; i++)
    collect_and_check (1);
  settle ();
  CHECK (locked_read (&runtime_sched.mcount) == mcount);

  /* 8 CPUs, GOMAXPROCS 8: each collection limited by idle Ms adds one
     spare M, so the procs rise by one per collection up to MaxGcproc.  */
  runtime_ncpu_value = 8;
  runtime_GOMAXPROCS (8);
  int32_t idle = settle ();
  for (int32_t procs = idle + 1; procs <= MaxGcproc; procs++)
    {
      collect_and_check (procs);
      /* Limited by idle Ms: a spare joins the helpers on the idle list.  */
      int32_t want = procs < MaxGcproc ? procs : procs - 1;
      idle = settle ();
      if (idle != want)
        fprintf (stderr, "after %d procs: %d idle Ms, %d Ms\n", procs, idle,
                 locked_read (&runtime_sched.mcount));
      CHECK (idle == want);
    }
  /* At MaxGcproc: no more spare Ms.  */
  mcount = locked_read (&runtime_sched.mcount);
  collect_and_check (MaxGcproc);
  collect_and_check (MaxGcproc);
  settle ();
  CHECK (locked_read (&runtime_sched.mcount) == mcount);

  /* Fewer CPUs than GOMAXPROCS: the CPUs limit it.  */
  runtime_ncpu_value = 2;
  collect_and_check (2);

  /* Asking for more helpers than there are idle Ms throws.  */
  int fds[2];
  CHECK (pipe (fds) == 0);
  fflush (stdout);
  /* The child has this thread only: a lock another thread held at the
     fork would stay locked there.  A helper of the last collection may
     still be taking sched.lock to leave it (settle waits for that), and
     sysmon may take it any time: fork holding it.  */
  settle ();
  runtime_lock (&runtime_sched.lock);
  pid_t pid = fork ();
  runtime_unlock (&runtime_sched.lock);
  CHECK (pid >= 0);
  if (pid == 0)
    {
      dup2 (fds[1], 2);
      runtime_helpgc (locked_read (&runtime_sched.nmidle) + 2,
                      runtime_gcstats.lastcycle);
      _exit (0);
    }
  close (fds[1]);
  /* Read to the end (a child blocked on a full pipe would never exit),
     keeping the start, which is shown if the child ends otherwise than
     as a fatal error should: a sanitizer's report in the child (once,
     UBSan's in runtime_gotraceback) goes there, not to the test log.  */
  char buf[4096], discard[512];
  ssize_t len = 0;
  for (;;)
    {
      _Bool room = len < (ssize_t) sizeof buf - 1;
      ssize_t n = room ? read (fds[0], buf + len, sizeof buf - 1 - len)
                       : read (fds[0], discard, sizeof discard);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      if (room)
        len += n;
    }
  buf[len] = 0;
  close (fds[0]);
  int status;
  CHECK (waitpid (pid, &status, 0) == pid);
  if (!(WIFEXITED (status) && WEXITSTATUS (status) == 2)
      || strstr (buf, "fatal error: helpgc: no idle M") == NULL)
    fprintf (stderr, "child: status %#x, output:\n%s\n", status, buf);
  CHECK (WIFEXITED (status) && WEXITSTATUS (status) == 2);
  CHECK (strstr (buf, "fatal error: helpgc: no idle M") != NULL);
  printf ("ok\n");
  fflush (stdout);
}

LRT_MAIN (test)
