package assistant

import (
	"testing"
	"time"
)

// TestTrackRegenerated: an answer regenerated while its earlier
// generation is still finishing has two generations with one id; each
// keeps its own count, so Close does not wait for ever.
func TestTrackRegenerated(t *testing.T) {
	s := &Service{gens: map[int]*generation{}}
	first, second := &generation{id: 7}, &generation{id: 7}
	if !s.track(first) || !s.track(second) {
		t.Fatal("not tracked")
	}
	s.untrack(first) // the earlier one ends after the new one began
	if s.gens[7] != second {
		t.Fatal("the earlier generation's end removed the new one")
	}
	s.untrack(second)
	done := make(chan struct{})
	go func() { s.running.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("running never reached zero: Close would wait for ever")
	}
	if len(s.gens) != 0 {
		t.Errorf("left: %v", s.gens)
	}
	s.closing = true
	if s.track(&generation{id: 8}) {
		t.Error("tracked while closing")
	}
}
