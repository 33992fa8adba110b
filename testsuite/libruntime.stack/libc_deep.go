// run
// output: regexp
// requires: __go_go
// splitcsources: libc_deep.c
// timeout: 120

// Calls into libc from deep inside split stacks, on goroutines:
//   - split-stack C (c_deep, libc_deep.c; on arm too, where clang emits
//     the prologues) recursing 100,000 deep with snprintf at every
//     level, calling back into Go every 1,000 levels, which prints
//     (runtime print, then write(2)) from there;
//   - Go recursing 200,000 deep (splits on amd64 and 386; on arm the
//     goroutine's fixed stack holds only a few thousand frames) and
//     printing at every 1,000th frame on the way down.
// Four goroutines at once; each checks its lines, and libc_deep.out
// the shape of all of them.
package main

import "runtime"

//extern c_deep_room
func c_deep(n int, report func(int, string), a, b, c, d, e int) int

var goDepth = 200000

func init() {
	if runtime.GOARCH == "arm" || runtime.GOARCH == "arm64" {
		goDepth = 2000
	}
}

//go:noinline
func goDeep(id, n int) int {
	if n%1000 == 0 {
		println("go", id, n)
	}
	if n == 0 {
		return 0
	}
	return goDeep(id, n-1) + 1
}

func main() {
	const depth = 100000
	done := make(chan int)
	for id := 0; id < 4; id++ {
		go func(id int) {
			lines := 0
			r := c_deep(depth, func(n int, s string) {
				if want := itoa(n) + " "; s[:len(want)] != want {
					println("bad line", s)
					panic("fail")
				}
				println("c", id, s)
				lines++
			}, 1, 2, 3, 4, 5)
			if r != depth+1 || lines != depth/1000+1 {
				println("c_deep:", r, lines)
				panic("fail")
			}
			if goDeep(id, goDepth) != goDepth {
				panic("goDeep")
			}
			done <- id
		}(id)
	}
	for i := 0; i < 4; i++ {
		<-done
	}
	println("ok")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for ; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	return string(b[i:])
}
