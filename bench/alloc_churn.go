// alloc_churn: 50M small pointerful objects through a window of 1,000
// live ones (each new object replaces the oldest): the allocator's fast
// path and the collector's cost with a tiny live set.
package main

type obj struct {
	next *obj
	val  int
	pad  [2]int
}

func main() {
	const total = 50000000
	const window = 1000
	var ring [window]*obj
	sum := 0
	for i := 0; i < total; i++ {
		o := &obj{val: i}
		if prev := ring[(i+window-1)%window]; prev != nil {
			o.next = prev
			sum += prev.val & 7
		}
		// The oldest object leaves the window: its successor lets go.
		if succ := ring[(i+1)%window]; succ != nil {
			succ.next = nil
		}
		ring[i%window] = o
	}
	println("checksum", sum)
}
