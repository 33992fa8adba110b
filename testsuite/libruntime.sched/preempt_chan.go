// run
// env: GOMAXPROCS=1

// Sysmon preempts a goroutine that has run for 10 ms: with one P, a
// goroutine polling a channel in a busy loop (select with default)
// yields at that safe point, so main runs again and stops it.
package main

import "runtime"

func main() {
	quit := make(chan bool)
	done := make(chan int)
	go func() {
		n := 0
		for {
			select {
			case <-quit:
				done <- n
				return
			default:
				n++
			}
		}
	}()
	runtime.Gosched() // the spinner runs; main comes back only by preemption
	close(quit)
	if <-done == 0 {
		panic("spinner never ran")
	}
}
