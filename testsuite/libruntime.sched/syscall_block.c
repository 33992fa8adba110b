/* syscall_block.c: C side of syscall_block.go.  Blocking calls bracketed
   with the scheduler's entersyscall/exitsyscall, as cgo's Cgocall and
   CgocallDone will do (white-box: the prototypes are libruntime's
   internal ones, proc.h).  */
#include <pthread.h>
#include <time.h>
#include <unistd.h>

void runtime_entersyscall (void);
void runtime_exitsyscall (void);

static int fds[2];
static volatile int in_read;

int
c_pipe (void)
{
  return pipe (fds);
}

/* Block in read(2) on the pipe, outside Go.  */
int
c_blocking_read (void)
{
  char b = 0;
  runtime_entersyscall ();
  __atomic_store_n (&in_read, 1, __ATOMIC_SEQ_CST);
  ssize_t n = read (fds[0], &b, 1);
  runtime_exitsyscall ();
  return n == 1 ? b : -1;
}

int
c_in_read (void)
{
  return __atomic_load_n (&in_read, __ATOMIC_SEQ_CST);
}

static void *
writer (void *arg)
{
  struct timespec ts = { 0, 100 * 1000 * 1000 };
  nanosleep (&ts, NULL);
  char b = (char) (long) arg;
  (void) !write (fds[1], &b, 1);
  return NULL;
}

/* A thread the runtime does not know writes B after 100 ms.  */
int
c_write_later (int b)
{
  pthread_t t;
  return pthread_create (&t, NULL, writer, (void *) (long) b);
}

/* Sleep MS milliseconds in a "system call".  */
void
c_sleep_syscall (int ms)
{
  struct timespec ts = { ms / 1000, (ms % 1000) * 1000L * 1000 };
  runtime_entersyscall ();
  nanosleep (&ts, NULL);
  runtime_exitsyscall ();
}
