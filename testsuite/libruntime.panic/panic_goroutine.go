// run
// exitcode: 2
// output: prefix

// A panic on another goroutine kills the program with that
// goroutine's number.
package main

func main() {
	c := make(chan int)
	go func() {
		panic("in goroutine")
	}()
	<-c
}
