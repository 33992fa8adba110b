// select4.go: 4,000,000 messages from four producers received with a
// four-way select.
package main

func produce(c chan int, n int) {
	for i := 0; i < n; i++ {
		c <- 1
	}
	close(c)
}

func main() {
	const per = 1000000
	a, b, c, d := make(chan int), make(chan int), make(chan int), make(chan int)
	go produce(a, per)
	go produce(b, per)
	go produce(c, per)
	go produce(d, per)
	total, open := 0, 4
	for open > 0 {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				open--
			}
			total += v
		case v, ok := <-b:
			if !ok {
				b = nil
				open--
			}
			total += v
		case v, ok := <-c:
			if !ok {
				c = nil
				open--
			}
			total += v
		case v, ok := <-d:
			if !ok {
				d = nil
				open--
			}
			total += v
		}
	}
	if total != 4*per {
		panic("lost messages")
	}
}
