// chanbuf.go: 10,000,000 ints through a buffered channel.
package main

func main() {
	const n = 10000000
	c := make(chan int, 128)
	go func() {
		for i := 0; i < n; i++ {
			c <- i
		}
		close(c)
	}()
	sum := 0
	for v := range c {
		sum += v
	}
	if sum != n*(n-1)/2 {
		panic("bad sum")
	}
}
