// run

// Spec, Handling panics: recover returns nil when the goroutine is not
// panicking, when recover was not called directly by a deferred
// function, and (Go 1.18) when panic's argument was nil; in the last
// case the panic is still stopped.
package main

func notPanicking() interface{} {
	return recover()
}

func helper() interface{} { return recover() }

func notDirect() (got interface{}, then interface{}) {
	defer func() {
		then = recover()
	}()
	defer func() {
		got = helper()
	}()
	panic("p")
}

func nilArg() (r interface{}, stopped bool) {
	defer func() {
		r = recover()
		stopped = true
	}()
	panic(nil)
}

func deferredNotPanicking() (r interface{}) {
	defer func() { r = recover() }()
	return "normal"
}

func main() {
	println(notPanicking() == nil)
	got, then := notDirect()
	println(got == nil, then.(string))
	r, stopped := nilArg()
	println(r == nil, stopped)
	println(deferredNotPanicking() == nil)
}
