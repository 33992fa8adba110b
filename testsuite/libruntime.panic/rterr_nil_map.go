// run
// exitcode: 2
// output: regexp

// An assignment to a nil map, unrecovered: Go's message, the trace, status 2.
package main

var five = 5

//go:noinline
func fail() int {
	var m map[string]int
	m["k"] = five
	return 0
}

func main() {
	fail()
}
