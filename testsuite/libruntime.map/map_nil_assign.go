// run
// exitcode: 2
// output: prefix

// Assignment to an entry in a nil map panics.
package main

var m map[string]int

func main() {
	m["x"] = 1
}
