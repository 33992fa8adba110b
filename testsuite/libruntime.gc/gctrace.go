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
	alloc()
	runtime.GC()
	big = nil
	runtime.GC()
	println("done")
}
