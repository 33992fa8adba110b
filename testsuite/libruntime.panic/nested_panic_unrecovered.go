// run
// exitcode: 2
// output: regexp

// A deferred call panics while panic A runs, without recovering it:
// both are printed, outermost first, A without "[recovered]".
package main

func main() {
	defer func() {
		panic("B")
	}()
	panic("A")
}
