// run
// csources: signal_helpers.c
// exitcode: 143
// output: prefix

// SIGTERM, without os/signal, kills the program by that signal (the
// shell sees 128 + 15) without running deferred calls or printing
// (the shell that runs the test prints "Terminated" after it).
package main

//extern c_kill_self
func c_kill_self(sig int32)

func main() {
	defer println("deferred call ran")
	println("before")
	c_kill_self(15)
	for {
	}
}
