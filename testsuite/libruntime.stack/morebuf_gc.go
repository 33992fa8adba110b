// run
// requires: runtime.GC runtime.SetFinalizer runtime.gorecover __go_go
// splitcsources: morebuf_gc.c
// timeout: 120

// Nothing that passed through a stack split stays reachable once the
// program drops it: runtime_newstack clears m->morebuf and m->moreargp
// once it has used them (so does the unwinder's cleanup of a split, and
// reflect-call after its call), and unlinked segments are not scanned.
// Each case below hands a block with a finalizer (and a closure whose
// captured variable has one) through many splits, drops them, and
// waits for the finalizers after runtime.GC():
//   - Go code splitting with them as arguments (amd64, 386: gccgo's
//     split prologues; on arm Go frames run on the fixed stack);
//   - split-stack C (c_burn, morebuf_gc.c) splitting with them as stack
//     arguments and calling the closure at the bottom: on every arch,
//     arm included (clang's split prologues);
//   - a reflect-call: a finalizer, called by runtime_reflectcall with
//     the object in its argument block, that splits with it (Go and C)
//     and re-arms a second finalizer; the object must be collected
//     again and the second one run;
//   - a panic whose value is the block, raised at the bottom of the
//     splits and recovered above them.
package main

import "runtime"

type block struct {
	data [64]int
}

var collected = make(chan string, 16)

//extern c_burn
func c_burn(n int, b *block, f func(*block) int, a, c, d, e, g, h int) int

const depth = 200000

// Go recursion on a goroutine (the finalizer's): where gccgo emits no
// split prologues (arm, arm64) it has a fixed stack and stays shallow.
var goDepth = depth

func init() {
	if runtime.GOARCH == "arm" || runtime.GOARCH == "arm64" {
		goDepth = 1000
	}
}

//go:noinline
func burn(n int, b *block, f func(*block) int) int {
	if n == 0 {
		return f(b)
	}
	return burn(n-1, b, f) + 1 // a split every few thousand frames
}

// A block with a finalizer reporting NAME, and a closure over a
// variable with one reporting NAME+" closure".
func tracked(name string) (*block, func(*block) int) {
	b := &block{}
	b.data[0] = 42
	k := new(int)
	*k = 7
	runtime.SetFinalizer(b, func(*block) { collected <- name })
	runtime.SetFinalizer(k, func(*int) { collected <- name + " closure" })
	return b, func(x *block) int { return x.data[0] + *k }
}

//go:noinline
func goSplit() {
	b, f := tracked("go split")
	if r := burn(depth, b, f); r != depth+49 {
		panic("burn")
	}
}

//go:noinline
func cSplit() {
	b, f := tracked("c split")
	if r := c_burn(depth, b, f, 1, 2, 3, 4, 5, 6); r != depth+49 {
		println("c_burn:", r)
		panic("c_burn")
	}
}

// The first finalizer runs through reflect-call with the object as its
// argument, splits with it, and re-arms a second one.
//go:noinline
func reflectSplit() {
	b := &block{}
	b.data[0] = 1
	runtime.SetFinalizer(b, func(x *block) {
		burn(goDepth, x, func(*block) int { return 0 })
		c_burn(depth/4, x, func(y *block) int {
			runtime.SetFinalizer(y, func(*block) { collected <- "reflect-call" })
			return 0
		}, 1, 2, 3, 4, 5, 6)
		collected <- "reflect-call first"
	})
}

//go:noinline
func deepPanic(n int, b *block) int {
	if n == 0 {
		panic(b)
	}
	return deepPanic(n-1, b) + 1
}

//go:noinline
func panicSplit() (got bool) {
	b, f := tracked("panic")
	defer func() {
		got = recover() != nil
	}()
	// On every arch: a panic inside a Go callback at the bottom of the C
	// splits, recovered inside it; then one raised at the bottom of Go
	// splits (amd64, 386) and recovered up here.
	c_burn(depth/4, b, func(x *block) int {
		defer func() { recover() }()
		deepPanic(1000, x)
		return 0
	}, 1, 2, 3, 4, 5, 6)
	deepPanic(depth, b)
	_ = f
	return false
}

//go:noinline
func scrub(n int) int {
	var pad [32]int
	if n == 0 {
		return 0
	}
	return scrub(n-1) + pad[n%32]
}

func main() {
	goSplit()
	cSplit()
	reflectSplit()
	if !panicSplit() {
		panic("not recovered")
	}
	scrub(1000) // overwrite dead stack words above us
	want := []string{"go split", "go split closure", "c split",
		"c split closure", "reflect-call first", "reflect-call",
		"panic", "panic closure"}
	// Collect until every finalizer has reported, or 50 collections in
	// a row brought nothing.  After each, give the finalizer goroutine
	// time to run: its first reflect-call finalizer recurses deeply, and
	// with a second P it runs beside this loop, which would otherwise
	// stop the world again at once, many times before it is done.
	seen := map[string]bool{}
	for idle := 0; idle < 50 && len(seen) < len(want); {
		runtime.GC()
		got := false
		for j := 0; j < 20000 && !got; j++ {
			select {
			case name := <-collected:
				seen[name] = true
				got = true
			default:
				runtime.Gosched()
			}
		}
		for len(collected) > 0 {
			seen[<-collected] = true
		}
		if got {
			idle = 0
		} else {
			idle++
		}
	}
	ok := true
	for _, w := range want {
		if !seen[w] {
			println("not collected:", w)
			ok = false
		}
	}
	if !ok {
		panic("objects seen by a split were kept alive")
	}
}
