// run
// exitcode: 2
// output: prefix

// runtime.Breakpoint executes a trap instruction (as libgo's: ud2 on
// x86, udf on arm), which kills a program that has no debugger attached
// the way Go reports a fatal signal.
package main

import "runtime"

func main() {
	println("before")
	runtime.Breakpoint()
	println("after")
}
