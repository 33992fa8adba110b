// run
// env: GOMAXPROCS=2 GODEBUG=gctrace=1 GOGC=off
// output: regexp

// The procs a collection uses are decided up front: min(GOMAXPROCS,
// CPUs, MaxGcproc, idle Ms + 1).  The first collection finds no idle M
// (no goroutine has run yet) and uses 1 proc; because idle Ms limited
// it, the scheduler starts one spare M after it, so later
// collections use 2 (this test needs 2 CPUs; qemu reports the host's).
// Under a slow emulator sysmon may have preempted main during start-up,
// leaving an idle M behind: then the first one uses 2 already
// (libruntime.c/gcprocs.c checks the rise with sysmon held off).
// The second may use 1 then: no collection was limited, no spare was
// started, and the one idle M, which helped the first, may not be
// back on the idle list when the second begins (woken for a P, say;
// arm under qemu on a loaded machine: 1 run in 100, after a first of
// 2).  That one, limited, starts the spare, and the
// third and fourth use 2.
// GOGC=off: only runtime.GC collects, so the lines are exactly these.
package main

import "runtime"

var keep [][]int

func main() {
	if runtime.NumCPU() < 2 {
		println("needs 2 CPUs")
		return
	}
	for i := 0; i < 4; i++ {
		keep = append(keep, make([]int, 1000))
		runtime.GC()
	}
	println("ok")
}
