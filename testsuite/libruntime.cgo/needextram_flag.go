// run
// csources: needextram_flag.c

// White-box: the needextram flag is 1 until the first cgo call, which
// clears it (and makes the extra M); later calls leave it 0.
package main

// static int noop(void) { return 7; }
import "C"

import "runtime"

//extern needextram_value
func needextramValue() int32

func main() {
	println("before:", needextramValue(), runtime.NumCgoCall())
	if C.noop() != 7 {
		panic("noop")
	}
	println("after one call:", needextramValue(), runtime.NumCgoCall())
	C.noop()
	println("after two:", needextramValue(), runtime.NumCgoCall())
}
