// run
// env: GOMAXPROCS=4

// Panics do not cross goroutines: each goroutine recovers its own
// panic, raised on its own stack, while others panic concurrently;
// a goroutine's recovery leaves the others' state alone.
package main

//go:noinline
func work(id, depth int) int {
	if depth == 0 {
		if id%2 == 0 {
			panic(id)
		}
		var m map[int]int
		m[id] = id // a runtime error
	}
	return work(id, depth-1) + 1
}

func guarded(id int) (r int) {
	defer func() {
		switch v := recover().(type) {
		case int:
			r = v
		case error:
			r = -id
		}
	}()
	return work(id, 50+id)
}

func main() {
	const n = 16
	res := make(chan int, n)
	for i := 0; i < n; i++ {
		go func(id int) {
			sum := 0
			for k := 0; k < 200; k++ {
				sum += guarded(id)
			}
			res <- sum / 200
		}(i)
	}
	total := 0
	for i := 0; i < n; i++ {
		total += <-res
	}
	println(total) // evens: 0+2+...+14 = 56; odds: -(1+3+...+15) = -64
}
