// run

// range over strings: indices and runes, with invalid and truncated
// sequences decoding as U+FFFD of width 1.
package main

func main() {
	for i, r := range "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xff\xe2\x82z\xed\xa0\x80\xc0\xaf" {
		print(i, ":", r, " ")
	}
	println()
	n := 0
	for range "日本語" {
		n++
	}
	println(n)
}
