// run
// csources: reflectcall.c

// GoReflectCall (include/libruntime.h) calls functions of 0 to 12 mixed
// arguments and several results -- integers of every size, floats,
// complex, strings, slices, interfaces, pointers, maps, channels,
// arrays and structs -- plus closures, method values and method
// expressions, from their type descriptor and an argument block; every
// result is compared with a direct call's.
package main

import "unsafe"

//extern c_reflectcall
func creflect(f interface{}, args, results unsafe.Pointer)

func call(f interface{}, args, results unsafe.Pointer) {
	creflect(f, args, results)
}

type S struct {
	a int8
	b int64
	c float64
}

type T struct{ n int }

func (t *T) Add(k int) int { t.n += k; return t.n }
func (t T) Get(s string) (int, string) { return t.n, s + "!" }

type Stringer interface{ String() string }
type named string

func (n named) String() string { return "named:" + string(n) }

var count int

func f0()                                         { count++ }
func f1(a int) int                                { return a * 3 }
func f2(a float64, b float32) (float64, float32) { return a * 2, b + 1 }
func f3(s string, b []byte, e interface{}) (string, int, interface{}) {
	return s + string(b), len(b), e
}
func f4(p *T, c complex128, d complex64, u uint8) (complex128, complex64, *T, uint8) {
	return c * 2, d + 1i, p, u + 1
}
func f5(st S, arr [3]int16, ok bool, x int16, y uint32) (S, bool, [3]int16) {
	st.a += int8(x)
	st.b *= 2
	st.c /= 2
	arr[0] = int16(y)
	return st, !ok, arr
}
func f6(x Stringer, m map[string]int, ch chan int, a int8, b int32, c uint64) (string, int, int64) {
	ch <- m["k"]
	return x.String(), len(m), int64(a) + int64(b) + int64(c)
}
func f7(a, b, c, d, e, f, g int) (int, int) { return a + b + c + d, e * f * g }
func f8(a float32, b float64, c float32, d float64, e int8, f string, g []string, h *int) (float64, string) {
	*h = 8
	return float64(a) + b + float64(c) + d + float64(e), f + g[1]
}
func f9(a, b, c, d, e, f, g, h, i float64) float64 {
	return a + 2*b + 3*c + 4*d + 5*e + 6*f + 7*g + 8*h + 9*i
}
func f10(a int64, b int8, c int64, d int16, e int64, f int32, g int64, h uint8, i complex64, j S) (int64, S) {
	j.b = a + int64(b) + c + int64(d) + e + int64(f) + g + int64(h) + int64(real(i))
	return j.b, j
}
func f11(a string, b string, c string, d string, e string, f string, g string, h string, i string, j string, k string) string {
	return a + b + c + d + e + f + g + h + i + j + k
}
func f12(a int8, b uint16, c int32, d int64, e float32, f float64, g string, h []int, i interface{}, j *int, k complex64, l S) (int64, float64, string, S) {
	sum := int64(a) + int64(b) + int64(c) + d + int64(len(h)) + int64(*j) + int64(i.(int))
	return sum, float64(e) + f + float64(imag(k)), g + "12", S{l.a + 1, l.b + sum, l.c * 2}
}

func check(name string, ok bool) {
	if !ok {
		println("FAIL", name)
		panic("reflect-call differs from the direct call")
	}
}

