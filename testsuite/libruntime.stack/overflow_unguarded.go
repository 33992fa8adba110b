// run
// exitcode: 2
// output: regexp
// requires: __go_go
// timeout: 120
// arches: arm arm64 (fixed stacks: the kinds without a guard page exist only where gccgo emits no split-stack prologues)

// An overflow of a fixed stack without a guard page (stack_fixed.c's
// Small kind, which goroutines get once 12,544 guarded stacks exist) is
// reported as Go reports it when the goroutine switches away with its
// sp below its stack: the recursion yields every few frames, so it is
// caught inside the untouched zone below the stack, before it reaches
// the stack under it.
package main

import "runtime"

var sink int

//go:noinline
func down(n int, pad [8]int) int {
	pad[n%8] = n
	if n%4 == 0 {
		runtime.Gosched()
	}
	return down(n+1, pad) + pad[(n+1)%8]
}

func main() {
	block := make(chan bool)
	for i := 0; i < 13000; i++ {
		go func() { <-block }()
	}
	done := make(chan int)
	go func() { done <- down(0, [8]int{}) }()
	sink = <-done
	println("unreachable")
}
