// run
// env: GOMAXPROCS=1

// A goroutine in a loop without calls never reaches a safe point or a
// split-stack prologue; sysmon preempts it by signal after it ignores a
// time-slice request (at once on arm): its thread parks, its P goes on,
// and main and another goroutine on the only P keep running.
package main

import "runtime"

var started bool

func spin() {
	started = true
	for {
	}
}

func main() {
	go spin()
	for !started {
		runtime.Gosched() // once spin runs, main comes back only by preemption
	}
	c := make(chan int)
	go func() {
		for i := 1; i <= 10; i++ {
			c <- i
		}
		close(c)
	}()
	sum := 0
	for v := range c {
		sum += v
		runtime.Gosched() // the spinner gets the P again each time
	}
	println("ok", sum)
}
