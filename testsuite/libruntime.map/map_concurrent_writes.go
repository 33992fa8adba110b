// run
// exitcode: 2
// output: prefix
// env: GOMAXPROCS=4

// Two goroutines writing one map without a lock: the map's writing flag
// catches them, and the program dies with Go's fatal error (not a panic:
// it cannot be recovered).
package main

import "runtime"

func writer(m map[int]int, base int, done chan bool) {
	defer func() { recover() }() // a throw is not a panic: no effect
	for i := 0; ; i++ {
		m[base+i%1000] = i
		if i%1000 == 0 {
			runtime.Gosched()
		}
	}
}

func main() {
	m := map[int]int{}
	done := make(chan bool)
	for i := 0; i < 4; i++ {
		go writer(m, i*1000, done)
	}
	<-done
}
