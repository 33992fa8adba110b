// run
// exitcode: 2
// output: prefix

// close of closed channel
package main

func main() { c := make(chan int); close(c); close(c) }
