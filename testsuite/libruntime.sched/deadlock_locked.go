// run
// exitcode: 2
// output: prefix
// env: GOMAXPROCS=2

// A main goroutine locked to its thread that blocks forever is still a
// deadlock: its M waits for it, but nothing can ever wake it.
package main

import "runtime"

func main() {
	runtime.LockOSThread()
	c := make(chan int)
	go func() {
		c <- 1
		c <- 2 // blocks forever: nobody receives twice
	}()
	<-c
	<-make(chan int)
}
