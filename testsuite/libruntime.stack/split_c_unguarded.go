// run
// requires: __go_go
// splitcsources: libc_deep.c
// timeout: 120

// Split-stack C on goroutines whose fixed stacks have no guard page
// (arm: stack_fixed.c's Small kind, which goroutines get once 12,544
// guarded stacks exist): c_deep (libc_deep.c) recurses 20,000 deep
// through segments and calls back into Go, which yields there.  A G
// that switches out while its sp is on a segment has not overflowed its
// fixed stack, whatever the segment's address.  On amd64 and 386 the
// same program runs on split stacks throughout.
package main

import "runtime"

//extern c_deep_room
func c_deep(n int, report func(int, string), a, b, c, d, e int) int

func main() {
	block := make(chan bool)
	for i := 0; i < 13000; i++ {
		go func() { <-block }()
	}
	const depth = 20000
	done := make(chan bool)
	for id := 0; id < 4; id++ {
		go func() {
			calls := 0
			r := c_deep(depth, func(n int, s string) {
				calls++
				runtime.Gosched()
			}, 1, 2, 3, 4, 5)
			if r != depth+1 || calls != depth/1000+1 {
				println("c_deep:", r, calls)
				panic("fail")
			}
			done <- true
		}()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
	println("ok")
}
