// run
// env: GOMAXPROCS=1

// Gosched yields: with one P, two goroutines that yield alternate.
package main

import "runtime"

func main() {
	done := make(chan bool)
	out := make([]int, 0, 10)
	go func() {
		for i := 0; i < 5; i++ {
			out = append(out, 1)
			runtime.Gosched()
		}
		done <- true
	}()
	for i := 0; i < 5; i++ {
		out = append(out, 0)
		runtime.Gosched()
	}
	<-done
	for i := 0; i < 8; i++ {
		if out[i] == out[i+1] {
			println(i, out[i])
			panic("no alternation")
		}
	}
	println(runtime.NumCPU() > 0, runtime.GOMAXPROCS(0))
}
