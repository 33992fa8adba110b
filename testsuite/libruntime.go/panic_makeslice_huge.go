// run
// exitcode: 2
// output: prefix

// makeslice: len out of range
package main

var n, m, k = 5, 3, -1
var u uint = 7
var z = 0
var sh = -2
var big int64 = 1 << 40

func main() { println(len(make([]int64, big<<22))) }
