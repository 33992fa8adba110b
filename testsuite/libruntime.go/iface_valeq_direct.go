// run

// An interface compared with a concrete value of a direct-interface type
// (pointers, channels, maps, funcs are stored in the data word itself):
// runtime.efacevaleq and ifacevaleq get the value, not its address (Go
// test suite: convT2X.go).  Also the indirect shapes, for contrast.
package main

type I interface{ M() }
type P struct{ n int }

func (p *P) M() {}

type S struct{ a, b int }

func (S) M() {}

//go:noinline
func eface(x interface{}) interface{} { return x }

//go:noinline
func iface(x I) I { return x }

func main() {
	c := make(chan int)
	c2 := make(chan int)
	m := map[int]int{}
	p := &P{1}
	q := &P{1}
	var ec, em, ep interface{} = eface(c), eface(m), eface(p)
	println(c == ec, ec == c, c2 == ec)
	println(ep == p, ep == q, p == ep)
	var ip I = iface(p)
	println(ip == p, ip == q, p == ip)
	println(em != nil)
	s := S{1, 2}
	var es interface{} = eface(s)
	var is I = iface(s)
	println(es == s, es == S{1, 3}, is == s, is == S{2, 2})
	var nilp *P
	var en interface{} = eface(nilp)
	println(en == nilp, en == p)
	var ee interface{}
	println(ee == p, ee == s)
}
