// map_heavy: maps with pointer values under churn: 2M inserts and
// deletes over a map of at most 100,000 entries, values freshly
// allocated; the collector scans the map's entry arrays.
package main

type val struct {
	key  int
	next *val
}

func main() {
	m := make(map[int]*val)
	var last *val
	sum := 0
	for i := 0; i < 2000000; i++ {
		v := &val{key: i, next: last}
		if i%4 == 0 {
			last = nil
		} else {
			last = v
		}
		m[i] = v
		if i >= 100000 {
			old := m[i-100000]
			sum += old.key & 3
			delete(m, i-100000)
		}
	}
	println("checksum", sum, len(m))
}
