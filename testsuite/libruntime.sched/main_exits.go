// run
// env: GOMAXPROCS=2

// The program exits with status 0 when main returns, whatever other
// goroutines are doing (blocked, or busy in a loop).
package main

var sink int

func main() {
	c := make(chan int)
	go func() { <-c }()
	go func() {
		for {
			sink++
		}
	}()
	println("bye")
}
