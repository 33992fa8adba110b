// run
// csources: early_callback_thread.c
// exitcode: 1

// A thread started by a C constructor calls back into Go while main
// has made no cgo call (it waits for the thread through a plain
// //extern call): the callback dies with Go's message and status 1.
package main

import "C"

//export goEarly
func goEarly() {
	println("goEarly ran")
}

//extern join_early_thread
func joinEarlyThread()

func main() {
	joinEarlyThread()
	println("main ran on")
}
