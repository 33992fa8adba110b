// run
// env: GOROOT=/opt/go-test-root

// Package runtime's small entry points: Version, GOROOT from the
// environment, MemProfileRate as a settable variable with Go's default,
// the profile-rate setters, and the compiler's constants.
package main

import "runtime"

func main() {
	v := runtime.Version()
	println(len(v) > 4 && v[:4] == "go1.")
	println(runtime.GOROOT())
	println(runtime.MemProfileRate)
	runtime.MemProfileRate = 0
	println(runtime.MemProfileRate)
	println(runtime.SetMutexProfileFraction(-1))
	println(runtime.SetMutexProfileFraction(5))
	println(runtime.SetMutexProfileFraction(-1))
	println(runtime.SetMutexProfileFraction(0))
	runtime.SetBlockProfileRate(1)
	runtime.SetBlockProfileRate(0)
	println(runtime.Compiler, runtime.GOOS)
}
