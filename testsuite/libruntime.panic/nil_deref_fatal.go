// run
// exitcode: 2
// output: regexp

// An unrecovered nil dereference prints Go's panic and signal lines.
package main

type T struct{ a, b int }

var p *T

func main() {
	println(p.b)
}
