// run
// csources: c_frame_panic.c
// options: -fexceptions

// A panic raised in Go unwinds through a C frame (compiled with
// -fexceptions) that called back into Go through the C API, and is
// recovered by the Go function that called C; the C code after the
// call does not run, and the recovering function returns normally.
package main

//extern c_call_go
func c_call_go(f func(int) int, x int) int

//extern c_reached_after
func c_reached_after() int

type myErr struct{ n int }

func (e myErr) Error() string { return "myErr" }

func callThroughC(x int) (r int, err interface{}) {
	defer func() {
		err = recover()
	}()
	r = c_call_go(func(v int) int {
		if v > 10 {
			panic(myErr{v})
		}
		return v * 2
	}, x)
	return r, nil
}

func main() {
	r, err := callThroughC(3)
	println("no panic:", r, err == nil)
	r, err = callThroughC(42)
	e, ok := err.(myErr)
	println("panic:", r, ok, e.n, c_reached_after()) // 3: from the first call
	// A runtime error raised in Go below the C frame.
	func() {
		defer func() {
			re := recover()
			println("runtime error:", re.(error).Error())
		}()
		var m map[string]int
		c_call_go(func(v int) int { m["x"] = v; return 0 }, 1)
	}()
	println("done")
}
