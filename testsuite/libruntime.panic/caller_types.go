// run

// runtime.Frame, *runtime.Frames and *runtime.Func as ordinary values:
// in slices, in interfaces, in type switches and assertions, compared
// with ==, as map keys; their descriptors are the runtime's own.
package main

import "runtime"

//go:noinline
func frames() []runtime.Frame {
	pcs := make([]uintptr, 8)
	n := runtime.Callers(1, pcs)
	it := runtime.CallersFrames(pcs[:n])
	var all []runtime.Frame
	for {
		f, more := it.Next()
		all = append(all, f)
		if !more {
			break
		}
	}
	return all
}

func kind(x interface{}) string {
	switch x.(type) {
	case runtime.Frame:
		return "Frame"
	case *runtime.Frames:
		return "*Frames"
	case *runtime.Func:
		return "*Func"
	}
	return "other"
}

func main() {
	a, b := frames(), frames()
	println(len(a) >= 1, a[0].Function, a[0].Func.Name())
	println(a[0].Function == b[0].Function, a[0] == a[0], a[0] == b[0])
	var x interface{} = a[0]
	f, ok := x.(runtime.Frame)
	println(ok, f.Function, kind(x), kind(runtime.FuncForPC(a[0].PC)),
		kind(runtime.CallersFrames(nil)), kind(1))
	seen := map[runtime.Frame]int{a[0]: 1}
	seen[a[0]]++
	println(seen[a[0]], len(seen))
	var fx interface{} = runtime.FuncForPC(a[0].PC)
	println(fx.(*runtime.Func).Name())
}