func main() {
	// 0 arguments, no results.
	call(f0, nil, nil)
	check("f0", count == 1)

	{
		a := struct{ a int }{14}
		var r int
		call(f1, unsafe.Pointer(&a), unsafe.Pointer(&r))
		check("f1", r == f1(14))
	}
	{
		a := struct {
			a float64
			b float32
		}{1.25, 2.5}
		var r struct {
			x float64
			y float32
		}
		call(f2, unsafe.Pointer(&a), unsafe.Pointer(&r))
		x, y := f2(1.25, 2.5)
		check("f2", r.x == x && r.y == y)
	}
	{
		a := struct {
			s string
			b []byte
			e interface{}
		}{"ab", []byte("cd"), 42}
		var r struct {
			s string
			n int
			e interface{}
		}
		call(f3, unsafe.Pointer(&a), unsafe.Pointer(&r))
		s, n, e := f3("ab", []byte("cd"), 42)
		check("f3", r.s == s && r.n == n && r.e == e)
	}
	{
		t := &T{5}
		a := struct {
			p *T
			c complex128
			d complex64
			u uint8
		}{t, 1 + 2i, 3 - 1i, 254}
		var r struct {
			c complex128
			d complex64
			p *T
			u uint8
		}
		call(f4, unsafe.Pointer(&a), unsafe.Pointer(&r))
		c, d, p, u := f4(t, 1+2i, 3-1i, 254)
		check("f4", r.c == c && r.d == d && r.p == p && r.u == u)
	}
	{
		st := S{-3, 1 << 40, 7.5}
		arr := [3]int16{1, -2, 3}
		a := struct {
			st  S
			arr [3]int16
			ok  bool
			x   int16
			y   uint32
		}{st, arr, true, -2, 77}
		var r struct {
			st  S
			ok  bool
			arr [3]int16
		}
		call(f5, unsafe.Pointer(&a), unsafe.Pointer(&r))
		st2, ok, arr2 := f5(st, arr, true, -2, 77)
		check("f5", r.st == st2 && r.ok == ok && r.arr == arr2)
	}
	{
		m := map[string]int{"k": 11, "j": 2}
		ch := make(chan int, 2)
		a := struct {
			x  Stringer
			m  map[string]int
			ch chan int
			a  int8
			b  int32
			c  uint64
		}{named("z"), m, ch, -1, -100000, 1 << 33}
		var r struct {
			s string
			n int
			v int64
		}
		call(f6, unsafe.Pointer(&a), unsafe.Pointer(&r))
		s, n, v := f6(named("z"), m, ch, -1, -100000, 1<<33)
		check("f6", r.s == s && r.n == n && r.v == v && <-ch == 11 && <-ch == 11)
	}
	{
		a := [7]int{1, 2, 3, 4, 5, 6, 7}
		var r [2]int
		call(f7, unsafe.Pointer(&a), unsafe.Pointer(&r))
		x, y := f7(1, 2, 3, 4, 5, 6, 7)
		check("f7", r[0] == x && r[1] == y)
	}
	{
		var h1, h2 int
		a := struct {
			a float32
			b float64
			c float32
			d float64
			e int8
			f string
			g []string
			h *int
		}{0.5, 1.5, 2.5, 3.5, -4, "f", []string{"x", "y"}, &h1}
		var r struct {
			x float64
			s string
		}
		call(f8, unsafe.Pointer(&a), unsafe.Pointer(&r))
		x, s := f8(0.5, 1.5, 2.5, 3.5, -4, "f", []string{"x", "y"}, &h2)
		check("f8", r.x == x && r.s == s && h1 == 8 && h2 == 8)
	}
	{
		a := [9]float64{1, 2, 3, 4, 5, 6, 7, 8, 9.5}
		var r float64
		call(f9, unsafe.Pointer(&a), unsafe.Pointer(&r))
		check("f9", r == f9(1, 2, 3, 4, 5, 6, 7, 8, 9.5))
	}
	{
		j := S{1, 2, 3}
		a := struct {
			a int64
			b int8
			c int64
			d int16
			e int64
			f int32
			g int64
			h uint8
			i complex64
			j S
		}{1 << 35, -8, 3, -300, 5, -70000, 7, 200, 9 + 1i, j}
		var r struct {
			v int64
			s S
		}
		call(f10, unsafe.Pointer(&a), unsafe.Pointer(&r))
		v, s := f10(1<<35, -8, 3, -300, 5, -70000, 7, 200, 9+1i, j)
		check("f10", r.v == v && r.s == s)
	}
	{
		a := [11]string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"}
		var r string
		call(f11, unsafe.Pointer(&a), unsafe.Pointer(&r))
		check("f11", r == f11("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"))
	}
	{
		j := 1000
		l := S{4, 5, 6.5}
		a := struct {
			a int8
			b uint16
			c int32
			d int64
			e float32
			f float64
			g string
			h []int
			i interface{}
			j *int
			k complex64
			l S
		}{-1, 65535, -1 << 30, 1 << 50, 0.25, 0.5, "g", []int{1, 2, 3}, 77, &j, 1 + 0.125i, l}
		var r struct {
			v int64
			f float64
			s string
			st S
		}
		call(f12, unsafe.Pointer(&a), unsafe.Pointer(&r))
		v, f, s, st := f12(-1, 65535, -1<<30, 1<<50, 0.25, 0.5, "g", []int{1, 2, 3}, 77, &j, 1+0.125i, l)
		check("f12", r.v == v && r.f == f && r.s == s && r.st == st)
	}

	// A closure, a method value, method expressions.
	{
		k := 40
		clo := func(x int) (int, string) { return x + k, "closure" }
		a := struct{ x int }{2}
		var r struct {
			n int
			s string
		}
		call(clo, unsafe.Pointer(&a), unsafe.Pointer(&r))
		check("closure", r.n == 42 && r.s == "closure")
	}
	{
		t := &T{10}
		a := struct{ k int }{5}
		var r int
		call(t.Add, unsafe.Pointer(&a), unsafe.Pointer(&r))
		check("method value", r == 15 && t.n == 15)

		b := struct {
			t *T
			k int
		}{t, 1}
		call((*T).Add, unsafe.Pointer(&b), unsafe.Pointer(&r))
		check("method expression (*T).Add", r == 16 && t.n == 16)

		c := struct {
			t T
			s string
		}{T{3}, "hi"}
		var r2 struct {
			n int
			s string
		}
		call(T.Get, unsafe.Pointer(&c), unsafe.Pointer(&r2))
		n, s := T.Get(T{3}, "hi")
		check("method expression T.Get", r2.n == n && r2.s == s)
	}
	println("ok")
}
