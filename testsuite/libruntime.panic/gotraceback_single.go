// run
// exitcode: 2
// output: regexp

// The default, GOTRACEBACK=single: only the panicking goroutine's
// trace, even when other goroutines exist.
package main

//go:noinline
func f() {
	panic("single")
}

func main() {
	c := make(chan int)
	go func() { <-c }()
	go func() { <-c }()
	f() // line 18
}
