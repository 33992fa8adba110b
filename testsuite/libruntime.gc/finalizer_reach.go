// run

// Finalizers never run for objects reachable only from another
// goroutine's stack, a global, a map, a channel buffer or a blocked
// goroutine's closure; they do run, once, when those let go.
package main

import "runtime"

type T struct {
	id  int
	pad [6]int
}

var finalized [16]int

func count(t *T) { finalized[t.id]++ }

var sentinels int

//go:noinline
func dropSentinel() {
	s := new([4]int)
	runtime.SetFinalizer(s, func(*[4]int) { sentinels++ })
}

// Collect, then wait until the finalizer goroutine has run everything
// queued so far (see finalizer.go).
func gcs(n int) {
	for i := 0; i < n; i++ {
		runtime.GC()
	}
	seen := sentinels
	for try := 0; sentinels == seen; try++ {
		if try == 1000 {
			panic("finalizer goroutine does not run")
		}
		dropSentinel()
		runtime.GC()
		for j := 0; j < 10 && sentinels == seen; j++ {
			runtime.Gosched()
		}
	}
}

//go:noinline
func newT(id int) *T {
	t := &T{id: id}
	runtime.SetFinalizer(t, count)
	return t
}

var m map[int]*T
var ch chan *T
var global *T

//go:noinline
func holder(id int, ready, release chan bool, done chan int) {
	t := newT(id) // only on this goroutine's stack
	ready <- true
	<-release
	done <- t.id
}

//go:noinline
func closureHolder(id int, ready, release chan bool, done chan int) {
	f := func() func() int {
		t := newT(id)
		return func() int { return t.id }
	}()
	ready <- true
	<-release
	done <- f()
}

//go:noinline
func fill() {
	m = make(map[int]*T)
	m[1] = newT(1)
	ch = make(chan *T, 4)
	ch <- newT(2)
	global = newT(5)
}

//go:noinline
func receive() {
	if t := <-ch; t.id != 2 {
		panic("channel value changed")
	}
}

func want(id, n int) {
	if finalized[id] != n {
		println("object", id, "finalized", finalized[id], "times, want", n)
		panic("fail")
	}
}

func main() {
	fill()
	ready := make(chan bool)
	release := make(chan bool)
	done := make(chan int)
	go holder(3, ready, release, done)
	<-ready
	go closureHolder(4, ready, release, done)
	<-ready
	for i := 0; i < 3; i++ {
		gcs(1)
		for id := 1; id <= 5; id++ {
			want(id, 0)
		}
	}
	if m[1].id != 1 {
		panic("map value changed")
	}
	if global.id != 5 {
		panic("global value changed")
	}
	global = nil
	receive()
	release <- true
	release <- true
	if a, b := <-done, <-done; a+b != 7 {
		panic("goroutines saw changed objects")
	}
	delete(m, 1)
	for try := 0; finalized[1]+finalized[2]+finalized[3]+finalized[4]+finalized[5] != 5; try++ {
		if try == 100 {
			println(finalized[1], finalized[2], finalized[3], finalized[4], finalized[5])
			panic("released objects not finalized")
		}
		gcs(1)
	}
	gcs(2)
	for id := 1; id <= 5; id++ {
		want(id, 1)
	}
}
