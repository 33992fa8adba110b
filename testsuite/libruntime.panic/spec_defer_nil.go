// run
// exitcode: 2
// output: regexp

// Spec, Defer statements: a deferred function value that is nil
// panics when the function is invoked, not when the defer statement
// runs: the body completes first, and the panic is a nil dereference.
package main

func main() {
	var f func()
	defer println("outer deferred call still runs")
	defer f()
	println("body completes")
}
