// run
// env: GOMAXPROCS=3

// GOMAXPROCS from the environment and runtime.GOMAXPROCS(n) changes with
// goroutines running across the change.
package main

import "runtime"

func worker(n int, out chan<- int64) {
	var s int64
	for i := 0; i < n; i++ {
		s += int64(i)
		if i%1000 == 0 {
			runtime.Gosched()
		}
	}
	out <- s
}

func main() {
	if p := runtime.GOMAXPROCS(0); p != 3 {
		println("GOMAXPROCS", p)
		panic("env GOMAXPROCS ignored")
	}
	out := make(chan int64)
	for i := 0; i < 8; i++ {
		go worker(100000, out)
	}
	if old := runtime.GOMAXPROCS(1); old != 3 {
		panic("GOMAXPROCS(1) returned the wrong old value")
	}
	runtime.GOMAXPROCS(2)
	var sum int64
	for i := 0; i < 8; i++ {
		sum += <-out
	}
	println(sum, runtime.GOMAXPROCS(0))
}
