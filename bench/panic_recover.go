// panic_recover: one million recovered panics, each unwinding one frame
// with a deferred closure that recovers and sets a named result.
// Measures the cost of panic + recover (deferred call, exception raise,
// landing pad, checkdefer).
package main

var sink int

//go:noinline
func f(i int) (r int) {
	defer func() {
		if recover() != nil {
			r = i
		}
	}()
	panic("x")
}

func main() {
	n := 1000000
	for i := 0; i < n; i++ {
		sink += f(i)
	}
	println(sink)
}
