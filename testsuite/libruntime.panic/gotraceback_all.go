// run
// exitcode: 2
// output: regexp
// env: GOTRACEBACK=all

// GOTRACEBACK=all: the panicking goroutine, then every other one with
// its wait reason, its own frames (walked by resuming it) and the go
// statement that created it.
package main

import "runtime"

//go:noinline
func blocked(c chan int) {
	<-c // line 15
}

//go:noinline
func f() {
	panic("all")
}

// parked waits until the other goroutine is parked in its receive
// (another thread may start it late, a loaded machine later still).
func parked() {
	buf := make([]byte, 8192)
	for {
		n := runtime.Stack(buf, true)
		if contains(string(buf[:n]), " [chan receive]:\nmain.blocked(") {
			return
		}
		runtime.Gosched()
	}
}

func main() {
	c := make(chan int)
	go blocked(c)
	parked()
	f() // line 40
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
