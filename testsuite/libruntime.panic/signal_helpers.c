/* C helpers of the signal tests: send a signal to this process, fault
   in C code, break a pipe.  */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

void
c_kill_self (int sig)
{
  kill (getpid (), sig);
}

/* Send SIG to this thread only.  */
void
c_raise (int sig)
{
  raise (sig);
}

/* A NULL dereference in C code called from Go.  */
int
c_fault (int *volatile p)
{
  return *p + 1;
}

/* Write to a pipe whose read end is closed: returns the errno of the
   failed write (EPIPE when SIGPIPE does not kill), or 0.  With TO_FD
   >= 0 the pipe's write end first replaces that descriptor.  */
int
c_broken_pipe (int to_fd)
{
  int fds[2];
  if (pipe (fds) != 0)
    return -1;
  close (fds[0]);
  int w = fds[1];
  if (to_fd >= 0)
    {
      dup2 (fds[1], to_fd);
      close (fds[1]);
      w = to_fd;
    }
  if (write (w, "x", 1) < 0)
    return errno;
  return 0;
}

int c_epipe (void) { return EPIPE; }
