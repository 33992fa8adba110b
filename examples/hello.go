// hello.go: a first program on libruntime.  Builds strings and slices
// and prints them with the print built-ins.
package main

func fib(n int) []int {
	s := []int{0, 1}
	for len(s) < n {
		s = append(s, s[len(s)-1]+s[len(s)-2])
	}
	return s
}

func main() {
	greeting := "hello"
	greeting += ", " + "libruntime"
	println(greeting)
	f := fib(12)
	println("fib:", len(f), "numbers, last", f[len(f)-1])
	for i, r := range "héllo" {
		print(i, ":", string(r), " ")
	}
	println()
	b := []byte(greeting)
	b[0] = 'H'
	println(string(b), 1.5, true)
}
