// run

// Each run-time error, recovered: the value is a runtime.Error whose
// Error() is Go's message (rterr_*.go: the same errors unrecovered).
package main

import "runtime"

var five = 5

// an index out of range
//go:noinline
func fail_index() int {
	s := []int{1, 2, 3}
	i := five
	return s[i]
}

// slice bounds out of range
//go:noinline
func fail_slice() int {
	s := []int{1, 2, 3}
	j := five
	return len(s[1:j])
}

// a string index out of range
//go:noinline
func fail_string_index() int {
	s := "abc"
	return int(s[five])
}

// an assignment to a nil map
//go:noinline
func fail_nil_map() int {
	var m map[string]int
	m["k"] = five
	return 0
}

// an integer division by zero
//go:noinline
func fail_divide() int {
	z := five - 5
	return five / z
}

// a shift by a negative amount
//go:noinline
func fail_shift() int {
	n := five - 6
	return 1 << n
}

// a call of a nil function value
//go:noinline
func fail_nil_func() int {
	var f func() int
	return f()
}

// a nil pointer dereference
//go:noinline
func fail_nil_pointer() int {
	var p *[4]int
	return p[five-2]
}

// a failed type assertion
//go:noinline
func fail_conversion() int {
	var e interface{} = "str"
	return e.(int)
}

func try(f func() int) {
	defer func() {
		e, ok := recover().(runtime.Error)
		println(ok, e.Error())
	}()
	f()
}

func main() {
	try(fail_index)
	try(fail_slice)
	try(fail_string_index)
	try(fail_nil_map)
	try(fail_divide)
	try(fail_shift)
	try(fail_nil_func)
	try(fail_nil_pointer)
	try(fail_conversion)
}
