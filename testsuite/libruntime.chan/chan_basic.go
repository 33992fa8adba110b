// run
// env: GOMAXPROCS=2

// Unbuffered and buffered channels, len and cap, close, receive from a
// closed channel, range.
package main

func main() {
	c := make(chan int, 3)
	c <- 1
	c <- 2
	if len(c) != 2 || cap(c) != 3 {
		panic("len/cap")
	}
	close(c)
	v, ok := <-c
	w, ok2 := <-c
	z, ok3 := <-c
	println(v, ok, w, ok2, z, ok3)
	var nc chan string
	println(len(nc), cap(nc))

	u := make(chan string)
	go func() {
		for _, s := range []string{"a", "b", "c"} {
			u <- s
		}
		close(u)
	}()
	all := ""
	for s := range u {
		all += s
	}
	println(all)

	type big struct {
		a, b, c, d int64
		s string
	}
	bc := make(chan big, 1)
	go func() { bc <- big{1, 2, 3, 4, "x"} }()
	b := <-bc
	println(b.a+b.b+b.c+b.d, b.s)
	e := make(chan struct{})
	go func() { close(e) }()
	<-e
	_, ok4 := <-e
	println(ok4)
}
