// run
// env: GOMAXPROCS=2 GOGC=off

// A goroutine calling runtime.GC in a loop does not starve the others:
// every runnable goroutine that a collection stopped has run again
// before runtime.GC returns.  The spinners loop without calls, so only
// a signal stops them (forced preemption): each resumes only after two
// thread wake-ups, which a collector restarting at once always beat
// (they advanced in few of them, while ever more collections scanned ever deeper stacks in deep_recursion_gc.go).  Each runtime.GC
// here must see every spinner advance.
package main

import (
	"runtime"
	"sync/atomic"
)

const spinners = 3

var counts [spinners]uint32
var stop uint32

func spin(i int) {
	for atomic.LoadUint32(&stop) == 0 {
		atomic.AddUint32(&counts[i], 1)
	}
}

func main() {
	for i := 0; i < spinners; i++ {
		go spin(i)
	}
	for i := 0; i < spinners; i++ {
		for atomic.LoadUint32(&counts[i]) == 0 {
			runtime.Gosched()
		}
	}
	const rounds = 20
	stalled := 0
	for r := 0; r < rounds; r++ {
		var before [spinners]uint32
		for i := range before {
			before[i] = atomic.LoadUint32(&counts[i])
		}
		runtime.GC()
		for i := range before {
			if atomic.LoadUint32(&counts[i]) == before[i] {
				stalled++
			}
		}
	}
	atomic.StoreUint32(&stop, 1)
	if stalled != 0 {
		println("spinners stalled across", stalled, "of", rounds*spinners, "collections")
		return
	}
	println("ok")
}
