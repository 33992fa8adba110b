// deep_stack: 10,000 goroutines, each recursing 1,000 frames deep, up
// to 100 finished ones waiting to be collected.  Measures stack growth
// (split stacks: segment allocation and reuse; gc Go: stack copying)
// and goroutine start and exit.
package main

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
	done := make(chan int, 100)
	for i := 0; i < goroutines; i++ {
		go func() { done <- rec(depth) }()
	}
	total := 0
	for i := 0; i < goroutines; i++ {
		total += <-done
	}
	if total != goroutines*depth {
		println("wrong total", total)
		panic("deep_stack")
	}
	println("deep_stack:", goroutines, "goroutines x", depth, "frames")
}
