// run
// exitcode: 2
// output: regexp
// env: GOTRACEBACK=all

// GOTRACEBACK=all: the panicking goroutine, then every other one with
// its wait reason, its own frames (walked by resuming it) and the go
// statement that created it.
package main

import "runtime"

//go:noinline
func blocked(c chan int) {
	<-c // line 15
}

//go:noinline
func f() {
	panic("all")
}

func main() {
	c := make(chan int)
	go blocked(c)
	runtime.Gosched()
	f() // line 27
}
