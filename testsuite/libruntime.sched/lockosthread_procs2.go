// run
// env: GOMAXPROCS=2

// LockOSThread: with one P, a goroutine locked to its thread blocks,
// yields and wakes many times while unlocked goroutines run on other
// threads through the same P; nothing deadlocks and every goroutine
// finishes.  Locking nests; an unmatched UnlockOSThread is harmless.
package main

import "runtime"

func worker(id int, in <-chan int, out chan<- int) {
	for v := range in {
		if v%7 == 0 {
			runtime.Gosched()
		}
		out <- v + id
	}
	close(out)
}

func main() {
	runtime.UnlockOSThread() // unmatched: no effect
	runtime.LockOSThread()
	runtime.LockOSThread()
	runtime.UnlockOSThread() // still locked once

	const n = 4
	var ins [n]chan int
	var outs [n]chan int
	for i := 0; i < n; i++ {
		ins[i] = make(chan int)
		outs[i] = make(chan int)
		go worker(i, ins[i], outs[i])
	}
	sum := 0
	for v := 0; v < 2000; v++ {
		i := v % n
		ins[i] <- v
		sum += <-outs[i]
		if v%100 == 0 {
			runtime.Gosched()
		}
	}
	for i := 0; i < n; i++ {
		close(ins[i])
		if _, ok := <-outs[i]; ok {
			panic("out not closed")
		}
	}
	want := 0
	for v := 0; v < 2000; v++ {
		want += v + v%n
	}
	if sum != want {
		panic("wrong sum")
	}

	// A locked goroutine that exits gives its thread back.
	done := make(chan bool)
	go func() {
		runtime.LockOSThread()
		done <- true
	}()
	<-done
	runtime.UnlockOSThread()
}
