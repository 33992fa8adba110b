// run
// exitcode: 2
// output: regexp

// A nil pointer dereference, unrecovered: Go's message, the trace, status 2.
package main

var five = 5

//go:noinline
func fail() int {
	var p *[4]int
	return p[five-2]
}

func main() {
	fail()
}
