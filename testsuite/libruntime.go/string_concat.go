// run

// String concatenation: empty operands, many operands, results on the
// stack and on the heap, += in a loop.
package main

var e string
var parts = []string{"a", "bc", "", "def", "", "ghij"}

func cat3(a, b, c string) string { return a + b + c }

func main() {
	if cat3(e, "x", e) != "x" || cat3(e, e, e) != "" {
		panic("empty operands")
	}
	s := ""
	for _, p := range parts {
		s += p
	}
	if s != "abcdefghij" {
		panic("loop concat: " + s)
	}
	long := ""
	for i := 0; i < 100; i++ {
		long = long + "0123456789"
	}
	if len(long) != 1000 || long[990:] != "0123456789" {
		panic("long")
	}
	a, b, c, d, f := "1", "22", "333", "4444", "55555"
	t := a + b + c + d + f + a + b + c + d + f
	if t != "122333444455555122333444455555" {
		panic(t)
	}
	println(t)
}
