// run
// csources: syscall_block.c
// env: GOMAXPROCS=2

// Blocking system calls (C calls bracketed with entersyscall and
// exitsyscall, as cgo does) with one P:
// - while main sleeps in a system call, sysmon hands its P to another
//   M and other goroutines run;
// - a goroutine blocked in read(2) lets main run (the P again), and
//   main blocked on a channel while that read waits is no deadlock: the
//   reader's thread is in a system call, and a foreign thread's write
//   ends it.
package main

//extern c_pipe
func c_pipe() int32

//extern c_blocking_read
func c_blocking_read() int32

//extern c_in_read
func c_in_read() int32

//extern c_write_later
func c_write_later(b int32) int32

//extern c_sleep_syscall
func c_sleep_syscall(ms int32)

func main() {
	progress := make(chan int, 1000)
	go func() {
		for i := 0; ; i++ {
			progress <- i
		}
	}()
	// As in syscall_block.go: a loaded machine may need more than one
	// 50 ms sleep.
	for i := 0; i < 40 && len(progress) == 0; i++ {
		c_sleep_syscall(50)
	}
	if len(progress) == 0 {
		panic("no goroutine ran during main's system call")
	}

	if c_pipe() != 0 {
		panic("pipe")
	}
	result := make(chan int32)
	go func() { result <- c_blocking_read() }()
	for c_in_read() == 0 {
		<-progress // a safe point that lets the reader in
	}
	if c_write_later(42) != 0 {
		panic("pthread_create")
	}
	if r := <-result; r != 42 {
		println("read", r)
		panic("wrong byte")
	}
}
