// run
// exitcode: 2
// output: regexp
// requires: __go_go

// Unbounded recursion on a goroutine other than main: Go's message and
// status 2.  amd64 and 386: the goroutine's segments reach Go's limit
// (1 GB, 250 MB); arm: its fixed stack (the first goroutines' 256 KiB,
// libruntime/stack_fixed.c) runs into its guard page.
package main

var sink int

//go:noinline
func down(n int, pad [16]int) int {
	pad[n%16] = n
	return down(n+1, pad) + pad[(n+1)%16]
}

func main() {
	done := make(chan int)
	go func() { done <- down(0, [16]int{}) }()
	sink = <-done
	println("unreachable")
}
