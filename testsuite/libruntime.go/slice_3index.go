// run

// Full slice expressions and slicing of arrays and strings.
package main

func main() {
	arr := [8]int{0, 1, 2, 3, 4, 5, 6, 7}
	s := arr[2:4:6]
	if len(s) != 2 || cap(s) != 4 {
		panic("3-index")
	}
	s = append(s, 100)
	if arr[4] != 100 {
		panic("append within cap must write through")
	}
	s = append(s, 101, 102)
	s[0] = -1
	if arr[2] != 2 {
		panic("append past cap must copy")
	}
	str := "abcdef"
	if str[1:3] != "bc" || str[:0] != "" || str[6:] != "" {
		panic("string slicing")
	}
	p := &arr
	q := p[1:3]
	println(len(q), cap(q), q[0], s[0], len(s))
}
