// run
// exitcode: 2
// output: prefix

// send on closed channel
package main

func main() { c := make(chan int, 1); close(c); c <- 1 }
