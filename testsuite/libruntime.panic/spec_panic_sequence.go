// run

// Spec, Handling panics: a panic in F ends F; F's deferred functions
// run, then those of F's caller, and so on up the goroutine, until one
// recovers; the state of the functions between the recovering G and
// the panic is discarded, and G returns normally to its caller.
package main

var trail string

func F() {
	defer func() { trail += " F-deferred" }()
	trail += " F"
	panic("in F")
	trail += " F-after-panic" // not reached
}

func E() {
	defer func() { trail += " E-deferred" }()
	F()
	trail += " E-after-F" // not reached
}

func G() (r int) {
	defer func() {
		v := recover()
		trail += " G-recovered:" + v.(string)
		r = 7
	}()
	E()
	trail += " G-after-E" // not reached
	return 1
}

func main() {
	r := G()
	println(trail)
	println("G returned normally:", r)
}
