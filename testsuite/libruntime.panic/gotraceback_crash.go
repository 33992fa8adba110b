// run
// exitcode: 134
// output: prefix
// env: GOTRACEBACK=crash
// ulimit: -c 0

// GOTRACEBACK=crash: every goroutine's trace, then death by SIGABRT
// (the shell's 128 + 6).  Under qemu-user the emulator adds a line of
// its own after ours, hence "prefix".
package main

//go:noinline
func f() {
	panic("crash")
}

func main() {
	f()
}
