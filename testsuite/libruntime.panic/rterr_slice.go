// run
// exitcode: 2
// output: regexp

// Slice bounds out of range, unrecovered: Go's message, the trace, status 2.
package main

var five = 5

//go:noinline
func fail() int {
	s := []int{1, 2, 3}
	j := five
	return len(s[1:j])
}

func main() {
	fail()
}
