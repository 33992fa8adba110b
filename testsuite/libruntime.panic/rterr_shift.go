// run
// exitcode: 2
// output: regexp

// A shift by a negative amount, unrecovered: Go's message, the trace, status 2.
package main

var five = 5

//go:noinline
func fail() int {
	n := five - 6
	return 1 << n
}

func main() {
	fail()
}
