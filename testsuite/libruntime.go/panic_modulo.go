// run
// exitcode: 2
// output: prefix

// integer divide by zero
package main

var n, m, k = 5, 3, -1
var u uint = 7
var z = 0
var sh = -2
var big int64 = 1 << 40

func main() { println(n % z) }
