// run
// env: GODEBUG=stacksegmin=1

// runtime.Callers across splits holds Go frames only: __morestack,
// which sits between a split function and its caller, is no frame of
// the program and takes no slot (with the smallest segments every
// frame of this recursion splits, and 100 slots held 50 Go frames).
// On arm there are no splits, and the same must hold trivially.
package main

import "runtime"

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

//go:noinline
func deep(n int) int {
	var pad [256]byte
	pad[n%256] = byte(n)
	if n == 0 {
		return frames()
	}
	return deep(n-1) + int(pad[n%256]) - int(pad[n%256])
}

//go:noinline
func frames() int {
	pcs := make([]uintptr, 100)
	got := runtime.Callers(2, pcs) // deep(0) first
	n := 0
	for _, pc := range pcs[:got] {
		name := runtime.FuncForPC(pc - 1).Name()
		if name == "main.deep" {
			n++
		} else if !hasPrefix(name, "main.") && !hasPrefix(name, "runtime.") {
			println("frame:", name)
		}
	}
	return n
}

func main() {
	println("of 100 slots, deep frames:", deep(500))
	done := make(chan int)
	go func() { done <- deep(500) }()
	println("on a goroutine:", <-done)
}
