// run
// env: GOMAXPROCS=4
// timeout: 180

// Deep recursion under GC: eight goroutines each recurse 100,000 frames
// deep (1,000 on arm, whose fixed 256 KiB stacks hold about 1,500 of
// these frames at -O0), every frame holding the only pointer to a fresh
// heap object and allocating as it goes, while another goroutine
// collects without pause.  On the way back every object must still hold what was put in
// it: the collector found every frame on every segment (or fixed
// stack), mid-split ones included.
package main

import "runtime"

type node struct {
	depth int
	sq    int
	tail  [3]*int
}

var depth = 100000

func init() {
	if runtime.GOARCH == "arm" {
		depth = 1000
	}
}

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
	}
	if x.depth != n || x.sq != n*id || *x.tail[0] != n || *x.tail[2] != n+2 {
		println("frame", n, "of goroutine", id, "lost its object")
		return -1 << 30
	}
	return r + 1
}

func main() {
	stop := make(chan bool)
	gcs := make(chan int)
	go func() {
		n := 0
		for {
			select {
			case <-stop:
				gcs <- n
				return
			default:
			}
			runtime.GC()
			n++
		}
	}()
	results := make(chan int)
	for id := 1; id <= 8; id++ {
		go func(id int) { results <- rec(depth, id) }(id)
	}
	ok := true
	for i := 0; i < 8; i++ {
		if r := <-results; r != depth+1 {
			println("recursion returned", r)
			ok = false
		}
	}
	stop <- true
	if n := <-gcs; n == 0 {
		println("no collection ran")
		ok = false
	}
	if ok {
		println("ok")
	}
}
