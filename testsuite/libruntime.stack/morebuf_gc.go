// run
// requires: runtime.GC runtime.SetFinalizer __go_go

// Behaviour 1 of the brief: a closure and an argument block that passed
// through a stack split are collected once the program drops them.
// __morestack saw the closure (in the static-chain register) and the
// argument block (on the old stack); runtime_newstack clears
// m->morebuf and m->moreargp once it has used them, and unlinked
// segments are not scanned, so neither keeps them alive.
package main

import "runtime"

type block struct {
	data [64]int
}

var collected = make(chan string, 4)

//go:noinline
func burn(n int, b *block, f func(int) int) int {
	if n == 0 {
		return f(b.data[0])
	}
	return burn(n-1, b, f) + 1 // many splits with b and f as arguments
}

//go:noinline
func use() {
	b := &block{}
	b.data[0] = 42
	k := new(int)
	*k = 7
	f := func(x int) int { return x + *k }
	runtime.SetFinalizer(b, func(*block) { collected <- "block" })
	runtime.SetFinalizer(k, func(*int) { collected <- "closure" })
	if r := burn(200000, b, f); r != 200000+49 {
		panic("burn")
	}
}

//go:noinline
func scrub(n int) int {
	var pad [32]int
	if n == 0 {
		return 0
	}
	return scrub(n-1) + pad[n%32]
}

func main() {
	use()
	scrub(1000) // overwrite dead stack words above us
	seen := map[string]bool{}
	for i := 0; i < 50 && len(seen) < 2; i++ {
		runtime.GC()
		for len(collected) > 0 {
			seen[<-collected] = true
		}
		runtime.Gosched()
	}
	if !seen["block"] || !seen["closure"] {
		println("block collected:", seen["block"], "closure collected:", seen["closure"])
		panic("objects seen by a split were kept alive")
	}
}
