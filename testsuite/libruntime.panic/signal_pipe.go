// run
// csources: signal_helpers.c
// exitcode: 141

// SIGPIPE as under gc without os/signal: a write to a broken pipe
// fails with EPIPE instead of killing the program, even on standard
// error, where the runtime's own prints then go nowhere; os.sigpipe,
// which package os calls after EPIPE on standard output or error,
// kills the program by SIGPIPE (128 + 13).
package main

import _ "unsafe"

//extern c_broken_pipe
func c_broken_pipe(toFd int32) int32

//extern c_epipe
func c_epipe() int32

//go:linkname ossigpipe os.sigpipe
func ossigpipe()

func main() {
	println("other fd:", c_broken_pipe(-1) == c_epipe())
	println("stderr before")
	if c_broken_pipe(2) != c_epipe() {
		panic("write to broken stderr did not fail with EPIPE")
	}
	println("lost: stderr is broken")
	ossigpipe()
	for {
	}
}
