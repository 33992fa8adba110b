// run

// runtime.Caller, Callers, CallersFrames, FuncForPC and Func's methods
// report the frames of Go code with gc's names and this file's line
// numbers; Caller(0) is the line of the call itself.
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

type T struct{}

//go:noinline
func (t *T) where() (string, int) {
	_, file, line, ok := runtime.Caller(0) // line 23
	if !ok {
		return "?", 0
	}
	return base(file), line
}

//go:noinline
func up() {
	pc, file, line, ok := runtime.Caller(1)
	println("Caller(1):", base(file), line, ok, runtime.FuncForPC(pc).Name())
}

//go:noinline
func chain() {
	pcs := make([]uintptr, 16)
	n := runtime.Callers(1, pcs) // line 39
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		println("frame:", f.Function, base(f.File), f.Line, f.Entry != 0)
		if !more || f.Function == "main.main" {
			break
		}
	}
	f := runtime.FuncForPC(pcs[0])
	file, line := f.FileLine(pcs[0])
	println("FuncForPC:", f.Name(), base(file), line,
		runtime.FuncForPC(f.Entry()).Name(), f.Entry() <= pcs[0])
}

var lit = func() {
	chain() // line 55
}

func main() {
	t := &T{}
	file, line := t.where()
	println("Caller(0):", file, line)
	up() // line 62
	lit() // line 63
	if _, _, _, ok := runtime.Caller(1000); ok {
		println("Caller(1000) ok")
	}
	var nilf *runtime.Func
	println("nil Func:", nilf.Name() == "")
}
