// run
// exitcode: 2
// output: prefix

// cannot convert slice with length 3 to pointer to array with length 4
package main

var n, m, k = 5, 3, -1
var u uint = 7
var z = 0
var sh = -2
var big int64 = 1 << 40

func main() { a := []int{1, 2, 3}; p := (*[4]int)(a); println(p[0]) }
