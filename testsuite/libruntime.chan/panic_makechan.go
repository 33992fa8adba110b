// run
// exitcode: 2
// output: prefix

// makechan: size out of range
package main

var n = -1

func main() {
	c := make(chan int, n)
	println(c == nil)
}
