// run
// env: GOGC=100

// A program allocating a lot in init is collected during init too.
package main

import "runtime"

var sink *[1 << 16]byte
var gcsInInit uint32

func init() {
	for i := 0; i < 4000; i++ { // 256 MiB of garbage
		sink = new([1 << 16]byte)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	gcsInInit = ms.NumGC
	if ms.HeapSys > 64<<20 {
		println("HeapSys", ms.HeapSys)
		panic("init garbage not collected")
	}
}

func main() {
	if gcsInInit == 0 {
		panic("no collection during init")
	}
}
