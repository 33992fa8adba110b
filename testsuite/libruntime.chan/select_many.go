// run
// env: GOMAXPROCS=2

// select with many senders and receivers racing, duplicate channels in
// one select, nil cases, and closing under a select: every value sent is
// received exactly once.
package main

func main() {
	const producers, per = 8, 2000
	data := make(chan int)
	other := make(chan int, 4)
	quit := make(chan struct{})
	var nilc chan int
	done := make(chan int)
	for p := 0; p < producers; p++ {
		go func(p int) {
			for i := 0; i < per; i++ {
				v := p*per + i
				select {
				case data <- v:
				case other <- v:
				case nilc <- v:
					panic("nil channel")
				}
			}
			done <- 1
		}(p)
	}
	seen := make([]bool, producers*per)
	got := 0
	finished := 0
	for got < producers*per {
		var v int
		select {
		case v = <-data:
		case v = <-other:
		case v = <-other:
		case <-nilc:
			panic("nil receive")
		case <-done:
			finished++
			continue
		}
		if seen[v] {
			panic("value received twice")
		}
		seen[v] = true
		got++
	}
	for finished < producers {
		<-done
		finished++
	}
	go func() { close(quit) }()
	select {
	case <-quit:
	}
	println(got)
}
