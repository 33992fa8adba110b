// run

// Map semantics over every fast-path key shape and the generic path:
// insert, update, lookup, delete, len, composite literals, growth, nil
// maps, NaN keys, +0/-0, interface keys, and key updates on overwrite.
package main

type pair struct{ a, b int16 }
type big struct {
	s string
	n [40]int64
}

var zero float64

func check(ok bool, msg string) {
	if !ok {
		panic(msg)
	}
}

func main() {
	m := map[int]int{}
	for i := 0; i < 10000; i++ {
		m[i] = i * 2
	}
	check(len(m) == 10000, "len after inserts")
	for i := 0; i < 10000; i += 2 {
		delete(m, i)
	}
	check(len(m) == 5000, "len after deletes")
	for i := 0; i < 10000; i++ {
		v, ok := m[i]
		if ok != (i%2 == 1) || (ok && v != 2*i) || (!ok && v != 0) {
			panic("lookup after delete")
		}
	}
	m[3] += 100
	check(m[3] == 106, "+=")

	s := map[string][]int{"a": {1}, "b": {2, 3}}
	s["c"] = append(s["c"], 4)
	check(len(s["b"]) == 2 && s["c"][0] == 4 && s["zz"] == nil, "string keys")

	m32 := map[int32]string{-1: "neg"}
	m4 := map[[4]byte]int{{1, 2, 3, 4}: 7}
	mp := map[pair]int{{1, 2}: 3}
	x, y := 1, 2
	mptr := map[*int]int{&x: 10, &y: 20}
	check(m32[-1] == "neg" && m4[[4]byte{1, 2, 3, 4}] == 7 && mp[pair{1, 2}] == 3, "small keys")
	check(mptr[&x] == 10 && mptr[&y] == 20, "pointer keys")

	mf := map[float64]int{}
	nan := zero / zero
	mf[nan] = 1
	mf[nan] = 2
	mf[0.0] = 3
	mf[-zero] = 4
	check(len(mf) == 3 && mf[0] == 4, "NaN and zero keys")
	_, ok := mf[nan]
	check(!ok, "NaN found")
	nans := 0
	for k, v := range mf {
		if k != k {
			nans += v
		}
	}
	check(nans == 3, "NaN iteration")

	mi := map[interface{}]string{1: "int", "1": "string", 1.0: "float", pair{1, 1}: "pair"}
	check(mi[1] == "int" && mi["1"] == "string" && mi[1.0] == "float" && mi[pair{1, 1}] == "pair", "interface keys")
	mc := map[complex128]int{complex(1, 2): 5}
	check(mc[1+2i] == 5, "complex keys")
	mb := map[big]int{}
	mb[big{s: "x"}] = 9
	check(mb[big{s: "x"}] == 9, "big keys")
	bv := map[int]big{}
	bv[1] = big{s: "v"}
	check(bv[1].s == "v" && bv[2].s == "", "big values")

	var nm map[string]int
	check(nm["x"] == 0 && len(nm) == 0, "nil map read")
	delete(nm, "x")
	for range nm {
		panic("nil map iteration")
	}
	println(len(m), len(s), len(mi))
}
