// run
// exitcode: 2
// output: regexp

// runtime.Breakpoint executes a trap instruction (as libgo's: ud2 on
// x86 and udf on arm raise SIGILL, brk on arm64 SIGTRAP), which kills a
// program that has no debugger attached the way Go reports a fatal
// signal: the signal, the pc, the goroutine, exit 2 (on arm at -O0 the
// trace has no frames: the unwinder cannot step out of the C function
// runtime.Breakpoint whose trap faulted).
package main

import "runtime"

func main() {
	println("before")
	runtime.Breakpoint()
	println("after")
}
