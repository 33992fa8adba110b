// run

// Comparing interfaces whose dynamic type is not comparable, and hashing
// them as map keys, panic with a runtime.Error carrying Go's message;
// nil and differently typed operands compare without panicking.
package main

import "runtime"

type I interface{ M() }
type S []int

func (S) M() {}

type withSlice struct {
	n int
	s []int
}

//go:noinline
func eface(x interface{}) interface{} { return x }

func try(what string, f func()) {
	defer func() {
		r := recover()
		if _, ok := r.(runtime.Error); !ok {
			println(what, "no runtime.Error")
			return
		}
		println(what+":", r.(error).Error())
	}()
	f()
}

var sink bool

func main() {
	a, b := eface([]int{1}), eface([]int{1})
	try("efaceeq", func() { sink = a == b })
	var i, j I = S{1}, S{1}
	try("ifaceeq", func() { sink = i == j })
	try("ifaceefaceeq", func() { sink = i == eface(S{1}) })
	w1, w2 := eface(withSlice{1, nil}), eface(withSlice{1, nil})
	try("struct", func() { sink = w1 == w2 })
	try("array", func() { sink = eface([1]func(){}) == eface([1]func(){}) })
	m := map[interface{}]int{}
	try("mapassign", func() { m[a] = 1 })
	try("mapaccess", func() { _ = m[a] })
	try("mapdelete", func() { delete(m, a) })
	mi := map[I]int{}
	try("iface key", func() { mi[i] = 1 })
	// Different dynamic types or nil: plain false, no panic.
	println(a == eface(1), a == nil, eface(nil) == eface(nil))
	var k I
	println(i == k, k == nil)
}
