// run
// arches: amd64 386 (arm has fixed goroutine stacks of 256 KiB: no frame of 128 MiB fits)

// A 128 MiB value copied through a temporary on the stack: the split-stack segment that
// holds it is a 256 MiB block, yet the stack stays within Go's limit
// (250 MB on 32-bit), so it must not be reported as an overflow (Go test
// suite: nilptr2.go).  Also the same copy from a nil pointer, recovered.
package main

type big struct {
	n int
	x [128 << 20]byte
}

var V interface{}

//go:noinline
func use(x interface{}) { V = x }

var nilbig *big

func ends() int {
	b := V.(big)
	return b.n + int(b.x[0]) + int(b.x[len(b.x)-1])
}

func main() {
	p := new(big)
	p.n, p.x[0], p.x[len(p.x)-1] = 1, 2, 3
	func() { use(*p) }()
	println(ends())
	func() {
		defer func() { println("recovered:", recover() != nil) }()
		use(*nilbig)
	}()
	println(ends())
}
