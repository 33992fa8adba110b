// run
// exitcode: 2
// output: regexp

// A deferred call that recovers panic A and panics with B: Go prints
// "panic: A [recovered]" then, indented, "panic: B", then the trace of
// the goroutine, whose frames include the deferred function.
package main

//go:noinline
func f() {
	defer func() {
		r := recover()
		panic(r.(string) + " then B") // line 14
	}()
	panic("A")
}

func main() {
	f() // line 20
}
