// run
// env: GOMAXPROCS=1

// Sysmon preempts a goroutine that loops calling functions, without any
// channel operation: the split-stack prologue of the next call sees the
// poisoned guard and yields (on arm, without prologues: a signal,
// sigpreempt.h), so main (on the only P) runs again.
package main

import "runtime"

var stop bool
var sink int

//go:noinline
func work(i int) int {
	a := [4]int{i, i + 1, i + 2, i + 3}
	return a[i&3] * 3
}

// Called through a variable so the compiler cannot prove the loop below
// leaves stop alone and read it only once.
var workf = work

func main() {
	done := make(chan int)
	go func() {
		n := 0
		for !stop {
			n += workf(n)
			n &= 0xffff
			n++
		}
		done <- n
	}()
	runtime.Gosched()
	stop = true
	sink = <-done
}
