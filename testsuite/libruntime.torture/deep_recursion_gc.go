// run
// env: GOMAXPROCS=4
// timeout: 180

// Deep recursion under GC: eight goroutines each recurse 100,000 frames
// deep (20,000 under GODEBUG=gcevery; 1,000 on arm and arm64, whose
// fixed 256 KiB stacks hold about 1,500 of these frames at -O0), every frame holding the only pointer to a fresh
// heap object and allocating as it goes, while another goroutine
// collects without pause; main collects too while all eight are at
// their deepest.  On the way back every object must still hold what was
// put in it: the collector found every frame on every segment (or fixed
// stack), mid-split ones included.
package main

import (
	"runtime"
	_ "unsafe" // go:linkname
)

// The runtime's getenv: tests link no package but runtime.
//
//go:linkname gogetenv runtime.gogetenv
func gogetenv(key string) string

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

type node struct {
	depth int
	sq    int
	tail  [3]*int
}

var depth = 100000

func init() {
	if runtime.GOARCH == "arm" || runtime.GOARCH == "arm64" {
		depth = 1000 // fixed stacks: no split-stack prologues there
	} else if contains(gogetenv("GODEBUG"), "gcevery=") {
		// A collection every N allocations scans every stack: the work
		// grows with the square of the depth (100,000 frames took
		// minutes under tools/torture's knobs; 20,000 take seconds).
		depth = 20000
	}
}

// At the bottom each goroutine waits until main has collected with all
// eight at their deepest (the collector goroutine alone might finish
// none before the recursions, under qemu).
var arrived = make(chan bool)
var release = make(chan bool)

//go:noinline
func rec(n int, id int) int {
	x := &node{depth: n, sq: n * id}
	for i := range x.tail {
		v := n + i
		x.tail[i] = &v
	}
	if n%512 == 0 {
		runtime.Gosched()
	}
	r := 0
	if n > 0 {
		r = rec(n-1, id)
	} else {
		arrived <- true
		<-release
	}
	if x.depth != n || x.sq != n*id || *x.tail[0] != n || *x.tail[2] != n+2 {
		println("frame", n, "of goroutine", id, "lost its object")
		return -1 << 30
	}
	return r + 1
}

func main() {
	stop := make(chan bool)
	go func() {
		for {
			runtime.GC()
			select {
			case <-stop:
				stop <- true
				return
			default:
			}
		}
	}()
	results := make(chan int)
	for id := 1; id <= 8; id++ {
		go func(id int) { results <- rec(depth, id) }(id)
	}
	for i := 0; i < 8; i++ {
		<-arrived
	}
	for i := 0; i < 3; i++ {
		runtime.GC()
	}
	close(release)
	ok := true
	for i := 0; i < 8; i++ {
		if r := <-results; r != depth+1 {
			println("recursion returned", r)
			ok = false
		}
	}
	stop <- true
	<-stop
	if ok {
		println("ok")
	}
}
