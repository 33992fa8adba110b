// run
// exitcode: 2
// output: regexp

// The run-time error of a nil pointer dereference: recovered, it is a runtime.Error
// whose Error() is Go's message; unrecovered, the program prints it
// as Go does, with the trace, and exits with status 2.
package main

import "runtime"

var five = 5

//go:noinline
func fail() int {
	var p *[4]int
	return p[five-2]
}

func recovered() {
	defer func() {
		e, ok := recover().(runtime.Error)
		println("recovered:", ok, e.Error())
	}()
	fail()
}

func main() {
	recovered()
	fail()
}
