// run
// exitcode: 2
// output: prefix
// env: GOMAXPROCS=1

// Main blocked on a send nobody receives, other goroutines blocked too.
package main

func main() {
	c := make(chan int)
	d := make(chan int)
	go func() { <-d }()
	c <- 1
}
