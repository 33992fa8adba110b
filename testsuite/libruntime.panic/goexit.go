// run
// env: GOMAXPROCS=2

// runtime.Goexit runs the goroutine's deferred calls, cannot be
// recovered, and ends only that goroutine.
package main

import "runtime"

func main() {
	done := make(chan string)
	go func() {
		defer func() { done <- "deferred ran" }()
		defer func() {
			if r := recover(); r != nil {
				panic("Goexit was recovered")
			}
		}()
		runtime.Goexit()
		panic("Goexit returned")
	}()
	println(<-done)
	println(runtime.NumGoroutine() <= 2)
}
