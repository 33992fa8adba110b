// run
// exitcode: 2
// output: regexp

// An index out of range, unrecovered: Go's message, the trace, status 2.
package main

var five = 5

//go:noinline
func fail() int {
	s := []int{1, 2, 3}
	i := five
	return s[i]
}

func main() {
	fail()
}
