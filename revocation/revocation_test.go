package revocation

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/events"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func ended(t *testing.T, ctx context.Context) {
	t.Helper()
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the bound context did not end")
	}
	if de, ok := errors.AsType[*errs.Error](context.Cause(ctx)); !ok || de.Code != errs.Unauthenticated {
		t.Fatalf("cause %v, want UNAUTHENTICATED", context.Cause(ctx))
	}
}

func alive(t *testing.T, ctx context.Context) {
	t.Helper()
	if ctx.Err() != nil {
		t.Fatalf("a context ended that should not have: %v", context.Cause(ctx))
	}
}

// TestPublishEndsBoundContextsOnEveryWatcher: two watchers on one bus
// stand for two replicas; a revocation published on one ends what is
// bound on both, and nothing else.
func TestPublishEndsBoundContextsOnEveryWatcher(t *testing.T) {
	bus := events.NewHub(0)
	a, b := New(bus, nil, quiet), New(bus, nil, quiet)
	go a.Run(t.Context())
	go b.Run(t.Context())
	waitSubscribed(t, bus, 2)

	s1, s2 := Credential{Session, 1}, Credential{Session, 2}
	onA, _ := a.Bind(t.Context(), s1)
	onB, _ := b.Bind(t.Context(), s1)
	onB2, _ := b.Bind(t.Context(), s1)
	other, _ := b.Bind(t.Context(), s2)
	if err := a.Publish(t.Context(), Session, []int{1}); err != nil {
		t.Fatal(err)
	}
	ended(t, onA)
	ended(t, onB)
	ended(t, onB2)
	alive(t, other)
	if n := b.Watching(s1); n != 0 {
		t.Errorf("%d bindings of an ended credential left", n)
	}
	// A context bound after the end is not ended by it (a new session
	// would have another id anyway).
	later, release := b.Bind(t.Context(), s2)
	alive(t, later)
	// Released, a binding is gone at once.
	release()
	if n := b.Watching(s2); n != 1 {
		t.Errorf("%d bindings of s2 after releasing one, want 1", n)
	}
}

func waitSubscribed(t *testing.T, bus *events.Hub, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for bus.Subscribers(Topic) < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d watchers subscribed, want %d", bus.Subscribers(Topic), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestBindingGoesAwayWithItsContext: bindings whose context ended are
// dropped by the sweep, and no goroutine is left.
func TestBindingGoesAwayWithItsContext(t *testing.T) {
	before := runtime.NumGoroutine()
	w := New(events.NewHub(0), nil, quiet)
	w.period = 10 * time.Millisecond
	go w.Run(t.Context())
	c := Credential{Session, 7}
	var cancels []context.CancelFunc
	for range 1000 {
		ctx, cancel := context.WithCancel(context.Background())
		_, _ = w.Bind(ctx, c)
		cancels = append(cancels, cancel)
	}
	if n := w.Watching(c); n != 1000 {
		t.Fatalf("watching %d, want 1000", n)
	}
	for _, cancel := range cancels {
		cancel()
	}
	deadline := time.Now().Add(5 * time.Second)
	held := func() int {
		w.mu.Lock()
		defer w.mu.Unlock()
		return len(w.watches[c])
	}
	for held() > 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if n := held(); n != 0 {
		t.Fatalf("%d bindings held after their contexts ended", n)
	}
	for runtime.NumGoroutine() > before+1 && time.Now().Before(deadline) { // +1: Run
		time.Sleep(5 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+1 {
		t.Fatalf("%d goroutines, %d before (and Run)", n, before)
	}
}

// lossyBus drops every message: a replica that missed the notice.
type lossyBus struct{ events.Bus }

func (lossyBus) Publish(context.Context, string, []byte) error { return nil }

// TestSweepEndsWhatANoticeMissed: without the notice, the periodic check
// against the database ends the credential.
func TestSweepEndsWhatANoticeMissed(t *testing.T) {
	var mu sync.Mutex
	valid := []int{1, 2}
	check := func(_ context.Context, ids []int) ([]int, error) {
		mu.Lock()
		defer mu.Unlock()
		var out []int
		for _, id := range ids {
			if slices.Contains(valid, id) {
				out = append(out, id)
			}
		}
		return out, nil
	}
	w := New(lossyBus{events.NewHub(0)}, map[Kind]Checker{Session: check}, quiet)
	w.period = 20 * time.Millisecond
	one, _ := w.Bind(t.Context(), Credential{Session, 1})
	two, _ := w.Bind(t.Context(), Credential{Session, 2})
	go w.Run(t.Context())
	mu.Lock()
	valid = []int{2} // session 1 deleted by another replica; its notice lost
	mu.Unlock()
	ended(t, one)
	time.Sleep(100 * time.Millisecond)
	alive(t, two)
}

// TestPublishChunksLargeRevocations: thousands of ids (a purge) travel in
// notices small enough for NOTIFY.
func TestPublishChunksLargeRevocations(t *testing.T) {
	bus := events.NewHub(0)
	msgs := bus.Subscribe(t.Context(), Topic)
	w := New(bus, nil, quiet)
	ids := make([]int, 1234)
	for i := range ids {
		ids[i] = 1 << 40 * (i + 1) / (1 << 30)
	}
	last, _ := w.Bind(t.Context(), Credential{Session, ids[len(ids)-1]})
	if err := w.Publish(t.Context(), Session, ids); err != nil {
		t.Fatal(err)
	}
	ended(t, last)
	for range 3 {
		select {
		case m := <-msgs:
			if len(m.Data) > events.MaxNotifyBytes {
				t.Errorf("a notice of %d bytes", len(m.Data))
			}
		case <-time.After(time.Second):
			t.Fatal("fewer than 3 notices")
		}
	}
}
