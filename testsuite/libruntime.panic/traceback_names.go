// run
// exitcode: 2
// output: regexp

// Function names in a trace are spelled as Go spells them: pointer and
// value methods, a function literal inside a method, a method value
// called through a variable, a package-level function literal.
package main

type T struct{ n int }

//go:noinline
func (t *T) Ptr() {
	if t.n == 1 {
		panic("deep") // line 15
	}
	t.n++
	t.Val(t) // line 18
}

//go:noinline
func call(f func()) {
	f() // line 23
}

//go:noinline
func (t T) Val(p *T) {
	call(func() {
		p.Ptr() // line 29
	})
}

var glob = func(t *T) {
	m := t.Ptr
	call(m) // line 35
}

func main() {
	glob(&T{}) // line 39
}
