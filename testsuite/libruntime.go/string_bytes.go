// run

// Conversions between strings and []byte: copies are independent, and
// invalid UTF-8 survives unchanged.
package main

func main() {
	s := "héllo\xff\x00end"
	b := []byte(s)
	if len(b) != len(s) {
		panic("len")
	}
	b[0] = 'H'
	if s[0] != 'h' {
		panic("string changed through its byte copy")
	}
	t := string(b)
	b[1] = 'X'
	if t[1] == 'X' || t != "Héllo\xff\x00end" {
		panic("string shares the slice")
	}
	var empty []byte
	if string(empty) != "" || len([]byte("")) != 0 {
		panic("empty")
	}
	big := make([]byte, 100)
	for i := range big {
		big[i] = byte('a' + i%26)
	}
	bs := string(big)
	if len(bs) != 100 || bs[26] != 'a' || bs[99] != 'v' {
		panic("big")
	}
	println(t, len(t))
}
