// run
// env: GOMAXPROCS=1

// A cgo call enters the system-call state: while C blocks, the P goes
// to another M and the other goroutines keep running on GOMAXPROCS=1.
// C waits until another goroutine has counted to 100 (or 60 s have
// passed): no fixed sleep whose length a loaded machine would decide.
// runtime.NumCgoCall counts every call.
package main

/*
#include <time.h>

// Blocks until *progress reaches want, or 60 s; returns what it saw.
static int wait_progress(const volatile int *progress, int want) {
	struct timespec ts = { 0, 1000000L };
	for (int ms = 0; ms < 60000 && *progress < want; ms++)
		nanosleep(&ts, 0);
	return *progress;
}

static int add(int a, int b) { return a + b; }
*/
import "C"

import "runtime"

func main() {
	if runtime.GOMAXPROCS(0) != 1 {
		panic("GOMAXPROCS is not 1")
	}
	n0 := runtime.NumCgoCall()
	for i := 0; i < 10; i++ {
		if C.add(C.int(i), 1) != C.int(i+1) {
			panic("add")
		}
	}
	if d := runtime.NumCgoCall() - n0; d != 10 {
		println("NumCgoCall grew by", d)
		panic("NumCgoCall")
	}

	stop := make(chan bool)
	ticks := make(chan int)
	progress := new(C.int) // C reads it; no Go pointers in it
	go func() {
		n := 0
		for {
			select {
			case <-stop:
				ticks <- n
				return
			default:
			}
			n++
			*progress = C.int(n)
			runtime.Gosched()
		}
	}()
	if seen := C.wait_progress(progress, 100); seen < 100 {
		println("the other goroutine ran", seen, "times while C blocked")
		panic("P not handed off")
	}
	stop <- true
	if n := <-ticks; n < 100 {
		println("ticks:", n)
		panic("ticks")
	}
	if d := runtime.NumCgoCall() - n0; d != 11 {
		println("NumCgoCall grew by", d)
		panic("NumCgoCall")
	}
	println("ok")
}
