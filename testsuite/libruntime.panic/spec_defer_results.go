// run

// Spec, Defer statements: a deferred function literal may read and
// change the surrounding function's named results after the return
// statement set them; results of the deferred function are discarded.
package main

func double() (r int) {
	defer func() {
		r *= 2
	}()
	return 21
}

func discarded() int {
	defer func() int { return 99 }()
	return 1
}

func afterPanic() (s string, n int) {
	defer func() {
		if recover() != nil {
			s = "set by the deferred call"
			n = n + 10
		}
	}()
	n = 5
	panic("x")
}

func main() {
	println(double())
	println(discarded())
	println(afterPanic())
}
