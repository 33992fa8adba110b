// run
// csources: torture_util.c
// timeout: 180

// A finalizer storm: rounds of 20,000 finalizable objects dropped at
// once while two goroutines allocate garbage.  A tenth of the
// finalizers resurrect their object and set a second finalizer on it;
// a tenth are cleared with SetFinalizer(x, nil) and must never run;
// every object's contents are intact when its finalizer sees it; no
// finalizer runs twice.  Conservative stack scanning may keep a handful
// alive, so at least 99% of the expected finalizers must have run.
package main

import "runtime"

//extern torture_now_ms
func nowMs() int

//extern torture_sleep_ms
func sleepMs(ms int)

const rounds, perRound = 5, 20000
const total = rounds * perRound

type obj struct {
	id    int
	check int
	buf   []byte
	next  *obj
}

var (
	lock       = make(chan struct{}, 1)
	first      [total]uint8 // first finalizer runs per id
	second     [total]uint8 // second (after resurrection)
	cleared    [total]bool
	resurrects []*obj
	bad        int
)

func intact(o *obj) bool {
	if o.check != ^o.id || len(o.buf) != 16+o.id%64 {
		return false
	}
	for i, b := range o.buf {
		if b != byte(o.id+i) {
			return false
		}
	}
	return true
}

func finalSecond(o *obj) {
	lock <- struct{}{}
	if !intact(o) {
		bad++
	}
	second[o.id]++
	<-lock
}

func finalFirst(o *obj) {
	lock <- struct{}{}
	if !intact(o) {
		bad++
	}
	first[o.id]++
	if o.id%10 == 1 {
		resurrects = append(resurrects, o)
		runtime.SetFinalizer(o, finalSecond)
	}
	<-lock
}

//go:noinline
func makeRound(r int) {
	var prev *obj
	for i := 0; i < perRound; i++ {
		id := r*perRound + i
		o := &obj{id: id, check: ^id, buf: make([]byte, 16+id%64)}
		for j := range o.buf {
			o.buf[j] = byte(id + j)
		}
		if i%4 == 0 {
			o.next = prev // chains: a dropped chain finalizes in order
		}
		prev = o
		runtime.SetFinalizer(o, finalFirst)
		if id%10 == 2 {
			runtime.SetFinalizer(o, nil)
			cleared[id] = true
		}
	}
}

//go:noinline
func scrub() {
	var b [8192]byte
	for i := range b {
		b[i] = 0
	}
	runtime.KeepAlive(&b)
}

var sink []byte

func garbage(stop chan bool) {
	for {
		select {
		case <-stop:
			stop <- true
			return
		default:
		}
		for i := 0; i < 100; i++ {
			sink = make([]byte, 64+i)
		}
		runtime.Gosched()
	}
}

func counts() (f, s, want2 int) {
	lock <- struct{}{}
	for id := 0; id < total; id++ {
		f += int(first[id])
		s += int(second[id])
	}
	want2 = len(resurrects)
	<-lock
	return
}

// Collect until done (given the first and second finalizer counts)
// says enough have run, or 20 s have passed.
func settle(done func(f, s int) bool) {
	deadline := nowMs() + 20000
	for {
		scrub()
		runtime.GC()
		sleepMs(2)
		f, s, _ := counts()
		if done(f, s) || nowMs() > deadline {
			return
		}
	}
}

func main() {
	stop := make(chan bool)
	go garbage(stop)
	wantFirst := 0
	for r := 0; r < rounds; r++ {
		makeRound(r)
		wantFirst += perRound - perRound/10
		scrub()
		runtime.GC()
	}
	settle(func(f, s int) bool { return f*100 >= wantFirst*99 })
	// Drop the resurrected objects: their second finalizers run.
	lock <- struct{}{}
	want2 := len(resurrects)
	resurrects = nil
	<-lock
	settle(func(f, s int) bool { return s*100 >= want2*99 })
	stop <- true
	<-stop

	lock <- struct{}{}
	defer func() { <-lock }()
	f, s := 0, 0
	for id := 0; id < total; id++ {
		if first[id] > 1 || second[id] > 1 {
			println("finalizer of", id, "ran", first[id], second[id], "times")
			return
		}
		if cleared[id] && first[id] != 0 {
			println("cleared finalizer of", id, "ran")
			return
		}
		if second[id] != 0 && (first[id] == 0 || id%10 != 1) {
			println("second finalizer of", id, "ran without resurrection")
			return
		}
		f += int(first[id])
		s += int(second[id])
	}
	if bad != 0 {
		println(bad, "finalized objects were not intact")
		return
	}
	if f*100 < wantFirst*99 || s*100 < want2*99 {
		println("finalized", f, "of", wantFirst, "and", s, "of", want2)
		return
	}
	println("ok")
}
