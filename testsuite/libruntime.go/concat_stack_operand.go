// run

// concatstrings with one non-empty operand that string(r) built in its
// caller's stack buffer: the result escapes, so it must be a copy, not
// the buffer the next string(r) overwrites (Go test suite: range.go,
// turing.go).
package main

var keep []string

//go:noinline
func runes(from, to rune) string {
	s := ""
	for r := from; r <= to; r++ {
		s += string(r)
	}
	return s
}

//go:noinline
func bytes(b []byte) string {
	s := ""
	for _, c := range b {
		s += string(c)
		keep = append(keep, s)
	}
	return s
}

//go:noinline
func lone(r rune) string {
	return "" + string(r)
}

func main() {
	println(runes('a', 'z'))
	println(bytes([]byte("Hello World!")))
	println(keep[0], keep[1], keep[len(keep)-1])
	x, y := lone('x'), lone('y')
	println(x, y)
	println(runes('α', 'ε'))
}
