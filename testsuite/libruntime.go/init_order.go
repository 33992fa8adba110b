// run

// Package initialisation: variables in dependency order, then the init
// functions in source order, then main; exit status 0.
package main

var a = b + 1
var b = f("b", 1)
var c = f("c", a*10)

func f(name string, v int) int {
	println("var", name, v)
	return v
}

func init() { println("init 1", a, b, c) }
func init() { println("init 2") }

func main() { println("main") }
