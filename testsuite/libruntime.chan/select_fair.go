// run

// select chooses uniformly among ready cases: with four always-ready
// buffered channels, each is chosen 25% of the time within 5 standard
// deviations over 40,000 rounds; default runs only when nothing is ready.
package main

func main() {
	const rounds = 40000
	var cs [4]chan int
	for i := range cs {
		cs[i] = make(chan int, 1)
	}
	var count [4]int
	for r := 0; r < rounds; r++ {
		for i := range cs {
			if len(cs[i]) == 0 {
				cs[i] <- i
			}
		}
		select {
		case v := <-cs[0]:
			count[v]++
		case v := <-cs[1]:
			count[v]++
		case v := <-cs[2]:
			count[v]++
		case v := <-cs[3]:
			count[v]++
		}
	}
	// binomial: mean 10000, sd ~86.6
	for i, c := range count {
		if c < 10000-433 || c > 10000+433 {
			println("case", i, "chosen", c, "times")
			panic("unfair select")
		}
	}
	e := make(chan int)
	var nilc chan int
	select {
	case <-e:
		panic("empty channel received")
	case nilc <- 1:
		panic("nil channel sent")
	default:
	}
	full := make(chan int, 1)
	full <- 1
	select {
	case full <- 2:
		panic("sent to a full channel")
	default:
	}
}
