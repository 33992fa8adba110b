// run

// runtime.Stack: the current goroutine's trace as Go prints it, and
// with all=true every goroutine's, each with its wait reason; a short
// buffer gets a truncated trace.
package main

import "runtime"

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

//go:noinline
func waiter(c chan int) {
	<-c
}

//go:noinline
func mine() string {
	buf := make([]byte, 4096)
	n := runtime.Stack(buf, false)
	return string(buf[:n])
}

func main() {
	s := mine()
	println("single header:", len(s) > 22 && s[:22] == "goroutine 1 [running]:")
	println("single frames:", contains(s, "\nmain.mine(...)\n\t"), contains(s, "stack.go:27 +0x"),
		contains(s, "\nmain.main(...)\n\t"), contains(s, "stack.go:32 +0x"))
	println("single only:", !contains(s, "goroutine 2"))

	c := make(chan int)
	go waiter(c)
	buf := make([]byte, 8192)
	all := ""
	// Until the new goroutine has run up to its receive (other threads
	// may start it late).
	for i := 0; i < 10000 && !contains(all, " [chan receive]:\nmain.waiter(...)\n\t"); i++ {
		runtime.Gosched()
		n := runtime.Stack(buf, true)
		all = string(buf[:n])
	}
	println("all:", contains(all, "goroutine 1 [running]:\nmain.main(...)"),
		contains(all, "\n\ngoroutine "), contains(all, " [chan receive]:\nmain.waiter(...)\n\t"))

	short := make([]byte, 10)
	n := runtime.Stack(short, false)
	println("short:", n, string(short[:n]))
	c <- 1
}
