// run
// csources: callback_threads.c

// Threads created by C call an exported Go function: each call borrows
// an extra M and its G (needm) and gives them back (dropm).  The
// callbacks use the whole runtime: they allocate, start goroutines,
// block on channels that main serves (parking the borrowed G), and
// recover panics, a nil dereference's too; several threads do so at
// once.
package main

/*
int start_threads(int n, int k);
long join_threads(void);
*/
import "C"

import "runtime"

type request struct {
	thread, iter int
	reply        chan int
}

var requests = make(chan request)

type T struct{ x int }

var nilT *T

// A fault on the C thread's stack becomes a panic recovered in Go.
func nilDeref() (r int) {
	defer func() {
		if recover() != nil {
			r = 7
		}
	}()
	return nilT.x
}

func recovered(s string) (n int) {
	defer func() {
		n = len(recover().(string))
	}()
	panic(s)
}

//export goWork
func goWork(thread, iter C.int) C.long {
	// Unbalanced: the borrowed G must stay on its thread's stack anyway.
	runtime.UnlockOSThread()
	runtime.UnlockOSThread()
	m := make(map[int]string)
	for i := 0; i < 50; i++ {
		m[i] = "x"
	}
	reply := make(chan int)
	requests <- request{int(thread), int(iter), reply}
	v := <-reply
	helper := make(chan int)
	go func() { helper <- len(m) }()
	return C.long(v + <-helper + recovered("abc") + nilDeref())
}

func main() {
	const threads, iters = 6, 20
	g0 := runtime.NumGoroutine()
	if C.start_threads(threads, iters) != 0 {
		panic("start_threads")
	}
	want := 0
	for n := 0; n < threads*iters; n++ {
		r := <-requests
		v := r.thread*1000 + r.iter
		want += v + 50 + 3 + 7
		r.reply <- v
	}
	got := C.join_threads()
	if int(got) != want {
		println("got", got, "want", want)
		panic("wrong sum")
	}
	// The helpers may still be on their way out.
	for i := 0; i < 10000 && runtime.NumGoroutine() != g0; i++ {
		runtime.Gosched()
	}
	if n := runtime.NumGoroutine(); n != g0 {
		println("goroutines before", g0, "after", n)
		panic("borrowed goroutines still counted")
	}
	println("ok")
}
