// run
// csources: callback_threads.c

// Eight C threads are inside Go callbacks at the same time: each waits
// until all have arrived, so each needs an extra M of its own while the
// others block in Go (a thread finding none spare makes one).
package main

/*
int start_threads(int n, int k);
long join_threads(void);
*/
import "C"

const threads = 8

var arrived = make(chan int)
var all = make(chan bool)

//export goWork
func goWork(thread, iter C.int) C.long {
	arrived <- int(thread)
	<-all
	return C.long(thread)
}

func main() {
	if C.start_threads(threads, 1) != 0 {
		panic("start_threads")
	}
	seen := 0
	for i := 0; i < threads; i++ {
		seen |= 1 << <-arrived
	}
	close(all)
	if sum := C.join_threads(); sum != threads*(threads-1)/2 || seen != 1<<threads-1 {
		println("sum", sum, "seen", seen)
		panic("wrong")
	}
	println("ok")
}
