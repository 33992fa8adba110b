// run
// exitcode: 2
// output: regexp
// env: GOTRACEBACK=all GOMAXPROCS=1

// GOTRACEBACK=all while another goroutine is parked by a forced
// preemption.  With one P, sysmon's signal stops the spinner in its
// call-free loop so that main runs again; the spinner stays parked in
// the signal handler, runnable and waiting for the P, while main
// panics.  Its registers are held by its thread, not in a saved
// context: the traceback shows its header and creator and must not
// resume it (which crashed, or hung).
package main

var sink int

//go:noinline
func spin(started chan bool) {
	started <- true
	for i := 0; ; i++ {
		sink = i
	}
}

//go:noinline
func f() {
	panic("parked")
}

func main() {
	started := make(chan bool, 1)
	go spin(started)
	<-started
	f() // line 34
}
