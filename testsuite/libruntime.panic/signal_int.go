// run
// csources: signal_helpers.c
// exitcode: 130

// SIGINT, without os/signal, kills the program by that signal (the
// shell sees 128 + 2) without running deferred calls or printing.
package main

//extern c_kill_self
func c_kill_self(sig int32)

func main() {
	defer println("deferred call ran")
	println("before")
	c_kill_self(2)
	for {
	}
}
