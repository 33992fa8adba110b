// run

// runtime.ReadMemStats is consistent with itself and with what the
// program did: Mallocs-Frees equals HeapObjects, the heap's parts add
// up, live objects are counted and dead ones go after a collection.
package main

import "runtime"

type node struct {
	next *node
	v    [6]int
}

var keep []*node

func check(ms *runtime.MemStats, what string) {
	fail := func(why string) {
		println(what, ":", why)
		panic("inconsistent MemStats")
	}
	if ms.Mallocs-ms.Frees != ms.HeapObjects {
		fail("Mallocs-Frees != HeapObjects")
	}
	if ms.Alloc != ms.HeapAlloc || ms.TotalAlloc < ms.Alloc {
		fail("Alloc")
	}
	if ms.HeapSys != ms.HeapIdle+ms.HeapInuse || ms.HeapReleased > ms.HeapIdle {
		fail("HeapSys != HeapIdle+HeapInuse")
	}
	if ms.HeapInuse < ms.HeapAlloc || ms.Sys < ms.HeapSys {
		fail("HeapInuse < HeapAlloc or Sys < HeapSys")
	}
	var sum uint64
	for i := uint32(0); i < ms.NumGC && i < 256; i++ {
		sum += ms.PauseNs[i]
	}
	if ms.NumGC <= 256 && sum != ms.PauseTotalNs {
		fail("PauseTotalNs")
	}
	if ms.GCCPUFraction < 0 || ms.GCCPUFraction > 1 {
		fail("GCCPUFraction")
	}
	var bysize uint64
	for _, b := range ms.BySize {
		bysize += b.Mallocs
	}
	if bysize > ms.Mallocs {
		fail("BySize")
	}
}

// Allocation happens in frames that are gone when the collector runs:
// stacks are scanned conservatively, so a pointer left in main's frame
// or registers would keep dead objects.

//go:noinline
func fill(n int) {
	for i := 0; i < n; i++ {
		n := &node{}
		if i%10 == 0 {
			keep = append(keep, n)
		}
	}
}

func main() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	check(&ms, "start")
	gc0 := ms.NumGC
	fill(100000)
	runtime.GC()
	runtime.ReadMemStats(&ms)
	check(&ms, "after GC")
	if ms.NumGC < gc0+1 || ms.LastGC == 0 || ms.NextGC == 0 || ms.PauseTotalNs == 0 {
		panic("collection not counted")
	}
	if ms.HeapObjects < 10000 || ms.HeapAlloc < 10000*28 {
		println(ms.HeapObjects, ms.HeapAlloc)
		panic("live objects not counted")
	}
	if ms.TotalAlloc < 100000*28 || ms.Mallocs < 100000 {
		panic("allocations not counted")
	}
	objs, frees := ms.HeapObjects, ms.Frees
	keep = nil
	runtime.GC()
	runtime.ReadMemStats(&ms)
	check(&ms, "after drop")
	if ms.HeapObjects > objs-9000 || ms.Frees < frees+9000 {
		println(objs, ms.HeapObjects, frees, ms.Frees)
		panic("dead objects still counted")
	}
	// Between collections too.
	fill(1000)
	runtime.ReadMemStats(&ms)
	check(&ms, "between")
}
