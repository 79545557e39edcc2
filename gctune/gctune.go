// Package gctune keeps a floor under the garbage collector's headroom.
//
// With GOGC=100 the collector lets the heap grow by as much as was live
// after the last collection before it collects again. A server whose live
// heap is small but which allocates fast (the assistant writing a hundred
// answers, each token rendered for each subscriber) then collects several
// times a second: the streaming benchmark's server, with some 15 MB live,
// collected every ~270 ms, and each collection took a quarter of its CPUs
// and stalled the goroutines delivering tokens (p99 added 17 ms; with
// GOGC=400, 5 ms; bench/README.md). A larger GOGC would cost a server with
// a large live heap (10,000 idle subscribers) several times its memory.
//
// Floor makes the heap goal at least live + headroom: after every
// collection it sets the GC percent to what gives that goal (the percent
// applies to the live heap, goroutine stacks and globals), never under
// 100. A small heap gets room to allocate in; a large one keeps GOGC=100.
// The cost is bounded: at most headroom more memory than GOGC=100 would
// use. GOMEMLIMIT, when set, still bounds the heap.
package gctune

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// base is the GC percent Floor never goes under: Go's default.
const base = 100

// heapMinimum is the runtime's smallest heap goal at GOGC=100 (4 MiB); it
// scales with the percent, so a percent over headroom/heapMinimum x 100
// would make the goal more than headroom for a tiny live heap.
const heapMinimum = 4 << 20

// Percent is the GC percent that makes the heap goal live + headroom,
// where scan is what the percent applies to (the live heap, goroutine
// stacks and globals: the runtime's goal is live + scan x percent/100): at
// least base, and at most what keeps the runtime's scaled minimum within
// headroom.
func Percent(scan, headroom uint64) int {
	top := max(headroom*100/heapMinimum, base)
	if scan == 0 {
		return int(top)
	}
	return int(min(max(headroom*100/scan, base), top))
}

// Floor keeps the heap goal at least live + headroom until the process
// ends, unless gogc (the GOGC environment variable) is set: the
// operator's choice is left alone. It returns whether it did.
func Floor(gogc string, headroom uint64) bool {
	if gogc != "" || headroom == 0 {
		return false
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/scan/stack:bytes"}, {Name: "/gc/scan/globals:bytes"}}
	tune := func() {
		metrics.Read(sample)
		var scan uint64
		for _, s := range sample {
			if s.Value.Kind() == metrics.KindUint64 {
				scan += s.Value.Uint64()
			}
		}
		debug.SetGCPercent(Percent(scan, headroom))
	}
	tune()
	// A finalizer runs once after the collection that finds its object
	// unreachable; setting a new one on a new object each time runs tune
	// after every collection, on the finalizer goroutine.
	var again func(*sentinel)
	again = func(*sentinel) {
		tune()
		runtime.SetFinalizer(&sentinel{}, again)
	}
	runtime.SetFinalizer(&sentinel{}, again)
	return true
}

// sentinel is the object whose finalizer marks the end of a collection
// (32 bytes: too large for the tiny allocator, whose blocks are shared
// and may keep a finalizer from running).
type sentinel struct{ _ [32]byte }
