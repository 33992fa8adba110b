// run

// Indexes and slice bounds of 64-bit integer type: on 386 and arm they
// reach the runtime through runtime.goPanicExtend* (the value does not
// fit in an int), on amd64 through the plain goPanic* entry points; the
// messages are Go's either way, with the whole 64-bit value.
package main

import "runtime"

var s = []int{1, 2, 3}
var str = "abc"

func try(f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(runtime.Error); ok {
			println(e.Error())
		} else {
			println("no runtime.Error:", r != nil)
		}
	}()
	f()
}

//go:noinline
func i64(v int64) int64 { return v }

//go:noinline
func u64(v uint64) uint64 { return v }

var sink int
var sinks []int
var sinkstr string

func main() {
	try(func() { sink = s[i64(5)] })
	try(func() { sink = s[i64(1<<33)] })
	try(func() { sink = s[i64(-1)] })
	try(func() { sink = s[u64(1<<40)] })
	try(func() { sink = int(str[i64(3)]) })
	try(func() { sinks = s[:i64(4)] })
	try(func() { sinks = s[:u64(1<<35)] })
	try(func() { sinkstr = str[:i64(4)] })
	try(func() { sinks = s[i64(2):i64(1)] })
	try(func() { sinks = s[u64(3):u64(2)] })
	try(func() { sinks = s[:1:i64(9)] })
	try(func() { sinks = s[:i64(3):i64(2)] })
	try(func() { sinks = s[i64(2):i64(1):3] })
	try(func() { sinks = s[:u64(1<<33):3] })
	println("done")
}
