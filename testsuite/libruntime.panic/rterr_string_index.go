// run
// exitcode: 2
// output: regexp

// A string index out of range, unrecovered: Go's message, the trace, status 2.
package main

var five = 5

//go:noinline
func fail() int {
	s := "abc"
	return int(s[five])
}

func main() {
	fail()
}
