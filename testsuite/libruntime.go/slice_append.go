// run

// append: growth keeps the elements, appending a slice to itself,
// appending many elements, appending strings to []byte.
package main

func main() {
	var s []int
	for i := 0; i < 10000; i++ {
		s = append(s, i)
	}
	for i, v := range s {
		if v != i {
			panic("lost element")
		}
	}
	if cap(s) < len(s) {
		panic("cap")
	}
	t := []int{1, 2, 3}
	t = append(t, t...)
	t = append(t[:2], t...)
	if len(t) != 8 || t[2] != 1 || t[7] != 3 {
		println(len(t), t[2], t[7])
		panic("self append")
	}
	b := []byte("abc")
	b = append(b, "defgh"...)
	if string(b) != "abcdefgh" {
		panic("append string")
	}
	m := append([]string(nil), "x", "y", "z")
	m = append(m, make([]string, 5)...)
	if len(m) != 8 || m[7] != "" {
		panic("append make")
	}
	var ps []*int
	for i := 0; i < 100; i++ {
		v := i
		ps = append(ps, &v)
	}
	sum := 0
	for _, p := range ps {
		sum += *p
	}
	println(len(s), string(b), sum)
}
