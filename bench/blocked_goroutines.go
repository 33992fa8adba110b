// blocked_goroutines: 100,000 goroutines blocked on a channel at once.
// bench/run reports the maximum RSS: divided by 100,000 it is what a
// parked goroutine costs (its stack page, which holds its G and wait
// record too, and its closure).
package main

const goroutines = 100000

func main() {
	block := make(chan int)
	ready := make(chan bool, goroutines)
	for i := 0; i < goroutines; i++ {
		go func() {
			ready <- true
			<-block
		}()
	}
	for i := 0; i < goroutines; i++ {
		<-ready
	}
	println("blocked_goroutines:", goroutines, "parked")
	close(block)
}
