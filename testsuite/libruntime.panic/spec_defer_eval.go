// run

// Spec, Defer statements: each time a defer statement executes, the
// function value and the parameters of the call are evaluated and
// saved anew; the function is not invoked until the surrounding
// function returns.
package main

func show(tag string, v int) { println(tag, v) }

func main() {
	x := 1
	f := show
	defer f("first deferred, x was", x)
	x = 2
	f = func(tag string, v int) { println("replaced function:", tag, v) }
	defer f("second deferred, x was", x)
	x = 3
	p := &x
	defer func() { println("closure sees x now:", *p) }()
	x = 4
	println("body done")
}
