// run

// Interface conversions and assertions: comma-ok forms, method tables
// built at run time, type switches, and failed assertions as
// *runtime.TypeAssertionError with Go's messages.
package main

import "runtime"

type I interface{ M() int }
type J interface {
	M() int
	N() string
}
type T struct{ v int }

func (t T) M() int     { return t.v }
func (t *T) N() string { return "n" }

type U int

func (u U) M() int { return int(u) * 2 }

func msg(f func()) (s string) {
	defer func() {
		e := recover().(runtime.Error)
		if _, ok := e.(*runtime.TypeAssertionError); !ok {
			panic("not a TypeAssertionError")
		}
		s = e.Error()
	}()
	f()
	return ""
}

func main() {
	var e interface{} = T{3}
	i, ok := e.(I)
	println(ok, i.M())
	_, ok = e.(J)
	println(ok)
	var pe interface{} = &T{4}
	j, ok := pe.(J)
	println(ok, j.M(), j.N())
	var ii I = U(5)
	switch v := ii.(type) {
	case J:
		println("J?")
	case U:
		println("U", v.M())
	}
	k, ok := ii.(interface{ M() int })
	println(ok, k.M())
	println(msg(func() { _ = e.(string) }))
	println(msg(func() { var n interface{}; _ = n.(I) }))
	println(msg(func() { _ = e.(J) }))
	println(msg(func() { _ = ii.(T) }))
}
