// blocked_goroutines: 100,000 goroutines blocked on a channel.  Run it
// under /usr/bin/time -f %M: the maximum RSS divided by 100,000 is what
// a parked goroutine costs (its stack pages, G, argument block).
//   /usr/bin/time -f %MkB ./bg
package main

import (
	"fmt"
	"time"
)

const goroutines = 100000

func main() {
	start := time.Now()
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
	fmt.Printf("blocked_goroutines: %d parked in %.1f ms\n", goroutines,
		float64(time.Since(start).Microseconds())/1000)
	close(block)
}
