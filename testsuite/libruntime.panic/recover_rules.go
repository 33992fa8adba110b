// run

// The spec's rules for recover: it stops a panic only when called
// directly by a deferred function; a helper called by the deferred
// function gets nil and the panic goes on; recover returns the value
// once; a function that recovers returns normally to its caller; panics
// inside deferred calls replace the current one; Goexit-free rules on
// panic(nil).
package main

func helper() interface{} { return recover() }

func indirect() (r interface{}) {
	defer func() {
		r = recover() // stops the panic that helper could not
	}()
	defer func() {
		if helper() != nil {
			panic("recovered through a helper")
		}
	}()
	panic("indirect")
}

func twice() (a, b interface{}) {
	defer func() {
		a = recover()
		b = recover()
	}()
	panic(42)
}

func replace() (r interface{}) {
	defer func() { r = recover() }()
	defer func() { panic("replacement") }()
	panic("original")
}

type T struct{ n int }

func (t T) recoverer() {
	if r := recover(); r != nil {
		println("method value recovered", r.(int)+t.n)
	}
}

func methodValue() {
	defer T{1}.recoverer()
	panic(41)
}

func main() {
	println(indirect().(string))
	a, b := twice()
	println(a.(int), b == nil)
	println(replace().(string))
	methodValue()
	var x interface{}
	func() {
		defer func() { x = recover() }()
		panic(nil)
	}()
	println(x == nil)
}
