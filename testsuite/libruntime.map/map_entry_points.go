// run

// The map entry points the other map tests leave out, each reached by
// the construct that makes gccgo-12 call it (nm -u of this program on
// amd64, 386 and arm lists them): makemap and makemap64 with computed
// hints; the __fat accessors for values over 1024 bytes (absent keys
// read go..zerovalue); comma-ok through fast32 and faststr; fast32
// assign and delete; pointer keys (fast32ptr on 32-bit, fast64ptr on
// amd64); the clearing idiom (mapclear).
package main

type T struct{ n int }
type fat [2000]byte

//go:noinline
func hint() int { return 100 }

//go:noinline
func hint64() int64 { return 1 << 10 }

func main() {
	m := make(map[int]int, hint())
	m64 := make(map[int]string, hint64())
	for i := 0; i < 200; i++ {
		m[i] = i
		m64[i] = "x"
	}
	println(len(m), len(m64))

	mf := map[int]fat{}
	var f fat
	f[0], f[1999] = 1, 2
	mf[7] = f
	g := mf[7]
	h := mf[8]
	g2, ok := mf[7]
	h2, ok2 := mf[9]
	println(g[0], g[1999], h[0], h[1999], g2[1999], ok, h2[0], ok2)

	m32 := map[int32]int32{}
	for i := int32(0); i < 100; i++ {
		m32[i] = i * 3
	}
	v, ok := m32[33]
	_, ok3 := m32[1000]
	delete(m32, 33)
	_, ok4 := m32[33]
	println(v, ok, ok3, ok4, len(m32))

	ms := map[string]int{"a": 1, "b": 2}
	sv, sok := ms["b"]
	_, sok2 := ms["c"]
	println(sv, sok, sok2)

	mp := map[*T]int{}
	ts := make([]*T, 50)
	for i := range ts {
		ts[i] = &T{i}
		mp[ts[i]] = i
	}
	println(len(mp), mp[ts[17]], mp[&T{17}])

	for k := range m {
		delete(m, k)
	}
	println(len(m), m[5])
	m[5] = 6
	println(len(m), m[5])
}
