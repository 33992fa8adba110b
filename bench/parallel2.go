// parallel2.go: CPU-bound work split over 8 goroutines, at GOMAXPROCS=2
// (compare parallel2 with parallel1 for the speed-up).
// bench-env: GOMAXPROCS=2
package main

func work(seed uint64, n int) uint64 {
	x := seed
	for i := 0; i < n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

func main() {
	const parts, n = 8, 40000000
	res := make(chan uint64, parts)
	for i := 0; i < parts; i++ {
		go func(s uint64) { res <- work(s, n) }(uint64(i + 1))
	}
	var acc uint64
	for i := 0; i < parts; i++ {
		acc ^= <-res
	}
	if acc == 0 {
		panic("no work")
	}
}
