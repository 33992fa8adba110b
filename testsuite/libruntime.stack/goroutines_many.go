// run
// requires: __go_go

// 10,000 goroutines, each recursing 1,000 frames deep while the others
// are parked halfway down theirs: every goroutine's segments (or fixed
// stack on arm) stay intact across switches, and stacks of finished
// goroutines are reused by later ones.
package main

const depth = 1000

// 10,000 workers, on arm too: there the first 256 get 256 KiB fixed
// stacks and the rest 48 KiB ones (stack_fixed.c); 1,000 frames of rec
// take 32 KiB at -O0.
const workers = 10000

//go:noinline
func rec(n int, gate chan int, id int) int {
	if n == depth/2 {
		<-gate // park with half the recursion on the stack
	}
	if n == 0 {
		return id
	}
	return rec(n-1, gate, id) + 1
}

func main() {
	gate := make(chan int)
	results := make(chan int, workers)
	for i := 0; i < workers; i++ {
		go func(id int) { results <- rec(depth, gate, id) }(i)
	}
	close(gate)
	total := 0
	for i := 0; i < workers; i++ {
		total += <-results
	}
	if want := workers*depth + workers*(workers-1)/2; total != want {
		println("total:", total, "want", want)
		panic("fail")
	}
}
