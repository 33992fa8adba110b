// run
// exitcode: 2
// output: regexp
// env: GOMAXPROCS=4

// A reader racing a writer whose every few assignments rebuild the map
// (a window of 64 keys sliding up: the table grows and shrinks back in
// turn).  A read that passed its check just before the writer came in
// must stay on the table it started with: the program dies with the
// fatal error, never with a fault from an index that belonged to one
// table used on another's entries.
package main

var sink int

func main() {
	m := map[int]*int{}
	go func() {
		for i := 0; ; i++ {
			v := i
			m[i] = &v
			delete(m, i-64)
		}
	}()
	for n := 0; ; n++ {
		if p := m[n&255]; p != nil {
			sink += *p
		}
	}
}
