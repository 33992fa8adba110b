// run
// csources: callback_threads.c
// timeout: 120

// 1,000 callbacks from 8 C threads at once while the collector runs in
// a loop: each callback allocates (its garbage and a value it keeps
// through a channel), and the counts and sums must all come out right.
package main

/*
int start_threads(int n, int k);
long join_threads(void);
*/
import "C"

import "runtime"

const threads, iters = 8, 125

type record struct {
	thread, iter int
	payload      []byte
}

var results = make(chan *record, threads*iters)

//export goWork
func goWork(thread, iter C.int) C.long {
	var garbage [][]byte
	for i := 0; i < 8; i++ {
		garbage = append(garbage, make([]byte, 512))
	}
	r := &record{int(thread), int(iter), make([]byte, 64)}
	for i := range r.payload {
		r.payload[i] = byte(thread)
	}
	results <- r
	return C.long(int(iter) + len(garbage))
}

func main() {
	stop := make(chan bool)
	gcs := make(chan int)
	go func() {
		n := 0
		for {
			select {
			case <-stop:
				gcs <- n
				return
			default:
			}
			runtime.GC()
			n++
		}
	}()
	if C.start_threads(threads, iters) != 0 {
		panic("start_threads")
	}
	seen := make(map[int]bool)
	for n := 0; n < threads*iters; n++ {
		r := <-results
		key := r.thread*iters + r.iter
		if seen[key] {
			panic("callback delivered twice")
		}
		seen[key] = true
		for _, b := range r.payload {
			if int(b) != r.thread {
				panic("payload corrupted")
			}
		}
	}
	got := int(C.join_threads())
	want := threads * (iters*(iters-1)/2 + iters*8)
	stop <- true
	n := <-gcs
	if got != want || len(seen) != threads*iters {
		println("sum", got, "want", want, "callbacks", len(seen))
		panic("wrong counts")
	}
	if n == 0 {
		panic("the collector never ran")
	}
	println("ok")
}
