// run
// env: GOMAXPROCS=1

// A cgo call enters the system-call state: while C blocks for 100 ms,
// the P goes to another M and the other goroutines keep running on
// GOMAXPROCS=1.  runtime.NumCgoCall counts every call.
package main

/*
#include <time.h>

static int sleep_ms(int ms) {
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	nanosleep(&ts, 0);
	return ms;
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
			runtime.Gosched()
		}
	}()
	runtime.Gosched() // let it start
	if C.sleep_ms(100) != 100 {
		panic("sleep_ms")
	}
	stop <- true
	n := <-ticks
	if n < 100 {
		println("the other goroutine ran", n, "times while C slept")
		panic("P not handed off")
	}
	if d := runtime.NumCgoCall() - n0; d != 11 {
		println("NumCgoCall grew by", d)
		panic("NumCgoCall")
	}
	println("ok")
}
