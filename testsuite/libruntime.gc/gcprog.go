// run

// Objects whose types have GC programs (more than 2048 pointer words,
// ABI 3.7) and arrays of structs with scattered pointers are scanned
// precisely: what they point to survives collections while garbage is
// freed and reused around it.
package main

import "runtime"

type Big struct {
	a [3000]*int
	x int
	b [10]*int
}

type S struct {
	x int
	p *int
	y [3]int
	q *int
}

var bigs []*Big
var arr []Big
var ss []S
var small []S

//go:noinline
func garbage() {
	for i := 0; i < 200000; i++ {
		p := new(int)
		*p = -1
		s := make([]int, 10)
		s[0] = -1
	}
}

func intp(v int) *int {
	p := new(int)
	*p = v
	return p
}

//go:noinline
func build() {
	for k := 0; k < 4; k++ {
		b := new(Big)
		for j := range b.a {
			b.a[j] = intp(k*10000 + j)
		}
		for j := range b.b {
			b.b[j] = intp(-k - j)
		}
		bigs = append(bigs, b)
	}
	arr = make([]Big, 3)
	for k := range arr {
		for j := range arr[k].a {
			arr[k].a[j] = intp(k*10000 + j)
		}
	}
	ss = make([]S, 5000)
	for i := range ss {
		ss[i].p = intp(i)
		ss[i].q = intp(-i)
	}
	small = make([]S, 3)
	for i := range small {
		small[i].p = intp(i)
		small[i].q = intp(-i)
	}
}

func verify() {
	for k, b := range bigs {
		for j := range b.a {
			if *b.a[j] != k*10000+j {
				panic("Big.a lost")
			}
		}
		for j := range b.b {
			if *b.b[j] != -k-j {
				panic("Big.b lost")
			}
		}
	}
	for k := range arr {
		for j := range arr[k].a {
			if *arr[k].a[j] != k*10000+j {
				panic("[]Big lost")
			}
		}
	}
	for i := range ss {
		if *ss[i].p != i || *ss[i].q != -i {
			panic("[]S lost")
		}
	}
	for i := range small {
		if *small[i].p != i || *small[i].q != -i {
			panic("small []S lost")
		}
	}
}

func main() {
	build()
	for r := 0; r < 3; r++ {
		runtime.GC()
		garbage()
		verify()
	}
}
