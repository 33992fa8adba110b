// run
// exitcode: 2
// output: prefix
// env: GOMAXPROCS=2

// Every goroutine blocked in select.
package main

func main() {
	a, b := make(chan int), make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			select {
			case <-a:
			case b <- 1:
			}
		}()
	}
	select {
	case <-a:
	case <-b:
		<-a
	}
}
