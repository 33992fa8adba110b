// deep_stack: 10,000 goroutines, each recursing 1,000 frames deep,
// GOMAXPROCS of them at a time.  Measures stack growth (split stacks:
// segment allocation and reuse; gc Go: stack copying) and goroutine
// start/exit.  Prints the elapsed time; compare runs by hand:
//   tools/gort -O2 bench/deep_stack.go -o ds && ./ds
//   gccgo-12 -O2 bench/deep_stack.go -o ds_libgo && ./ds_libgo
//   go run bench/deep_stack.go
package main

import (
	"fmt"
	"os"
	"time"
)

const (
	goroutines = 10000
	depth      = 1000
)

//go:noinline
func rec(n int) int {
	var pad [4]int
	pad[n%4] = n
	if n == 0 {
		return 0
	}
	return rec(n-1) + pad[n%4] - n + 1
}

func main() {
	start := time.Now()
	done := make(chan int, 100)
	for i := 0; i < goroutines; i++ {
		go func() { done <- rec(depth) }()
	}
	total := 0
	for i := 0; i < goroutines; i++ {
		total += <-done
	}
	if total != goroutines*depth {
		fmt.Println("wrong total", total)
		os.Exit(1)
	}
	fmt.Printf("deep_stack: %d goroutines x %d frames: %.1f ms\n",
		goroutines, depth, float64(time.Since(start).Microseconds())/1000)
}
