// run
// ulimit: -v 1000000
// exitcode: 2
// output: regexp
// arches: amd64 386 arm64 (qemu-arm reserves the 4 GiB guest space at
// start and cannot run under ulimit -v: oom_addrspace.go covers arm)

// When the OS refuses memory the program dies with Go's message and
// exit status 2 (the address space is limited to 1 GB: room for arm64's 256 MB
// main goroutine stack under qemu).
package main

type block struct {
	next *block
	data [1 << 20]byte
}

var head *block

func main() {
	for i := 0; i < 1<<20; i++ {
		b := new(block)
		b.next = head
		head = b
	}
	println("allocated everything: no limit?")
}
