// run
// env: GOMAXPROCS=1

// Gosched yields: with one P, two goroutines that yield alternate.
// A preemption may break one round legitimately (a collection under
// GOGC=1 can use up main's time slice, and sysmon then preempts it
// between an append and its Gosched), so the test runs up to five
// rounds and fails only if none alternates: a Gosched that does not
// yield breaks every round.
package main

import "runtime"

var done = make(chan bool)

// round runs one alternation of five appends each into out.
func round(out []int) bool {
	out = out[:0]
	go func() {
		for i := 0; i < 5; i++ {
			out = append(out, 1)
			runtime.Gosched()
		}
		done <- true
	}()
	for i := 0; i < 5; i++ {
		out = append(out, 0)
		runtime.Gosched()
	}
	<-done
	for i := 0; i < 9; i++ {
		if out[i] == out[i+1] {
			return false // (no print: the output is compared)
		}
	}
	return true
}

func main() {
	out := make([]int, 0, 10)
	ok := false
	for r := 0; r < 5 && !ok; r++ {
		ok = round(out)
	}
	if !ok {
		panic("no alternation")
	}
	println(runtime.NumCPU() > 0, runtime.GOMAXPROCS(0))
}
