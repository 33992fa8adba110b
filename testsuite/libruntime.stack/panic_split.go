// run
// requires: runtime.gorecover __go_go
// arches: amd64 386  (split stacks: arm and arm64 Go code has fixed stacks)

// Panics raised deep inside split stacks unwind across segment
// boundaries (the unwinder steps through __morestack's frames by their
// CFI, and its cleanup unlinks each segment) to a recover far above;
// the stack is usable again afterwards, on the main goroutine and on a
// goroutine, many times in a row (so unlinked segments are reused).
package main

//go:noinline
func deep(n int, at int) int {
	var pad [8]int
	pad[n%8] = n
	if n == at {
		panic(n)
	}
	return deep(n+1, at) + pad[n%8] - n
}

func catch(at int) (v int) {
	defer func() {
		v = recover().(int)
	}()
	return deep(0, at)
}

//go:noinline
func sum(n int) int {
	if n == 0 {
		return 0
	}
	return sum(n-1) + 1
}

func run() {
	for i, at := range []int{10, 100000, 1000000, 300000, 5} {
		if v := catch(at); v != at {
			println("round", i, "recovered", v, "want", at)
			panic("fail")
		}
		if s := sum(500000); s != 500000 {
			panic("stack unusable after recover")
		}
	}
}

func main() {
	run()
	done := make(chan bool)
	go func() { run(); done <- true }()
	<-done
}
