// run
// csources: early_callback_ctor.c
// exitcode: 1

// A callback from a C constructor, before the runtime is set up and
// before any cgo call: no extra M exists, so it dies with Go's message
// and status 1, without touching the scheduler.
package main

import "C"

//export goEarly
func goEarly() {
	println("goEarly ran")
}

func main() {
	println("main ran")
}
