// run
// env: GODEBUG=gctrace=1 GOGC=100
// output: regexp

// GODEBUG=gctrace=1 prints one line per collection to stderr:
//   gc N @T.TTTs P%: X.XXX ms pause, B->L MB, G MB goal, K procs
// (heap before, marked live, next goal; see libruntime/mgc.c).
package main

import "runtime"

var big []byte

//go:noinline
func alloc() {
	big = make([]byte, 20<<20)
}

func main() {
	// Allocated on a goroutine that is gone by the collections: the
	// conservative scan of main's stack must not find a stale copy of
	// the pointer in some frame's padding (the allocation's frames were
	// main's own stack otherwise).
	done := make(chan bool)
	go func() {
		alloc()
		done <- true
	}()
	<-done
	runtime.GC()
	big = nil
	runtime.GC()
	println("done")
}
