// run

// recover stops a panic when the deferred call is a method called
// through a method value, a method expression, a pointer method, or an
// interface method: each is still the deferred function itself.
package main

type T struct{ name string }

func (t T) Rec() {
	if r := recover(); r != nil {
		println(t.name, "recovered", r.(string))
	}
}

func (t *T) PRec() {
	if r := recover(); r != nil {
		println(t.name, "recovered", r.(string))
	}
}

type Recoverer interface{ Rec() }

func viaMethodValue() {
	m := T{"method value"}.Rec
	defer m()
	panic("a")
}

func viaMethodExpr() {
	defer T.Rec(T{"method expression"})
	panic("b")
}

func viaPointer() {
	defer (&T{"pointer method"}).PRec()
	panic("c")
}

func viaPointerValue() {
	t := &T{"pointer method value"}
	m := t.PRec
	defer m()
	panic("d")
}

func viaInterface() {
	var r Recoverer = T{"interface method"}
	defer r.Rec()
	panic("e")
}

func main() {
	viaMethodValue()
	viaMethodExpr()
	viaPointer()
	viaPointerValue()
	viaInterface()
	println("done")
}
