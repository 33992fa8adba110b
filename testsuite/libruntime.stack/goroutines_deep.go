// run
// requires: __go_go
// arches: amd64 386 (arm: fixed goroutine stacks, see goroutines_many.go)

// One goroutine recursing 1,000,000 frames deep: its stack starts at
// StackMin and grows through segments (stack.h).
package main

//go:noinline
func sum(n int) int {
	if n == 0 {
		return 0
	}
	return sum(n-1) + n%7
}

func main() {
	const n = 1000000
	want := 0
	for i := 1; i <= n; i++ {
		want += i % 7
	}
	done := make(chan int)
	go func() { done <- sum(n) }()
	if got := <-done; got != want {
		println("sum:", got, "want", want)
		panic("fail")
	}
}
