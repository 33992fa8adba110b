// spawn.go: start 1,000,000 goroutines, at most 10,000 alive at once.
package main

func main() {
	const total, window = 1000000, 10000
	done := make(chan int, window)
	sum := 0
	for i := 0; i < total; i++ {
		if i >= window {
			sum += <-done
		}
		go func(v int) { done <- v & 1 }(i)
	}
	for i := 0; i < window; i++ {
		sum += <-done
	}
	if sum != total/2 {
		panic("lost goroutines")
	}
}
