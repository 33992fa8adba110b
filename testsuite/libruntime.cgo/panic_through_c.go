// run

// A panic in a callback (Go -> C -> Go) goes up through the C frames
// (compiled with -fexceptions) and is recovered in the Go code that made
// the cgo call; the runtime is back in its normal state afterwards: more
// cgo calls, goroutines and a collection work.
package main

/*
extern void goPanics(int);
static int callPanics(int x) { goPanics(x); return 1; }
*/
import "C"

import "runtime"

//export goPanics
func goPanics(x C.int) {
	if x > 0 {
		panic("through C")
	}
}

func try() (r string) {
	defer func() {
		if e := recover(); e != nil {
			r = e.(string)
		}
	}()
	C.callPanics(1)
	return "no panic"
}

func main() {
	for i := 0; i < 3; i++ {
		println(try())
	}
	println(C.callPanics(0))
	done := make(chan int)
	go func() { done <- 1 }()
	<-done
	runtime.GC()
	println("ok")
}
