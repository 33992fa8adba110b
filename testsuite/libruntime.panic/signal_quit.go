// run
// csources: signal_helpers.c
// options: -funwind-tables
// exitcode: 2
// output: regexp

// SIGQUIT prints "SIGQUIT: quit", the pc, and every goroutine's trace,
// then exits with status 2 (-funwind-tables: the trace of goroutine 1
// passes through C frames, which arm can only walk with tables).
package main

import "runtime"

//extern c_raise
func c_raise(sig int32)

//go:noinline
func waiter(c chan int) {
	<-c // line 19
}

func main() {
	c := make(chan int)
	go waiter(c)
	runtime.Gosched()
	c_raise(3) // line 26: to this thread, which runs goroutine 1
	for {
	}
}
