// run

// println of every basic kind, formatted as Go prints it.
package main

type myint int

func main() {
	println("hello", 42, -7, true, false)
	println(int8(-128), int16(32767), int32(-2147483648), int64(9223372036854775807))
	println(uint8(255), uint16(65535), uint32(4294967295), uint64(18446744073709551615), uintptr(0))
	println(3.5, -0.25, 1e100, float32(1.5), 0.0)
	println(complex(1, -2), complex64(3+4i))
	var nilp *int
	println(nilp, myint(3))
	var s []int
	println(s == nil, len(s), cap(s))
	print("no", "spaces", 1, 2, "\n")
}
