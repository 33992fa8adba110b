// run
// env: GOMAXPROCS=2

// A nil dereference (a hardware fault) in Go code is a run-time panic
// that recovers, also from a leaf function deep in a call chain, many
// times in a row and on other goroutines, and the program goes on.
package main

type T struct{ a, b int }

func get(p *T) int { return p.b }

func deep(n int, p *T) int {
	if n == 0 {
		return get(p)
	}
	return deep(n-1, p) + 1
}

func try(p *T) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = r.(error).Error()
		}
	}()
	deep(200, p)
	return "none"
}

func main() {
	for i := 0; i < 100; i++ {
		if try(nil) != "runtime error: invalid memory address or nil pointer dereference" {
			panic("wrong message")
		}
	}
	done := make(chan string)
	for i := 0; i < 4; i++ {
		go func() { done <- try(nil) }()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
	println(try(&T{1, 2}), try(nil))
}
