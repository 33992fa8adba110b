// run
// exitcode: 2
// output: regexp
// env: GOMAXPROCS=4

// A reader racing a writer on one map: "concurrent map read and map
// write" (or, when two writes collide first, "concurrent map writes").
package main

func main() {
	m := map[int]int{}
	go func() {
		for i := 0; ; i++ {
			m[i%4096] = i
			if i%4096 == 0 {
				delete(m, 17)
			}
		}
	}()
	n := 0
	for {
		n += m[n%4096]
	}
}
