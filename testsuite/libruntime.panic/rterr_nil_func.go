// run
// exitcode: 2
// output: regexp

// A call of a nil function value, unrecovered: Go's message, the trace, status 2.
package main

var five = 5

//go:noinline
func fail() int {
	var f func() int
	return f()
}

func main() {
	fail()
}
