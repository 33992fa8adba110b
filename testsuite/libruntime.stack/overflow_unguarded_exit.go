// run
// exitcode: 2
// output: regexp
// requires: __go_go
// env: GOMAXPROCS=1
// timeout: 120
// arches: arm arm64 (fixed stacks: the kinds without a guard page exist only where gccgo emits no split-stack prologues)

// A goroutine on a fixed stack without a guard page (stack_fixed.c's
// Small kind) overflows a few KiB into the untouched zone below its
// stack without switching, returns and exits: the overflow is reported
// as Go reports it when the goroutine exits (a page of the zone is
// resident).  GOMAXPROCS=1: main cannot end the program while the
// exiting goroutine is being checked.
package main

import "runtime"

// How far to go: the Small kind's stack and half its zone.
var target = 16<<10 + 4<<10

func init() {
	if runtime.GOARCH == "arm64" {
		target = 64<<10 + 32<<10
	}
}

//go:noinline
func eat(n int) int {
	var buf [256]byte
	buf[n%256] = byte(n)
	if n == 0 {
		return int(buf[0])
	}
	return eat(n-1) + int(buf[n%256])
}

func main() {
	block := make(chan bool)
	for i := 0; i < 13000; i++ {
		go func() { <-block }()
	}
	done := make(chan int)
	go func() { done <- eat(target / 256) }()
	<-done
	for i := 0; i < 100; i++ {
		runtime.Gosched() // let it exit
	}
	println("overflow not detected")
}
