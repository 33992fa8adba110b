// run
// exitcode: 2
// output: prefix

// main blocked on a receive nobody will satisfy.
package main

func main() {
	c := make(chan int)
	<-c
}
