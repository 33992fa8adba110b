// run
// env: GOMAXPROCS=2

// Stopping the world stops a goroutine spinning in a loop without
// calls on the other P: the collector's stop request is ignored, so a
// signal parks its thread with its registers on its stack, and the
// collections main asks for (and those its allocation triggers) go
// ahead; the heap survives intact.  preempt_gc1.go: GOMAXPROCS=1.
package main

import "runtime"

var started bool

type node struct {
	next *node
	v    int
}

func spin() {
	started = true
	for {
	}
}

func main() {
	go spin()
	for !started {
		runtime.Gosched()
	}
	var keep *node
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	gc0 := ms.NumGC
	for r := 1; r <= 20; r++ {
		for i := 0; i < 5000; i++ {
			keep = &node{keep, i}
			_ = make([]byte, 100) // garbage
		}
		runtime.GC()
		n := 0
		for p := keep; p != nil; p = p.next {
			n++
		}
		if n != r*5000 {
			panic("lost nodes")
		}
	}
	runtime.ReadMemStats(&ms)
	if ms.NumGC < gc0+20 {
		panic("too few collections")
	}
	println("ok")
}
