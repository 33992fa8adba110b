// run

// Finalizers run for unreachable objects, once, and never for objects
// still reachable from a global, a closure, a local variable or another
// finalizable object; every finalizer signature Go accepts is called;
// finalized objects are freed by a later cycle.  Objects referenced
// only from another goroutine's stack, a map or a channel buffer are
// covered by finalizer_reach.go.
package main

import "runtime"

type T struct {
	id   int
	next *T
	pad  [4]int
}

type Namer interface{ Name() int }

func (t *T) Name() int { return t.id }

var finalized [64]int

// Not on main's stack, which is scanned conservatively: on 32-bit the
// low halves of PauseEnd's times (in ns) are words anywhere in the
// address space, and one in the 64 MiB of big objects below kept one
// alive for good (1 run in 30 on arm, 1 in 100 on 386).  A global
// without pointers is not scanned.
var ms runtime.MemStats

func count(t *T) { finalized[t.id]++ }

var global *T
var keepClosure func() int

//go:noinline
func makeGarbage(id int) {
	t := &T{id: id}
	runtime.SetFinalizer(t, count)
}

//go:noinline
func makeIface(id int) {
	t := &T{id: id}
	runtime.SetFinalizer(t, func(x interface{}) {
		if x != nil {
			finalized[id]++
		}
	})
}

//go:noinline
func makeNamer(id int) {
	t := &T{id: id}
	runtime.SetFinalizer(t, func(n Namer) { finalized[n.Name()]++ })
}

//go:noinline
func makeResult(id int) {
	t := &T{id: id}
	runtime.SetFinalizer(t, func(t *T) (int, string) { finalized[t.id]++; return 1, "x" })
}

//go:noinline
func makeMethodValue(id int) {
	t := &T{id: id}
	base := 10
	// A closure capturing a local: the finalizer is a heap func value.
	runtime.SetFinalizer(t, func(t *T) { finalized[t.id] += base - 9 })
}

//go:noinline
func makeChain(id int) {
	// b is reachable only from a, both finalizable: a first.
	a := &T{id: id}
	b := &T{id: id + 1}
	a.next = b
	runtime.SetFinalizer(a, count)
	runtime.SetFinalizer(b, count)
}

//go:noinline
func makeReachable() *T {
	global = &T{id: 20}
	runtime.SetFinalizer(global, count)
	c := &T{id: 21}
	runtime.SetFinalizer(c, count)
	keepClosure = func() int { return c.id }
	d := &T{id: 22}
	runtime.SetFinalizer(d, count)
	return d
}

//go:noinline
func makeCleared(id int) {
	t := &T{id: id}
	runtime.SetFinalizer(t, count)
	runtime.SetFinalizer(t, nil)
}

// Finalizers run on the finalizer goroutine, in the order collections
// queued them: once a sentinel queued by a later collection has run,
// every finalizer queued before it has run too.
var sentinels int

//go:noinline
func dropSentinel() {
	s := new([4]int)
	runtime.SetFinalizer(s, func(*[4]int) { sentinels++ })
}

// makeBig and its callees leave their pointers in stack words below
// main's frame; scrubStack overwrites them, so the conservative scan
// of main's goroutine finds no stale copy (as Go's own tests do).
//go:noinline
func makeBig(n int, count *int) {
	for i := 0; i < n; i++ {
		b := new([1 << 20]byte)
		runtime.SetFinalizer(b, func(*[1 << 20]byte) { *count++ })
	}
}

//go:noinline
func scrub(n int) int {
	var buf [64]uintptr
	for i := range buf {
		buf[i] = uintptr(n + i)
	}
	if n > 0 {
		return scrub(n-1) + int(buf[n%64])
	}
	return int(buf[0])
}

func scrubStack() int { return scrub(32) }

func gcs(n int) {
	for i := 0; i < n; i++ {
		runtime.GC()
	}
	seen := sentinels
	for try := 0; sentinels == seen; try++ {
		if try == 1000 {
			panic("finalizer goroutine does not run")
		}
		dropSentinel()
		runtime.GC()
		for j := 0; j < 10 && sentinels == seen; j++ {
			runtime.Gosched()
		}
	}
}

// Wait (collecting) until COND holds: an unreachable object may
// survive a cycle or two through a stale word on a conservatively
// scanned stack.
func eventually(what string, cond func() bool) {
	for try := 0; !cond(); try++ {
		if try == 100 {
			println(what)
			panic("fail")
		}
		gcs(1)
	}
}

func wantEventually(id int) {
	eventually("object not finalized", func() bool { return finalized[id] == 1 })
	want(id, 1)
}

func want(id, n int) {
	if finalized[id] != n {
		println("object", id, "finalized", finalized[id], "times, want", n)
		panic("fail")
	}
}

func main() {
	makeGarbage(1)
	makeIface(2)
	makeNamer(3)
	makeResult(4)
	makeMethodValue(5)
	makeChain(6)
	local := makeReachable()
	makeCleared(8)
	gcs(1)
	for _, id := range []int{1, 2, 3, 4, 5, 6} {
		wantEventually(id)
	}
	wantEventually(7) // b of the chain: unreachable once a is finalized
	gcs(3)
	for _, id := range []int{1, 2, 3, 4, 5, 6, 7} {
		want(id, 1) // once, however many cycles follow
	}
	want(8, 0)
	want(20, 0)
	want(21, 0)
	want(22, 0)
	if keepClosure() != 21 || global.id != 20 || local.id != 22 {
		panic("reachable object changed")
	}
	runtime.KeepAlive(local)

	// Finalized objects are freed by a later cycle: 64 objects of 1 MiB.
	gcs(1)
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	big := 0
	makeBig(64, &big)
	scrubStack()
	for try := 0; big < 64; try++ {
		if try == 100 {
			println("big objects not finalized:", 64-big, "of 64")
			panic("fail")
		}
		gcs(1)
	}
	// Freed by the cycles after their finalizers ran.
	eventually("finalized objects not freed", func() bool {
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc <= before+8<<20
	})
	if big > 64 {
		println("big finalized", big)
		panic("finalized twice")
	}
}
