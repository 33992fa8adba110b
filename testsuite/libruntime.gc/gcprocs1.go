// run
// env: GOMAXPROCS=1 GODEBUG=gctrace=1 GOGC=off
// output: regexp

// With GOMAXPROCS=1 every collection uses 1 proc: GOMAXPROCS, not the
// idle Ms, limits the count, so no spare M is started (gcprocs.go has
// GOMAXPROCS=2).  A goroutine that runs and blocks leaves an idle M
// behind, which must not raise the count either.
package main

import "runtime"

var keep [][]int

func main() {
	c := make(chan int)
	go func() { c <- 1 }()
	<-c
	for i := 0; i < 3; i++ {
		keep = append(keep, make([]int, 1000))
		runtime.GC()
	}
	println("ok")
}
