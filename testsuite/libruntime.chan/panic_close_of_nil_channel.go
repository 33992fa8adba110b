// run
// exitcode: 2
// output: prefix

// close of nil channel
package main

func main() { var c chan int; close(c) }
