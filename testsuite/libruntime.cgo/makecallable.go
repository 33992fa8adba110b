// run
// csources: makecallable.c

// GoMakeCallable turns Go func values into C function pointers through
// libffi closures: C calls them like C functions, from inside a cgo
// call, from a plain //extern call, and from threads C created (each
// call enters Go as an exported function would).
package main

/*
typedef struct { const void *type; void *data; } eface;
long c_add(eface f, long a, long b);
long c_multi(eface f);
int c_small(eface f);
int c_threads(eface f, int n, int k);
*/
import "C"

import (
	"runtime"
	"unsafe"
)

//extern c_add
func cAddDirect(f interface{}, a, b int) int

func eface(f interface{}) C.eface {
	return *(*C.eface)(unsafe.Pointer(&f))
}

// Top-level functions: their func values are constants, not Go
// pointers, so cgo lets C have them.  Closures go the //extern way.
var k = 100

func add(a, b int) int { return a + b + k }

func multi(x float64, y float32, s string) (float64, string) {
	return x + float64(y), s + "de"
}

func small(x int8) int8 { return x * 3 }

const threads, iters = 4, 50

var sums = make(chan int, threads*iters)

func work(id int) {
	b := make([]int, id)
	sums <- len(b)
}

func main() {
	if r := C.c_add(eface(add), 3, 4); r != 3+4+100+1+1+100 {
		println("c_add:", r)
		panic("c_add")
	}
	j := 1000
	closure := func(a, b int) int { return a + b + j }
	if r := cAddDirect(closure, 5, 6); r != 5+6+1000+2+1000 {
		println("c_add direct:", r)
		panic("c_add direct")
	}
	if r := C.c_multi(eface(multi)); r != 1750+5 {
		println("c_multi:", r)
		panic("c_multi")
	}
	if r := C.c_small(eface(small)); r != -15 {
		println("c_small:", r)
		panic("c_small")
	}

	// C threads: each call borrows an extra M; the Go side allocates
	// and counts through a channel while the collector runs.
	done := make(chan bool)
	go func() {
		for i := 0; i < 20; i++ {
			runtime.GC()
		}
		done <- true
	}()
	C.c_threads(eface(work), threads, iters)
	<-done
	total := 0
	for i := 0; i < threads*iters; i++ {
		total += <-sums
	}
	if total != iters*(1+2+3+4) {
		println("threads total:", total)
		panic("c_threads")
	}
	println("ok")
}
