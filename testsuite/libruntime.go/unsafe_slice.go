// run

// unsafe.Slice over an array and over a nil pointer with length 0.
package main

import "unsafe"

func main() {
	arr := [4]int32{10, 20, 30, 40}
	s := unsafe.Slice(&arr[1], 3)
	if len(s) != 3 || cap(s) != 3 || s[2] != 40 {
		panic("unsafe.Slice")
	}
	var np *int
	e := unsafe.Slice(np, 0)
	println(len(s), s[0], e == nil)
}
