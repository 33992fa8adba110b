// run

// runtime.cgoCheckPointer, which cgo's generated code calls before
// passing a pointer to C: a Go pointer to memory without Go pointers
// passes; one to memory holding a Go pointer (a struct field, a slice
// element, a global) panics with Go's runtime error.  gccgo's cgo does
// not check what exported functions return; its _cgoCheckResult hook
// (runtime.cgoCheckResult) is called directly here.
package main

/*
#include <stdint.h>
static intptr_t take(void *p) { return p != 0; }
static intptr_t take_pp(int **p) { return p != 0; }
*/
import "C"

import "unsafe"

type withPtr struct {
	n int
	p *int
}

var global withPtr

func expectPanic(name, want string, f func()) {
	defer func() {
		e := recover()
		if e == nil {
			println(name, "did not panic")
			panic("fail")
		}
		if msg := e.(error).Error(); msg != want {
			println(name, "panicked with", msg)
			panic("fail")
		}
		println(name + ":", want)
	}()
	f()
}

func main() {
	x := new(int)
	C.take(unsafe.Pointer(x))
	buf := make([]byte, 64)
	C.take(unsafe.Pointer(&buf[0]))
	plain := &withPtr{n: 1}
	C.take(unsafe.Pointer(plain)) // its pointer field is nil
	println("allowed: ok")

	y := 5
	expectPanic("struct with a Go pointer", "runtime error: cgo argument has Go pointer to Go pointer", func() {
		C.take(unsafe.Pointer(&withPtr{1, &y}))
	})
	s := []*int{x}
	expectPanic("slice of Go pointers", "runtime error: cgo argument has Go pointer to Go pointer", func() {
		C.take_pp((**C.int)(unsafe.Pointer(&s[0])))
	})
	global.p = x
	expectPanic("global with a Go pointer", "runtime error: cgo argument has Go pointer to Go pointer", func() {
		C.take(unsafe.Pointer(&global))
	})
	_cgoCheckResult(unsafe.Pointer(nil))
	_cgoCheckResult(C.intptr_t(5))
	expectPanic("result", "runtime error: cgo result has Go pointer", func() {
		_cgoCheckResult(unsafe.Pointer(x))
	})
}
