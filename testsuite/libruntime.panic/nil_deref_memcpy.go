// run

// Nil dereferences that gccgo compiles into calls of memcpy, memmove or
// memset (copies and clears of values larger than a few words) are
// recoverable panics like any other nil dereference.  On arm the fault
// is inside the C routine, whose frame the unwinder must step through
// (arch/arm/memfault.S).  Each fault is in a function of its own: a
// fault in the deferring function itself is not catchable on arm
// (gccgo-12 leaves its memcpy calls out of the call-site table).
package main

type S struct {
	a, b int
	s    string
	x    [20]int
}

var nilp *S
var V interface{}
var good S

//go:noinline
func load() { V = *nilp }

//go:noinline
func store() { *nilp = good }

//go:noinline
func clear() { *nilp = S{} }

//go:noinline
func loadArray() { var a [64]int; a = *(*[64]int)(nil); V = a[3] }

func try(name string, f func()) {
	defer func() {
		r := recover()
		println(name, r != nil)
	}()
	f()
}

func main() {
	good.x[3] = 7
	for i := 0; i < 3; i++ {
		try("load", load)
		try("store", store)
		try("clear", clear)
		try("loadArray", loadArray)
	}
	println("done", good.x[3])
}
