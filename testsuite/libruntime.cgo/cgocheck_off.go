// run
// env: GODEBUG=cgocheck=0

// GODEBUG=cgocheck=0 turns runtime.cgoCheckPointer off: passing a Go
// pointer to memory holding a Go pointer no longer panics.
package main

/*
#include <stdint.h>
static intptr_t take(void *p) { return p != 0; }
*/
import "C"

import "unsafe"

type withPtr struct {
	n int
	p *int
}

func main() {
	y := new(int)
	if C.take(unsafe.Pointer(&withPtr{1, y})) != 1 {
		panic("take")
	}
	println("ok")
}
