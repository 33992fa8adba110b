// run
// timeout: 180

// A loop allocating 4 GB in total (400 MB under qemu on arm) of mixed
// sizes with about 10 MB live keeps the peak RSS under 100 MB: the
// collector frees garbage and the allocator reuses it.  Under GOGC=1
// (tools/torture) each of the collections, one every 100 KB, marks
// the 10 MB live: 400 MB is enough churn there.
package main

import (
	"runtime"
	"unsafe"
)

type rusage struct {
	times  [4]int // ru_utime, ru_stime (timeval: two longs each)
	maxrss int    // KiB
	rest   [13]int
}

//extern getrusage
func getrusage(who int32, ru *rusage) int32

//extern getenv
func getenv(name *byte) *byte

// gogc1: GOGC is set to exactly "1".
func gogc1() bool {
	v := getenv(&[]byte("GOGC\x00")[0])
	if v == nil || *v != '1' {
		return false
	}
	return *(*byte)(unsafe.Pointer(uintptr(unsafe.Pointer(v)) + 1)) == 0
}

type obj struct {
	next *obj
	data []byte
}

func main() {
	total := int64(4 << 30)
	if runtime.GOARCH == "arm" || gogc1() {
		total = 400 << 20
	}
	const window = 3500 // about 10 MB live (3 KB on average)
	var ring [window]*obj
	allocated := int64(0)
	for i := 0; allocated < total; i++ {
		size := 16 << uint(i%11) // 16 B .. 16 KiB, 10 KiB average
		if i%97 == 0 {
			size = 100 << 10 // some large objects
		}
		o := &obj{data: make([]byte, size)}
		o.data[0] = byte(i)
		// o points at its predecessor; the oldest object leaves the
		// window, so its successor forgets it.
		o.next = ring[(i+window-1)%window]
		if n := ring[(i+1)%window]; n != nil {
			n.next = nil
		}
		ring[i%window] = o
		allocated += int64(size) + 32
	}
	for i, o := range ring {
		if o == nil || len(o.data) == 0 {
			println("slot", i, "lost")
			panic("fail")
		}
	}
	var ru rusage
	if getrusage(0, &ru) != 0 {
		panic("getrusage")
	}
	limit := 100 << 10
	if runtime.GOARCH == "arm" {
		limit += 60 << 10 // qemu-arm's own RSS
	}
	if ru.maxrss > limit {
		println("max RSS", ru.maxrss, "KiB")
		panic("RSS too high")
	}
}
