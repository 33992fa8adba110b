// run

// make, len, cap, zeroing, and slices of structs holding pointers.
package main

type node struct {
	name string
	next *node
	vals []int
}

func main() {
	a := make([]int, 5, 10)
	if len(a) != 5 || cap(a) != 10 {
		panic("len/cap")
	}
	for _, v := range a[:cap(a)] {
		if v != 0 {
			panic("not zeroed")
		}
	}
	ns := make([]node, 3)
	for i := range ns {
		ns[i].name = string(rune('a' + i))
		if i > 0 {
			ns[i].next = &ns[i-1]
		}
		ns[i].vals = make([]int, i)
	}
	if ns[2].next.next.name != "a" || len(ns[2].vals) != 2 {
		panic("structs")
	}
	n := 0
	var z []struct{}
	z = make([]struct{}, 1000)
	n = len(z)
	var n64 int64 = 7
	b := make([]byte, n64, n64*2)
	println(n, len(b), cap(b))
}
