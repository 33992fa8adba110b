// run
// exitcode: 2
// output: regexp
// requires: __go_go
// timeout: 120
// arches: arm arm64 (fixed stacks: the kinds without a guard page exist only where gccgo emits no split-stack prologues)

// A runaway overflow of a fixed stack without a guard page (stack_fixed.c's
// Small kind, which goroutines get once 12,544 guarded stacks exist) that
// never switches: it runs through the untouched zone and the stacks
// below it in its 1 MiB mapping, faults in the mapping's bottom guard,
// and is reported as Go reports a stack overflow, not as a bare
// segmentation fault.
package main

var sink int

//go:noinline
func down(n int, pad [8]int) int {
	pad[n%8] = n
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
