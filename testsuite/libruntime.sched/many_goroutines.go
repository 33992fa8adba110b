// run
// env: GOMAXPROCS=2
// timeout: 120

// 100,000 goroutines alive at once, all blocked, then released, on
// every arch.  Stacks grow in segments on amd64 and 386; gccgo emits no
// split-stack prologues on arm and arm64, where goroutines get fixed
// stacks of three kinds (libruntime/stack_fixed.c): the first 12,544
// over guard pages (two mappings each; the kernel allows 65,530), the
// rest 16 KiB ones without, which fit a 32-bit address space.
package main

import "runtime"

func main() {
	n := 100000
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
