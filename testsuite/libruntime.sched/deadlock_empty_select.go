// run
// exitcode: 2
// output: prefix

// select {} with nothing else alive.
package main

func main() {
	select {}
}
