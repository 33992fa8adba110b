// run

// copy: overlapping ranges both ways, from strings, shorter destination,
// slices of pointer-holding values.
package main

func main() {
	a := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	n := copy(a[2:], a)
	if n != 8 || a[2] != 0 || a[9] != 7 {
		panic("overlap forward")
	}
	b := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	copy(b, b[3:])
	if b[0] != 3 || b[6] != 9 || b[9] != 9 {
		panic("overlap backward")
	}
	buf := make([]byte, 4)
	n = copy(buf, "hello")
	if n != 4 || string(buf) != "hell" {
		panic("from string")
	}
	ss := []string{"x", "y", "z"}
	dst := make([]string, 2)
	n = copy(dst, ss)
	if n != 2 || dst[1] != "y" {
		panic("strings")
	}
	println(n, copy(buf, ""), copy([]int(nil), a))
}
