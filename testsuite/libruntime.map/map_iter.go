// run

// Iteration: every entry once, random start order, deleting during
// iteration (deleted entries never appear), adding during iteration and
// growth during iteration (no entry twice), clear idiom.
package main

func main() {
	m := map[int]bool{}
	for i := 0; i < 100; i++ {
		m[i] = true
	}
	seen := map[int]int{}
	for k := range m {
		seen[k]++
	}
	for i := 0; i < 100; i++ {
		if seen[i] != 1 {
			panic("entry not seen exactly once")
		}
	}
	firsts := map[int]bool{}
	for r := 0; r < 50; r++ {
		for k := range m {
			firsts[k] = true
			break
		}
	}
	if len(firsts) < 5 {
		panic("iteration order is not randomised")
	}
	deleted := map[int]bool{}
	for k := range m {
		if deleted[k] {
			panic("deleted entry appeared")
		}
		for j := 0; j < 100; j += 7 {
			if j != k && !deleted[j] {
				delete(m, j)
				deleted[j] = true
			}
		}
	}
	g := map[int]int{0: 0}
	count := map[int]int{}
	for k := range g {
		count[k]++
		if count[k] > 1 {
			panic("entry twice during growth")
		}
		if len(g) < 5000 {
			n := len(g)
			for j := n; j < n+1000; j++ {
				g[j] = j
			}
		}
	}
	for k := range g {
		delete(g, k)
	}
	println(len(m) == 100-len(deleted), len(g))
}
