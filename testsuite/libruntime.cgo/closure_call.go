// run
// csources: closure_call.c

// C calls Go func values (closures with captured variables, several
// argument and result kinds) through GoCallFuncVal, which puts the
// closure in the static chain register (arch/ARCH/closure.S).
package main

//extern c_apply
func c_apply(f func(int, string) int, x int, s string) int

//extern c_apply3
func c_apply3(f func(a, b, c float64) (float64, int), x float64) int

//extern c_apply_many
func c_apply_many(f func(a, b, c, d, e, f, g, h int, s string, x float32) int) int

func main() {
	k := 100
	f := func(x int, s string) int { return x + k + len(s) }
	if r := c_apply(f, 5, "abc"); r != 216 {
		println("c_apply:", r)
		panic("fail")
	}
	g := func(a, b, c float64) (float64, int) { return a + b + c + float64(k), 7 }
	if r := c_apply3(g, 1.5); r != 1052 {
		println("c_apply3:", r)
		panic("fail")
	}
	h := func(a, b, c, d, e, f, g, h int, s string, x float32) int {
		return a + b*2 + c*3 + d*4 + e*5 + f*6 + g*7 + h*8 + len(s)*k + int(x)
	}
	if r := c_apply_many(h); r != 1+4+9+16+25+36+49+64+300+42 {
		println("c_apply_many:", r)
		panic("fail")
	}
}
