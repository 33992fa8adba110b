// run
// exitcode: 2
// output: regexp

// A deadlock is a fatal error that prints every goroutine's trace, each
// walked from where it blocked, and "created by" with the go statement.
package main

//go:noinline
func sender(c chan int) {
	c <- 1 // line 11
}

func main() {
	c := make(chan int)
	done := make(chan bool)
	go sender(c)
	<-done // line 18
}
