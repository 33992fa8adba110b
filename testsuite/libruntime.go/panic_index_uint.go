// run
// exitcode: 2
// output: prefix

// index out of range [7] with length 3
package main

var n, m, k = 5, 3, -1
var u uint = 7
var z = 0
var sh = -2
var big int64 = 1 << 40

func main() { a := []int{1, 2, 3}; println(a[u]) }
