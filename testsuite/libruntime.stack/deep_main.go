// run
// arches: amd64 386 (gccgo-12 emits no split-stack prologues on arm: the
// main goroutine has the thread's fixed stack there; overflow.go covers arm)

// Deep recursion on the main goroutine: 1,000,000 frames grow the stack
// through __morestack (segments on amd64 and 386; on arm the main
// goroutine is the main thread's stack).  Arguments passed on the stack
// (a big array on 386) must arrive intact in every frame.
package main

type big struct {
	a, b, c, d, e, f, g, h int
}

//go:noinline
func rec(n int, acc big) int {
	if n == 0 {
		return acc.a + acc.h
	}
	acc.a++
	acc.h += 2
	r := rec(n-1, acc)
	if acc.a+acc.h != 3*(1000000-n+1) {
		panic("argument block corrupted by a split")
	}
	return r + 1
}

//go:noinline
func sum(n int) int {
	if n == 0 {
		return 0
	}
	return sum(n-1) + n%7
}

func main() {
	const n = 1000000
	if r := rec(n, big{}); r != n+3*n {
		println("rec:", r)
		panic("fail")
	}
	// Again: the segments of the first descent are reused.
	want := 0
	for i := 1; i <= n; i++ {
		want += i % 7
	}
	for i := 0; i < 3; i++ {
		if s := sum(n); s != want {
			println("sum:", s)
			panic("fail")
		}
	}
}
