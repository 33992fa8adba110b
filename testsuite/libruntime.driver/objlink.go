// objlink.go: compiled with the arch's gccgo-12 -c, then linked by
// tools/gort from the object alone (see driver.exp).
package main

func main() {
	s := []string{"linked", "from", "an", "object"}
	out := ""
	for _, w := range s {
		out += w + " "
	}
	println(out, len(s))
}
