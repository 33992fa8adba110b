// run
// options: -O2

// A helper called by a deferred function literal gets nil from
// recover, also when the literal fits on the defer statement's line
// and gcc -O2 inlines it into its thunk: the helper is then called
// from the thunk's code, at the thunk's own line, and only the DWARF
// record of the inlined literal tells it apart from the thunk calling
// the deferred function itself.
package main

//go:noinline
func helper() interface{} { return recover() }

var got interface{} = "unset"

func inner() {
	defer func() { got = helper() }()
	panic("through")
}

func outer() (r interface{}) {
	defer func() {
		r = recover()
	}()
	inner()
	return "not reached"
}

func main() {
	r := outer()
	if got != nil {
		println("helper recovered:", got.(string))
		panic("fail")
	}
	if r != "through" {
		panic("outer did not recover")
	}
	println("ok")
}
