// run

// String comparison: equality, ordering, prefixes, bytes above 0x7f.
package main

func check(ok bool, msg string) {
	if !ok {
		panic(msg)
	}
}

var strs = []string{"", "a", "ab", "abc", "abd", "b", "\xff", "\x00", "A"}

func main() {
	check("abc" < "abd", "abc<abd")
	check("ab" < "abc", "prefix")
	check(!("abc" < "ab"), "longer")
	check("" < "a", "empty")
	check("\xff" > "a", "high byte")
	check("Z" < "a", "case")
	for i, a := range strs {
		for j, b := range strs {
			if (a == b) != (i == j) {
				panic("equality " + a + " " + b)
			}
			if a < b && b < a {
				panic("order")
			}
			if (a <= b) != !(a > b) {
				panic("<= vs >")
			}
		}
	}
	x := "hello, world"
	check(x[:5] == "hello", "substring")
	check(x[7:] >= "world", "substring ge")
}
