// run
// env: GOMAXPROCS=1

// Stopping the world stops a goroutine spinning in a loop without
// calls: sysmon parks it by signal so that main runs, and a collection
// while it waits for the P again scans its registers on its stack; the
// collections main asks for (and those its allocation triggers) go
// ahead; the heap survives intact.  preempt_gc.go: GOMAXPROCS=2.
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
