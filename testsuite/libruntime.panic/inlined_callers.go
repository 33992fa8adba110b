// run
// options: -O2

// At -O2 gccgo inlines leaf into mid and mid into top.  runtime.Callers
// and CallersFrames, and runtime.Caller, count each inlined call as a
// frame, with the line of the call in the function it is inlined into,
// as gc does; an inlined frame has no Func, and FuncForPC of a pc in
// inlined code names the innermost function.  (The options directive
// makes the -O0 run -O2 too.)
package main

import "runtime"

func base(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			return path[i+1:]
		}
	}
	return path
}

//go:noinline
func collect() {
	pcs := make([]uintptr, 16)
	n := runtime.Callers(1, pcs) // line 26
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		println("frame:", f.Function, base(f.File), f.Line, f.Func != nil, f.Entry != 0)
		if !more || f.Function == "main.main" {
			break
		}
	}
	for skip := 1; skip <= 4; skip++ {
		_, file, line, ok := runtime.Caller(skip)
		println("Caller:", skip, base(file), line, ok)
	}
	pc, _, _, _ := runtime.Caller(1)
	println("FuncForPC:", runtime.FuncForPC(pc).Name())
}

func leaf() {
	collect() // line 44
}

func mid() {
	leaf() // line 48
}

//go:noinline
func top() {
	mid() // line 53
}

func main() {
	top() // line 57
}
