// run
// csources: callback_during_init.c

// A package initialiser starts a C thread that calls back into Go at
// once, then sleeps in C for 100 ms: the callback (from a thread not
// running Go) waits until package initialisation is over, as in Go.
package main

/*
int start_now(void);
void sleep_ms(int);
*/
import "C"

var initDone bool
var report = make(chan bool, 1)

//export goReport
func goReport() {
	report <- initDone
}

func init() {
	if C.start_now() != 0 {
		panic("pthread_create")
	}
	C.sleep_ms(100)
	initDone = true
}

func main() {
	if !<-report {
		panic("the callback ran during package initialisation")
	}
	println("ok")
}
