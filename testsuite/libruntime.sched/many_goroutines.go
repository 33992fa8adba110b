// run
// env: GOMAXPROCS=2
// timeout: 120

// Many goroutines alive at once, all blocked, then released: 100,000
// where stacks grow in segments (amd64, 386).  gccgo emits no split-stack
// prologues on arm and arm64, so goroutines there get fixed stacks, each
// with a guard page (its own mapping; the kernel allows 65,530): 20,000
// on arm64, and 4,000 on arm, whose 256 KiB stacks must fit a 32-bit
// address space (qemu-arm leaves less than 3 GiB).
package main

import "runtime"

func main() {
	n := 100000
	switch runtime.GOARCH {
	case "arm":
		n = 4000
	case "arm64":
		n = 20000
	}
	start := make(chan bool)
	done := make(chan int, 100)
	for i := 0; i < n; i++ {
		go func(v int) {
			<-start
			done <- v
		}(i)
	}
	if g := runtime.NumGoroutine(); g != n+1 {
		println("NumGoroutine", g)
		panic("wrong goroutine count")
	}
	close(start)
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-done
	}
	if sum != n*(n-1)/2 {
		panic("lost a goroutine")
	}
}
