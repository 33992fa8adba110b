// run
// exitcode: 2
// output: regexp

// An unrecovered nil dereference deep in a call chain prints the panic,
// the signal line and a trace of every Go frame with Go's names and
// file:line (line numbers of this file, innermost first).
package main

type node struct {
	next *node
	val  int
}

//go:noinline
func walk(n *node, depth int) int {
	if depth == 0 {
		return n.next.val // n.next is nil: line 18
	}
	return walk(n, depth-1) + 1 // line 20
}

//go:noinline
func start() int {
	return walk(&node{}, 3) // line 25
}

func main() {
	println(start()) // line 29
}
