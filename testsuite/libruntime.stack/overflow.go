// run
// exitcode: 2
// output: regexp

// Unbounded recursion on the main goroutine stops at Go's limit (1 GB on
// 64-bit, 250 MB on 32-bit, summed over all segments) with Go's message
// and status 2 -- or, on arm, where the stack cannot grow, when the
// guard zone is hit -- not with a bare SIGSEGV.
package main

var sink int

//go:noinline
func down(n int, pad [16]int) int {
	pad[n%16] = n
	return down(n+1, pad) + pad[(n+1)%16]
}

func main() {
	sink = down(0, [16]int{})
	println("unreachable")
}
