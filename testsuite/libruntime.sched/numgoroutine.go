// run
// env: GOMAXPROCS=2

// NumGoroutine counts live goroutines: it rises as goroutines start and
// block, and falls back as they exit (their Gs are reused: the count
// follows what runs, not what was allocated).  NumCPU is positive and
// GOMAXPROCS(0) reads the value the environment set.
package main

import "runtime"

// A goroutine that signalled its exit may still be on its way out on
// another thread (which the OS may not run for a while on a busy
// machine): wait for it, yielding, before judging.
func check(want int) {
	for i := 0; i < 500000 && runtime.NumGoroutine() != want; i++ {
		runtime.Gosched()
	}
	if n := runtime.NumGoroutine(); n != want {
		println("NumGoroutine", n, "want", want)
		panic("fail")
	}
}

func main() {
	if runtime.NumCPU() < 1 || runtime.GOMAXPROCS(0) != 2 {
		panic("NumCPU or GOMAXPROCS")
	}
	check(1)
	for round := 0; round < 3; round++ {
		block := make(chan bool)
		exited := make(chan bool)
		for i := 0; i < 100; i++ {
			go func() {
				<-block
				exited <- true
			}()
		}
		check(101)
		close(block)
		for i := 0; i < 100; i++ {
			<-exited
		}
		check(1)
	}
}
