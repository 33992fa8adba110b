// run
// csources: callback_threads.c
// exitcode: 2
// output: prefix

// A panic nobody recovers in a callback on a C thread ends the program
// as any unrecovered panic does.
package main

/*
int start_threads(int n, int k);
long join_threads(void);
*/
import "C"

//export goWork
func goWork(thread, iter C.int) C.long {
	panic("boom in callback")
}

func main() {
	C.start_threads(1, 1)
	C.join_threads()
	println("not reached")
}
