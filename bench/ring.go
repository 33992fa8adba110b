// ring.go: a token passed 1,000,000 times around a ring of 1,000
// goroutines.
package main

func main() {
	const size, hops = 1000, 1000000
	first := make(chan int)
	in := first
	for i := 0; i < size-1; i++ {
		out := make(chan int)
		go func(in, out chan int) {
			for v := range in {
				out <- v
			}
			close(out)
		}(in, out)
		in = out
	}
	last := in
	first <- 0
	for h := size - 1; h < hops; h += size {
		v := <-last
		first <- v + 1
	}
	<-last
	close(first)
}
