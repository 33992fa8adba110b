// pingpong.go: 2,000,000 round trips between two goroutines over
// unbuffered channels.
package main

func main() {
	const n = 2000000
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for i := 0; i < n; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
	if v != n {
		panic("wrong count")
	}
}
