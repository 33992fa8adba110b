// run
// env: GOGC=100

// Memory goes back to the OS when the live heap shrinks: a few
// collections after 96 MiB of live objects die, most of the idle heap
// is released.
package main

import "runtime"

var live [][]byte
var nodes []*[64]int

// Not on main's stack, which is scanned conservatively: under
// GODEBUG=gcevery a thousand collections fill PauseEnd, and on 32-bit
// the low halves of its 256 times (in ns) are words all over the heap.
// One in the nodes array kept it and its 100,000 objects, 26 MB, alive
// once in 40 runs on 386.  A global without pointers is not scanned.
var ms runtime.MemStats

//go:noinline
func build() {
	for i := 0; i < 96*16; i++ {
		live = append(live, make([]byte, 64<<10))
	}
	for i := 0; i < 100000; i++ {
		nodes = append(nodes, new([64]int))
	}
}

func main() {
	build()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	if ms.HeapInuse < 96<<20 {
		panic("live heap not in use")
	}
	live, nodes = nil, nil
	// Free spans stay mapped for a few cycles (the next one would
	// likely fault them in again), then go back to the OS.
	for i := 0; i < 6; i++ {
		runtime.GC()
	}
	runtime.ReadMemStats(&ms)
	held := ms.HeapSys - ms.HeapReleased
	if held > 32<<20 || ms.HeapReleased < 64<<20 {
		println("HeapSys", ms.HeapSys, "HeapReleased", ms.HeapReleased, "HeapInuse", ms.HeapInuse)
		panic("memory not returned")
	}
}
