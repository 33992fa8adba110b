// run
// exitcode: 2
// output: regexp
// arches: 386 arm

// On 32-bit targets a program that keeps allocating exhausts the
// address space: the OS refuses memory and the program dies with Go's
// message and exit status 2.
package main

type block struct {
	next *block
	data [1 << 20]byte
}

var head *block

func main() {
	for i := 0; i < 1<<13; i++ { // 8 GiB: more than 32 bits can hold
		b := new(block)
		b.next = head
		head = b
	}
	println("allocated everything")
}
