// run
// exitcode: 2
// output: regexp
// env: GOTRACEBACK=all

// runtime.Stack(buf, true) walks every other goroutine by resuming it;
// a goroutine walked so stays parked where it was, can be walked again
// (here by the dying program's GOTRACEBACK=all trace), and runs on
// normally when it is woken.  A second walk used to resume it as if
// woken: "fatal error: checkdead: runnable goroutine", or a hang.
package main

import "runtime"

//go:noinline
func blocked(c chan int) {
	<-c // line 17
}

//go:noinline
func echo(in, out chan int) {
	out <- <-in + 1
}

// walkUntil walks every goroutine until WANT shows (or with GONE, no
// longer shows), then twice more.
func walkUntil(want string, gone bool) {
	buf := make([]byte, 8192)
	for seen := 0; seen < 3; runtime.Gosched() {
		n := runtime.Stack(buf, true)
		if contains(string(buf[:n]), want) != gone {
			seen++
		}
	}
}

func main() {
	c := make(chan int)
	go blocked(c) // line 39
	in, out := make(chan int), make(chan int)
	go echo(in, out)
	walkUntil(" [chan receive]:\nmain.blocked(", false)
	walkUntil(" [chan receive]:\nmain.echo(", false)
	in <- 41
	println("echo:", <-out)
	walkUntil("\nmain.echo(", true) // until it has returned
	panic("after Stack") // line 47
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
