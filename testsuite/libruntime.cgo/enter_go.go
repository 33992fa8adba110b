// run
// csources: enter_go.c

// The C API's recipe for a thread C created (include/libruntime.h
// section 2): GoEnter, then Go calls (GoCallFuncVal, GoReflectCall),
// then GoLeave.  The Go code uses channels and allocates.
package main

/*
typedef struct { const void *type; void *data; } eface;
long c_enter_threads(eface square, eface note, int n);
*/
import "C"

import "unsafe"

func eface(f interface{}) C.eface {
	return *(*C.eface)(unsafe.Pointer(&f))
}

var notes = make(chan int, 8)

func square(x int) int { return x * x }

func note(x int) int {
	s := make([]int, x+1)
	notes <- len(s)
	return x + 1
}

func main() {
	const n = 5
	sum := C.c_enter_threads(eface(square), eface(note), n)
	want := 0
	for i := 0; i < n; i++ {
		want += i*i + 1
	}
	if int(sum) != want {
		println("sum", sum, "want", want)
		panic("wrong sum")
	}
	total := 0
	for i := 0; i < n; i++ {
		total += <-notes
	}
	if total != want {
		panic("wrong notes")
	}
	println("ok")
}
