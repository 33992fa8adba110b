// run
// env: GOMAXPROCS=1

// Sysmon preempts a goroutine that has run for 10 ms: with one P, a
// goroutine polling a channel in a busy loop (select with default)
// yields at that safe point, so main runs again and stops it.
package main

func main() {
	quit := make(chan bool)
	started := make(chan bool, 1)
	done := make(chan int)
	go func() {
		n := 0
		started <- true // buffered: readies main, keeps the P
		for {
			select {
			case <-quit:
				done <- n
				return
			default:
				n++
			}
		}
	}()
	// main blocks until the spinner runs; from then on the spinner holds
	// the only P, and main runs again only if the spinner is preempted.
	<-started
	close(quit)
	<-done
}
