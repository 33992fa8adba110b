// run
// exitcode: 2
// output: prefix

// unsafe.Slice: ptr is nil and len is not zero
package main

import "unsafe"

var n, m, k = 5, 3, -1
var u uint = 7
var z = 0
var sh = -2
var big int64 = 1 << 40


func main() { var p *int; println(len(unsafe.Slice(p, n))) }
