// run
// csources: callback_wait.c

// After a cgo call the program may block with every goroutine asleep:
// the extra M made by that call counts as running, because a C thread
// may call back at any time, and here one does (after 200 ms), waking
// main with a channel send.
package main

// int start_later(int);
import "C"

var delivered = make(chan int)

//export goDeliver
func goDeliver(v C.int) {
	delivered <- int(v)
}

func main() {
	if C.start_later(42) != 0 {
		panic("pthread_create")
	}
	v := <-delivered
	println("delivered", v)
}
