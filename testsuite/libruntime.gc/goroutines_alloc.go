// run
// env: GOMAXPROCS=2

// Collections stop every goroutine: four goroutines build and check
// linked lists while the heap turns over many times (GOGC=100 starts a
// collection every few MB); a list node freed while reachable would be
// reused and its check would fail.
package main

import "runtime"

type node struct {
	next *node
	val  int
	pad  [5]int
}

func build(n, seed int) *node {
	var h *node
	for i := 0; i < n; i++ {
		h = &node{next: h, val: seed + i}
	}
	return h
}

func check(h *node, n, seed int) {
	for i := n - 1; i >= 0; i-- {
		if h == nil || h.val != seed+i {
			panic("list corrupted")
		}
		h = h.next
	}
}

func worker(id int, done chan int) {
	keep := build(1000, id*1000000)
	for round := 0; round < 200; round++ {
		l := build(500, round)
		if round%50 == 0 {
			runtime.Gosched()
		}
		check(l, 500, round)
		check(keep, 1000, id*1000000)
	}
	done <- id
}

func main() {
	done := make(chan int)
	for i := 0; i < 4; i++ {
		go worker(i, done)
	}
	sum := 0
	for i := 0; i < 4; i++ {
		sum += <-done
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if sum != 6 || ms.NumGC == 0 {
		println(sum, ms.NumGC)
		panic("fail")
	}
}
