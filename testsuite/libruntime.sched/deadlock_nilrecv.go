// run
// exitcode: 2
// output: prefix

// A receive from a nil channel blocks forever.
package main

var c chan int

func main() {
	<-c
}
