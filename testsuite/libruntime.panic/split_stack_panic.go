// run

// A panic raised many stack segments deep unwinds back across every
// split to the recovering frame, whose goroutine then goes on using
// its stack normally; the same from another goroutine (x86: 16 KiB
// first segments, so 500 frames of 256 bytes cross splits; arm has
// fixed stacks and no splits, and checks the same unwinding), and a trace
// of a deep stack from runtime.Stack stops at 100 frames (the
// runtime's own among them) with Go's "additional frames elided".
package main

import "runtime"

//go:noinline
func deep(n int) int {
	var pad [256]byte
	pad[n%256] = byte(n)
	if n == 0 {
		panic("bottom")
	}
	return deep(n-1) + int(pad[n%256])
}

func try(n int) (r interface{}) {
	defer func() { r = recover() }()
	deep(n)
	return nil
}

//go:noinline
func deepStack(n int) int {
	var pad [256]byte
	pad[n%256] = byte(n)
	if n == 0 {
		buf := make([]byte, 1<<16)
		s := string(buf[:runtime.Stack(buf, false)])
		frames := 0
		for i := 0; i+10 <= len(s); i++ {
			if s[i:i+10] == "deepStack(" {
				frames++
			}
		}
		elided := s[len(s)-31:] == "...additional frames elided...\n"
		if frames > 50 && frames <= 100 && elided {
			return 1
		}
		println(frames, s)
		return 0
	}
	return deepStack(n-1) + int(pad[n%256]) - int(pad[n%256])
}

func main() {
	println(try(20000).(string))
	println(try(10).(string))
	done := make(chan interface{})
	go func() { done <- try(500) }() // fits arm's 256 KiB fixed stacks too
	println((<-done).(string))
	println("frames:", deepStack(500))
}
