// run
// exitcode: 2
// output: prefix

// An interface key whose dynamic type is not comparable panics.
package main

func main() {
	m := map[interface{}]int{}
	m[[]int{1}] = 1
}
