// run
// exitcode: 2
// env: GOTRACEBACK=none

// GOTRACEBACK=none: the panic message and no goroutine trace.
package main

//go:noinline
func f() {
	panic("quiet")
}

func main() {
	go func() { select {} }()
	f()
}
