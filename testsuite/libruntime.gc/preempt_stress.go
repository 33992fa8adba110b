// run
// env: GOMAXPROCS=2
// timeout: 300

// Forced preemption lands anywhere: goroutines that allocate, grow
// maps, send on channels and recover panics without ever blocking for
// long are parked by signal whenever sysmon or a collection finds them
// running, while two goroutines spin without calls and main keeps
// collecting.  The handler must park them only outside runtime critical
// sections (allocation caches, free lists, spinlocks): every structure
// must come out intact.  Under GOGC=1 (tools/torture) the workers'
// allocations add a collection every few KB to main's own, 40,000
// stops of the world for the 60 rounds, each of which waits for the
// spinners' threads to take a signal: on a machine whose CPUs other
// processes keep busy, a scheduler tick each, minutes in all.  The
// workers do 3 rounds there.
package main

import (
	"runtime"
	"unsafe"
)

//extern getenv
func getenv(name *byte) *byte

// gogc1: GOGC is set to exactly "1".
func gogc1() bool {
	v := getenv(&[]byte("GOGC\x00")[0])
	if v == nil || *v != '1' {
		return false
	}
	return *(*byte)(unsafe.Pointer(uintptr(unsafe.Pointer(v)) + 1)) == 0
}

type node struct {
	next *node
	v    int
}

var spinning [2]bool

func spin(i int) {
	spinning[i] = true
	for {
	}
}

func recovering(n int) (r int) {
	defer func() {
		if e := recover(); e != nil {
			r = n
		}
	}()
	if n >= 0 {
		panic("x")
	}
	return -1
}

func worker(id int, rounds int, done chan int) {
	sum := 0
	c := make(chan int, 4)
	for r := 0; r < rounds; r++ {
		var list *node
		m := make(map[int]*node)
		for i := 0; i < 2000; i++ {
			list = &node{list, i}
			m[i] = list
			if i%3 == 0 {
				delete(m, i/2)
			}
			_ = make([]byte, 64+i%200)
		}
		for i := 0; i < 2000; i++ {
			if p, ok := m[i]; ok && p.v != i {
				panic("map value corrupted")
			}
		}
		n := 0
		for p := list; p != nil; p = p.next {
			n += p.v
		}
		if n != 2000*1999/2 {
			panic("list corrupted")
		}
		for i := 0; i < 4; i++ {
			c <- i
		}
		for i := 0; i < 4; i++ {
			sum += <-c
		}
		sum += recovering(r)
	}
	done <- sum
}

func main() {
	go spin(0)
	go spin(1)
	for !spinning[0] || !spinning[1] {
		runtime.Gosched()
	}
	const workers = 4
	rounds := 60
	if gogc1() {
		rounds = 3
	}
	done := make(chan int)
	for i := 0; i < workers; i++ {
		go worker(i, rounds, done)
	}
	got := 0
	for k := 0; k < workers; {
		select {
		case s := <-done:
			if s != rounds*6+rounds*(rounds-1)/2 {
				panic("worker sum wrong")
			}
			k++
		default:
			runtime.GC()
			got++
		}
	}
	if got == 0 {
		panic("no collections")
	}
	println("ok")
}
