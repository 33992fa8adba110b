// run

// print without spaces, println of bools, strings and slices.
package main

func main() {
	print(1, true, "a", 2.0, "\n")
	println()
	println("")
	println("x", "", "y")
	var b bool
	println(b, !b)
	s := make([]byte, 3, 10)
	_ = s
	print("len ", len(s), " cap ", cap(s), "\n")
	println("tab\tand\nnewline")
}
