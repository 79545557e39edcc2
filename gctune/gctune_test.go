package gctune_test

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/gctune"
)

func TestPercent(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		name           string
		scan, headroom uint64
		want           int
	}{
		{"a small heap gets the headroom", 16 * mib, 64 * mib, 400},
		{"a large heap keeps GOGC=100", 512 * mib, 64 * mib, 100},
		{"where the headroom is the live heap", 64 * mib, 64 * mib, 100},
		{"a tiny heap: the runtime's minimum (4 MiB x percent/100) stays within the headroom", 1 * mib, 64 * mib, 1600},
		{"nothing live yet", 0, 64 * mib, 1600},
		{"a headroom under the minimum", 16 * mib, 2 * mib, 100},
	} {
		if got := gctune.Percent(c.scan, c.headroom); got != c.want {
			t.Errorf("%s: Percent(%d MiB, %d MiB) = %d, want %d", c.name, c.scan/mib, c.headroom/mib, got, c.want)
		}
	}
}

func gogc() int64 {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

// TestFloor: the operator's GOGC is left alone; otherwise every
// collection sets the percent from the live heap it found.
func TestFloor(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	if gctune.Floor("100", 64<<20) || gogc() != 100 {
		t.Fatalf("GOGC set: the percent became %d", gogc())
	}
	// Live: some 32 MiB, so that the percent is neither bound (about 200).
	keep := make([][]byte, 32)
	for i := range keep {
		keep[i] = make([]byte, 1<<20)
		keep[i][0] = 1
	}
	if !gctune.Floor("", 64<<20) {
		t.Fatal("Floor did nothing")
	}
	scan := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/scan/stack:bytes"}, {Name: "/gc/scan/globals:bytes"}}
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // the finalizer goroutine's turn
		metrics.Read(scan)
		n := scan[0].Value.Uint64() + scan[1].Value.Uint64() + scan[2].Value.Uint64()
		want := int64(gctune.Percent(n, 64<<20))
		if got := gogc(); got == want && want > 100 && want < 1600 {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("after collections the percent is %d, want %d (%d bytes to scan)", got, want, n)
		}
	}
	runtime.KeepAlive(keep)
}
