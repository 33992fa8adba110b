// run
// csources: callback_spin.c
// env: GOMAXPROCS=2

// A callback on a thread C created spins in a loop without calls, on
// a P of its own.  Stopping the world for a collection must stop it
// too: no stack guard is ever checked in such a loop, so only the
// forced-preemption signal can, and it must reach the borrowed extra
// M's thread.  main collects while it spins, and exits.
package main

/*
int start_spinner(void);
*/
import "C"

import "runtime"

var started bool

// Not inlined: before a loop that never ends, gcc -O2 drops a plain
// store of the caller's own.
//
//go:noinline
func markStarted() {
	started = true
}

//export goSpin
func goSpin() {
	markStarted()
	for {
	}
}

var keep [][]byte

func main() {
	if C.start_spinner() != 0 {
		panic("pthread_create")
	}
	for !started {
		runtime.Gosched()
	}
	for i := 0; i < 5; i++ {
		keep = append(keep, make([]byte, 1000))
		runtime.GC()
	}
	if len(keep) != 5 {
		panic("lost")
	}
	println("ok")
}
