/* measure.c: run a command and print "SECONDS MAXRSS_KIB EXITCODE".

   bench/run uses this instead of measuring from python: a child's
   ru_maxrss starts from its parent's resident size at fork, so the
   launcher must be small for the start-up benchmark to mean anything.  */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main (int argc, char **argv)
{
  struct timespec t0, t1;
  struct rusage ru;
  int status;
  if (argc < 2)
    {
      fprintf (stderr, "usage: measure COMMAND [ARG...]\n");
      return 2;
    }
  clock_gettime (CLOCK_MONOTONIC, &t0);
  pid_t pid = fork ();
  if (pid == 0)
    {
      dup2 (2, 1);   /* the program's output must not mix with ours */
      execvp (argv[1], argv + 1);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &ru) < 0)
    return 2;
  clock_gettime (CLOCK_MONOTONIC, &t1);
  printf ("%.6f %ld %d\n",
          (double) (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
          ru.ru_maxrss, WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status));
  return 0;
}
