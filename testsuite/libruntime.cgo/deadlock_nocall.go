// run
// exitcode: 2
// output: prefix

// A program that links cgo but never calls C keeps deadlock detection:
// the extra M for callbacks is made by the first cgo call only.
package main

/*
static int never(void) { return 1; }
*/
import "C"

var neverCalled = false

func main() {
	if neverCalled {
		C.never()
	}
	c := make(chan int)
	<-c
}
