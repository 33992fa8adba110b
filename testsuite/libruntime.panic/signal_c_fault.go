// run
// csources: signal_helpers.c
// options: -funwind-tables
// exitcode: 2
// output: regexp

// A fault in C code is no Go panic: deferred calls cannot recover it,
// the program dies with "unexpected signal during runtime execution",
// the signal line and the trace of the Go frames (walked through the
// C frame: on arm only C built with unwind tables can be walked, hence
// -funwind-tables).
package main

//extern c_fault
func c_fault(p *int32) int32

//go:noinline
func callC() int32 {
	return c_fault(nil) // line 19
}

func main() {
	defer func() {
		if r := recover(); r != nil {
			println("recovered", r)
		}
	}()
	println(callC()) // line 28
}
