// run
// env: GOGC=off

// GOGC=off: no collection however much is allocated; runtime.GC still
// collects.
package main

import "runtime"

var sink *[4096]byte

func main() {
	for i := 0; i < 8000; i++ { // 32 MiB
		sink = new([4096]byte)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.NumGC != 0 {
		println("NumGC", ms.NumGC)
		panic("collected with GOGC=off")
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	if ms.NumGC != 1 || ms.NumForcedGC != 1 {
		panic("runtime.GC did not collect")
	}
	if ms.HeapAlloc > 8<<20 {
		panic("garbage not freed")
	}
}
