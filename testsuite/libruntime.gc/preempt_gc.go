// run
// env: GOMAXPROCS=2

// Stopping the world stops a goroutine spinning in a loop without
// calls, which ignores every stop request: a signal parks its thread
// with its registers on its stack.  With GOMAXPROCS=2 it spins on the
// other P while main collects; then runtime.GOMAXPROCS(1) (itself a
// stop of the world) leaves one P, which sysmon takes from the spinner
// by signal so that main runs and collects while the spinner waits.
// The collections main asks for and those its allocation triggers go
// ahead, and the heap survives intact.
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

var keep *node

func collect(rounds int) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	gc0 := ms.NumGC
	keep = nil
	for r := 1; r <= rounds; r++ {
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
	if ms.NumGC < gc0+uint32(rounds) {
		panic("too few collections")
	}
}

func main() {
	go spin()
	for !started {
		runtime.Gosched()
	}
	collect(20)
	runtime.GOMAXPROCS(1)
	collect(20)
	println("ok")
}
