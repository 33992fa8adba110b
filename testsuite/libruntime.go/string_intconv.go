// run

// string(int): every UTF-8 length, and invalid values giving U+FFFD.
package main

var vals = []int64{0x41, 0xE9, 0x20AC, 0x1F600, -1, 0x110000, 0xD800, 0x10FFFF, 1 << 40}

func main() {
	for _, v := range vals {
		s := string(rune(v))
		if v >= 1<<32 || v < -1<<31 {
			s = string(rune(0xFFFD))
		}
		print(len(s), " ")
		for i := 0; i < len(s); i++ {
			print(s[i], ",")
		}
		println()
	}
	var b byte = 200
	println(string(b) == "\u00c8")
}
