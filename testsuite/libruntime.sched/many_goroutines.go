// run
// env: GOMAXPROCS=2
// timeout: 120
// csources: ../libruntime.torture/torture_util.c

// 100,000 goroutines alive at once, all blocked, then released, on
// every arch.  Stacks grow in segments on amd64 and 386; gccgo emits no
// split-stack prologues on arm and arm64, where goroutines get fixed
// stacks of three kinds (libruntime/stack_fixed.c): the first 12,544
// over guard pages (two mappings each; the kernel allows 65,530), the
// rest 16 KiB ones without, which fit a 32-bit address space.
// TORTURE_GOROUTINES, when set, lowers the count (tools/torture's
// 386-sanitize pass: 64 KiB first segments and ASan's shadow fit
// 20,000 in a 32-bit address space).
package main

import "runtime"

//extern torture_env_int
func envInt(name *byte, def int) int

func count() int {
	n := envInt(&[]byte("TORTURE_GOROUTINES\x00")[0], 100000)
	if n <= 0 || n > 100000 {
		n = 100000
	}
	return n
}

func main() {
	n := count()
	start := make(chan bool)
	done := make(chan int, 100)
	for i := 0; i < n; i++ {
		go func(v int) {
			<-start
			done <- v
		}(i)
	}
	if g := runtime.NumGoroutine(); g != n+1 {
		println("NumGoroutine", g)
		panic("wrong goroutine count")
	}
	close(start)
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-done
	}
	if sum != n*(n-1)/2 {
		panic("lost a goroutine")
	}
}
