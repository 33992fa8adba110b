// run
// env: GOMAXPROCS=8
// csources: torture_util.c
// timeout: 120

// 64 goroutines hammer four shared channels (two unbuffered, two
// buffered) through select for TORTURE_SECONDS (default 1), and at
// least until 10 collections a second have run, while another goroutine
// collects every 10 ms: 32 senders send sequence
// numbers through a select over all four channels, 32 receivers take
// them through a select over all four, and every message sent is
// received exactly once.
package main

import "runtime"

//extern torture_env_int
func envInt(name *byte, def int) int

//extern torture_now_ms
func nowMs() int

//extern torture_sleep_ms
func sleepMs(ms int)

const senders, receivers = 32, 32

// A message: the sender in the high bits, its sequence number below.
const seqBits = 40

type msg struct {
	word uint64
	pad  *int // a pointer, so that buffers hold something to scan
}

func running(deadline int, enough chan bool) bool {
	if nowMs() < deadline {
		return true
	}
	select {
	case <-enough:
		return false
	default:
		return true
	}
}

func sender(id int, chans []chan msg, deadline int, enough chan bool, sent chan<- int) {
	n := 0
	for ; n&255 != 0 || running(deadline, enough); n++ {
		m := msg{uint64(id)<<seqBits | uint64(n), new(int)}
		select {
		case chans[0] <- m:
		case chans[1] <- m:
		case chans[2] <- m:
		case chans[3] <- m:
		}
	}
	sent <- n
}

func receiver(chans []chan msg, got chan<- []uint64) {
	var mine []uint64
	c := append([]chan msg(nil), chans...)
	for open := 4; open > 0; {
		var m msg
		var ok bool
		var which int
		select {
		case m, ok = <-c[0]:
			which = 0
		case m, ok = <-c[1]:
			which = 1
		case m, ok = <-c[2]:
			which = 2
		case m, ok = <-c[3]:
			which = 3
		}
		if !ok {
			c[which] = nil
			open--
			continue
		}
		if m.pad == nil || *m.pad != 0 {
			println("message", m.word, "arrived with a bad pointer")
		}
		mine = append(mine, m.word)
	}
	got <- mine
}

func main() {
	seconds := envInt(&[]byte("TORTURE_SECONDS\x00")[0], 1)
	chans := []chan msg{make(chan msg), make(chan msg), make(chan msg, 16), make(chan msg, 1024)}
	deadline := nowMs() + seconds*1000

	stopGC := make(chan bool)
	gcDone := make(chan int)
	enough := make(chan bool) // closed after seconds*10 collections
	go func() {
		n := 0
		for {
			if n == seconds*10 {
				close(enough)
			}
			select {
			case <-stopGC:
				gcDone <- n
				return
			default:
			}
			runtime.GC()
			n++
			sleepMs(10)
		}
	}()

	sent := make(chan int, senders)
	got := make(chan []uint64, receivers)
	for i := 0; i < receivers; i++ {
		go receiver(chans, got)
	}
	for i := 0; i < senders; i++ {
		go sender(i, chans, deadline, enough, sent)
	}
	counts := make([]int, senders)
	total := 0
	for i := 0; i < senders; i++ {
		total += <-sent
	}
	for _, c := range chans {
		close(c)
	}
	seen := make([][]uint8, senders)
	received := 0
	for i := 0; i < receivers; i++ {
		for _, w := range <-got {
			id, n := int(w>>seqBits), int(w&(1<<seqBits-1))
			if id >= senders {
				println("message from unknown sender", id)
				return
			}
			for len(seen[id]) <= n {
				seen[id] = append(seen[id], 0)
			}
			seen[id][n]++
			counts[id]++
			received++
		}
	}
	stopGC <- true
	collections := <-gcDone
	if received != total {
		println("sent", total, "received", received)
		return
	}
	for id := range seen {
		for n, k := range seen[id] {
			if k != 1 {
				println("sender", id, "message", n, "received", k, "times")
				return
			}
		}
		if len(seen[id]) != counts[id] {
			println("sender", id, "has gaps")
			return
		}
	}
	if collections < seconds*10 {
		println("only", collections, "collections in", seconds, "s")
		return
	}
	println("ok")
}
