// run

// Conversions between strings and []rune, with invalid UTF-8 becoming
// U+FFFD and surrogates / out-of-range runes encoding as U+FFFD.
package main

func main() {
	r := []rune("aé€😀\xffz")
	want := []rune{'a', 'é', '€', '😀', 0xFFFD, 'z'}
	if len(r) != len(want) {
		println(len(r))
		panic("len")
	}
	for i := range r {
		if r[i] != want[i] {
			panic("rune")
		}
	}
	s := string([]rune{0x41, 0xD800, 0x110000, -1, 0x10FFFF, 0x7FF, 0x800})
	println(len(s), s == "A\uFFFD\uFFFD\uFFFD\U0010FFFF\u07FF\u0800")
	println(string(r))
	var none []rune
	println(string(none) == "", len([]rune("")))
}
