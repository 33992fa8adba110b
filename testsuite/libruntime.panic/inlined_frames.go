// run
// exitcode: 2
// output: regexp
// options: -O2

// At -O2 gccgo inlines small functions.  A traceback shows each call
// inlined at a pc as a frame of its own, as gc does: the inlined
// function at its line, then each function it is inlined into at the
// line of the call, without a +0x offset (an inlined call has no code
// of its own).  The panic is in list.at, inlined into second, inlined
// into first.  (The options directive makes the -O0 run -O2 too.)
package main

type list struct{ v []int }

func (l *list) at(i int) int {
	return l.v[i] // line 17
}

func second(l *list, i int) int {
	return l.at(i) + 1 // line 21
}

//go:noinline
func first(l *list, i int) int {
	return second(l, i) * 2 // line 26
}

var index = 7

func main() {
	l := &list{v: []int{1, 2, 3}}
	println(first(l, index)) // line 33
}
