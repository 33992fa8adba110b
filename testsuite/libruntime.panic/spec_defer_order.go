// run

// Spec, Defer statements: deferred functions run immediately before
// the surrounding function returns, in reverse order, whether it
// returns by a return statement, by reaching the end of its body, or
// because its goroutine is panicking; and defers in a loop run once per
// iteration.
package main

func byReturn(n int) int {
	defer println("byReturn deferred 1")
	defer println("byReturn deferred 2")
	if n > 0 {
		return n
	}
	println("not reached")
	return 0
}

func byEnd() {
	defer println("byEnd deferred 1")
	defer println("byEnd deferred 2")
	println("byEnd body")
}

func byPanic() {
	defer func() { println("byPanic recovered:", recover().(string)) }()
	defer println("byPanic deferred 2")
	defer println("byPanic deferred 3")
	panic("p")
}

func loop() {
	for i := 0; i < 4; i++ {
		defer println("loop", i)
	}
	for _, s := range []string{"a", "b"} {
		func() {
			defer println("inner", s)
		}()
	}
}

func main() {
	println(byReturn(7))
	byEnd()
	byPanic()
	loop()
}
