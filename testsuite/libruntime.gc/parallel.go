// run
// env: GOMAXPROCS=2 GODEBUG=gctrace=1 GOGC=100
// output: regexp

// The parallel mark and sweep with two procs (the scheduler's helper Ms;
// the first collection has 1, gcprocs.go): work buffers, stealing,
// large objects scanned in pieces, termination.  Trees and a big
// pointer array must survive intact.
package main

import "runtime"

type Node struct{ left, right *Node }

func tree(d int) *Node {
	if d == 0 {
		return &Node{}
	}
	return &Node{tree(d - 1), tree(d - 1)}
}

func (n *Node) count() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.count() + n.right.count()
}

var trees []*Node
var ptrs []*int

//go:noinline
func build() {
	for i := 0; i < 4; i++ {
		trees = append(trees, tree(14))
	}
	ptrs = make([]*int, 1<<19) // 2-4 MiB: many oblets
	for i := range ptrs {
		v := i
		ptrs[i] = &v
	}
}

//go:noinline
func garbage() {
	for i := 0; i < 4; i++ {
		tree(12)
	}
}

func main() {
	build()
	for r := 0; r < 3; r++ {
		runtime.GC()
		garbage()
		for _, t := range trees {
			if t.count() != 1<<15-1 {
				panic("tree lost nodes")
			}
		}
		for i, p := range ptrs {
			if *p != i {
				panic("pointer array lost")
			}
		}
	}
	println("ok")
}
