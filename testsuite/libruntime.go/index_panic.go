// run
// exitcode: 2
// output: prefix

// An out-of-range index panics with Go's message and exit status 2.
package main

var idx = 5

func main() {
	a := []int{1, 2, 3}
	println(a[idx])
}
