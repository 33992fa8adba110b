// run
// exitcode: 2
// output: regexp

// A failed type assertion, unrecovered: Go's message, the trace, status 2.
package main

var five = 5

//go:noinline
func fail() int {
	var e interface{} = "str"
	return e.(int)
}

func main() {
	fail()
}
