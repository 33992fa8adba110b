// run

// Go calls C, C calls back into Go on the same thread, several levels
// deep: each callback leaves the system-call state of the cgo call
// below it and re-enters it, allocates, uses channels and goroutines,
// and recovers a panic of its own.
package main

/*
extern int goDown(int);

static int cDown(int n) {
	// C frames between the Go frames.
	volatile int local = n;
	return goDown(local) + 1;
}
*/
import "C"

import "runtime"

var depthSeen = make(chan int, 100)

func mayPanic(n int) (r int) {
	defer func() {
		if e := recover(); e != nil {
			r = len(e.(string))
		}
	}()
	if n%2 == 0 {
		panic("even depth")
	}
	return 0
}

//export goDown
func goDown(n C.int) C.int {
	depthSeen <- int(n)
	s := make([]int, 0)
	for i := 0; i < 1000; i++ {
		s = append(s, i)
	}
	done := make(chan int)
	go func() { done <- len(s) }()
	if <-done != 1000 {
		panic("goroutine in callback")
	}
	r := mayPanic(int(n))
	if n == 0 {
		return C.int(r)
	}
	return C.cDown(n-1) + C.int(r)
}

func main() {
	n0 := runtime.NumCgoCall()
	// depths 5..0: C adds 1 per level (6), recovered panics at 4, 2, 0
	// add len("even depth") = 10 each.
	r := C.cDown(5)
	if r != 6+30 {
		println("cDown:", r)
		panic("wrong result")
	}
	if len(depthSeen) != 6 {
		panic("wrong number of callbacks")
	}
	if d := runtime.NumCgoCall() - n0; d != 6 {
		println("NumCgoCall grew by", d)
		panic("NumCgoCall")
	}
	runtime.GC()
	println("ok")
}
