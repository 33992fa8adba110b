// run
// exitcode: 2
// output: prefix

// An unrecovered panic with a value of a named basic type, after a
// recovered one: Go 1.18 prints both, the first marked [recovered].
package main

type MyInt int

func main() {
	defer func() {
		recover()
		panic(MyInt(7))
	}()
	panic("first")
}
