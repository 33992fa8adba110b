// run

// Integers of every size at their limits.
package main

func main() {
	println(int8(-128), int8(127), uint8(0), uint8(255))
	println(int16(-32768), int16(32767), uint16(65535))
	println(int32(-2147483648), int32(2147483647), uint32(4294967295))
	println(int64(-9223372036854775808), int64(9223372036854775807), uint64(18446744073709551615))
	var i int = -1 << 31
	var u uint = 1<<32 - 1
	println(i, u, uintptr(12345), rune('x'), byte('y'))
	x := int64(-9223372036854775808)
	println(x, -x, x/2)
}
