// run
// exitcode: 2
// output: prefix

// Deferred calls in order, recover in a deferred closure, named
// results changed by a deferred call, runtime errors as error values,
// nested panics, recover outside a panic, and an unrecovered error panic
// printed with Error().
package main

type E struct{ s string }

func (e *E) Error() string { return "E:" + e.s }

func f(n int) (r int) {
	defer func() {
		if x := recover(); x != nil {
			println("recovered", x.(string))
			r = -1
		}
	}()
	if n > 2 {
		panic("too big")
	}
	return n * 10
}

func g() {
	defer println("g deferred 1")
	for i := 0; i < 3; i++ {
		defer println("loop", i)
	}
	defer println("g deferred 2")
}

func idx(a []int, i int) (v int, err string) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error).Error()
		}
	}()
	return a[i], ""
}

func nested() {
	defer func() {
		r := recover()
		println("outer recovered:", r.(string))
	}()
	defer func() {
		panic("second")
	}()
	panic("first")
}

func norecover() interface{} { return recover() }

func main() {
	println(f(1), f(5))
	g()
	v, e := idx([]int{1, 2}, 5)
	println(v, e)
	nested()
	println("not in panic:", norecover() == nil)
	defer println("main deferred runs before the crash")
	var err error = &E{"boom"}
	panic(err)
}
