// run
// exitcode: 2
// output: regexp

// An integer division by zero, unrecovered: Go's message, the trace, status 2.
package main

var five = 5

//go:noinline
func fail() int {
	z := five - 5
	return five / z
}

func main() {
	fail()
}
