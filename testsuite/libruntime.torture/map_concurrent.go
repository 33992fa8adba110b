// run
// env: GOMAXPROCS=4
// csources: torture_util.c
// timeout: 120

// Maps grown and shrunk from many goroutines at once, checked against a
// reference: 16 goroutines insert and delete keys of one shared map
// under a lock (a channel of capacity 1), each operation mirrored in a
// plain array; every lookup agrees with the array; the map grows to
// tens of thousands of keys and shrinks back in waves.  Meanwhile each
// goroutine grows and empties a private map with string keys, and a
// collector runs every few milliseconds.  At the end the shared map,
// its length and a full iteration equal the reference.
// TORTURE_SECONDS (default 1) sets how long the waves go on.
package main

import "runtime"

//extern torture_env_int
func envInt(name *byte, def int) int

//extern torture_now_ms
func nowMs() int

//extern torture_sleep_ms
func sleepMs(ms int)

const workers = 16
const keySpace = 1 << 16

type value struct {
	key  int
	gen  int
	self *value
}

var (
	lock   = make(chan struct{}, 1)
	shared = make(map[int]*value)
	ref    [keySpace]int // generation stored for the key; 0: absent
	live   int
	gen    int
)

func rnd(s *uint32) int {
	*s ^= *s << 13
	*s ^= *s >> 17
	*s ^= *s << 5
	return int(*s >> 1) // non-negative on 32-bit targets too
}

func fail(what string, k int) {
	println("FAIL:", what, k)
	panic("map differs from its reference")
}

func check(k int) {
	v, ok := shared[k]
	if ok != (ref[k] != 0) {
		fail("presence of", k)
	}
	if ok && (v.key != k || v.gen != ref[k] || v.self != v) {
		fail("value of", k)
	}
}

// One wave: grow towards target keys, or shrink towards it.
func wave(seed *uint32, grow bool, ops int) {
	for i := 0; i < ops; i++ {
		k := rnd(seed) % keySpace
		lock <- struct{}{}
		check(k)
		if grow {
			gen++
			v := &value{key: k, gen: gen}
			v.self = v
			if ref[k] == 0 {
				live++
			}
			shared[k] = v
			ref[k] = gen
		} else if ref[k] != 0 {
			delete(shared, k)
			ref[k] = 0
			live--
		}
		check(k)
		if len(shared) != live {
			fail("len", len(shared))
		}
		<-lock
	}
}

// A private map of string keys, grown to N and emptied again.
func private(seed *uint32, n int) {
	m := make(map[string]int)
	for i := 0; i < n; i++ {
		m[itoa(i)] = i
	}
	for i := 0; i < n; i += 2 {
		delete(m, itoa(i))
	}
	for i := 1; i < n; i += 2 {
		if m[itoa(i)] != i {
			fail("private key", i)
		}
	}
	for k := range m {
		delete(m, k)
	}
	if len(m) != 0 {
		fail("private map not empty", len(m))
	}
}

func itoa(i int) string {
	var b [20]byte
	n := len(b)
	for {
		n--
		b[n] = byte('0' + i%10)
		if i /= 10; i == 0 {
			break
		}
	}
	return string(b[n:])
}

func worker(id int, deadline int, done chan<- bool) {
	seed := uint32(id*7919 + 1)
	for w := 0; w < 2 || nowMs() < deadline; w++ {
		wave(&seed, w%2 == 0, 4000)
		private(&seed, 500+rnd(&seed)%2000)
	}
	done <- true
}

func main() {
	seconds := envInt(&[]byte("TORTURE_SECONDS\x00")[0], 1)
	deadline := nowMs() + seconds*1000
	stop := make(chan bool)
	go func() {
		for {
			select {
			case <-stop:
				stop <- true
				return
			default:
			}
			runtime.GC()
			sleepMs(5)
		}
	}()
	done := make(chan bool)
	for i := 0; i < workers; i++ {
		go worker(i, deadline, done)
	}
	for i := 0; i < workers; i++ {
		<-done
	}
	stop <- true
	<-stop
	runtime.GC()
	for k := 0; k < keySpace; k++ {
		check(k)
	}
	n := 0
	for k, v := range shared {
		if ref[k] == 0 || v.gen != ref[k] {
			fail("iteration returned", k)
		}
		n++
	}
	if n != live || len(shared) != live {
		fail("iteration count", n)
	}
	println("ok")
}
