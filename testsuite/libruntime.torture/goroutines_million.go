// run
// timeout: 300
// csources: torture_util.c
// arches: amd64 (1,000,000 first segments of 16 KiB need 16 GiB of address space: more than 386 has; arm's fixed 256 KiB stacks would need 256 GiB)

// 1,000,000 goroutines alive at once, each parked on a channel after
// recording its id, then all released: every one runs to completion
// exactly once and NumGoroutine sees them all while they wait.
// TORTURE_GOROUTINES in the environment changes the count.
package main

import "runtime"

//extern torture_env_int
func envInt(name *byte, def int) int

func main() {
	n := envInt(&[]byte("TORTURE_GOROUTINES\x00")[0], 1000000)
	start := make(chan struct{})
	ready := make(chan int, 4096)
	done := make(chan int, 4096)
	for i := 0; i < n; i++ {
		go func(id int) {
			ready <- id
			<-start
			done <- id
		}(i)
	}
	seen := make([]bool, n)
	for i := 0; i < n; i++ {
		id := <-ready
		if seen[id] {
			println("goroutine", id, "started twice")
			return
		}
		seen[id] = true
	}
	if got := runtime.NumGoroutine(); got < n+1 {
		println("NumGoroutine", got, "with", n, "parked")
		return
	}
	close(start)
	for i := 0; i < n; i++ {
		id := <-done
		if !seen[id] {
			println("goroutine", id, "finished twice")
			return
		}
		seen[id] = false
	}
	println("ok")
}
