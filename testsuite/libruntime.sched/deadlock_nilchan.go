// run
// exitcode: 2
// output: prefix

// A send on a nil channel blocks forever.
package main

var c chan int

func main() {
	c <- 1
}
