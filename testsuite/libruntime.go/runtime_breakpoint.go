// run
// exitcode: 2
// output: regexp

// runtime.Breakpoint executes a trap instruction (as libgo's: ud2 on
// x86 and udf on arm raise SIGILL, brk on arm64 SIGTRAP), which kills a
// program that has no debugger attached the way Go reports a fatal
// signal: the signal, the pc, the goroutine and its frames, exit 2.
// At -O0 the trap is in the runtime's C function runtime.Breakpoint,
// which the walk steps out of (on arm only because the runtime is
// built with -funwind-tables); at -O2 gccgo inlines the trap.
package main

import "runtime"

func main() {
	println("before")
	runtime.Breakpoint()
	println("after")
}
