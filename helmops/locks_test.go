package helmops

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// lockCount is how many release locks the engine keeps.
func lockCount(e *Engine) int {
	e.locksMu.Lock()
	defer e.locksMu.Unlock()
	return len(e.locks)
}

// TestReleaseLocksShrink: the per-release locks live only while an
// operation holds or waits for them. After many distinct releases have
// been operated on, by every path that takes a lock (an operation, a
// caller that gives up waiting, ClearPending), none is left.
func TestReleaseLocksShrink(t *testing.T) {
	e, _ := newDryRun(t, Config{})
	ctx := context.Background()

	var wg sync.WaitGroup
	for i := range 500 {
		wg.Go(func() {
			name := fmt.Sprintf("web-%d", i)
			if _, err := exclusive(ctx, e, "apps", name, func() (int, error) { return i, nil }); err != nil {
				t.Errorf("%s: %v", name, err)
			}
			if _, err := e.ClearPending(ctx, "apps", name); !errors.Is(err, ErrReleaseNotFound) {
				t.Errorf("%s: ClearPending: %v, want not found", name, err)
			}
		})
	}
	wg.Wait()

	// A caller that gives up while another holds the lock.
	held, release := make(chan struct{}), make(chan struct{})
	go func() {
		_, _ = exclusive(ctx, e, "apps", "busy", func() (int, error) {
			close(held)
			<-release
			return 0, nil
		})
	}()
	<-held
	if n := lockCount(e); n != 1 {
		t.Errorf("%d locks while one release is busy, want 1", n)
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, err := exclusive(short, e, "apps", "busy", func() (int, error) { return 0, nil }); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting for a busy release: %v, want the deadline", err)
	}
	if _, err := e.ClearPending(ctx, "apps", "busy"); !errors.Is(err, ErrPending) {
		t.Errorf("ClearPending of a busy release: %v, want ErrPending", err)
	}
	close(release)

	deadline := time.Now().Add(5 * time.Second)
	for lockCount(e) != 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond) // the holder frees its lock after its result
	}
	if n := lockCount(e); n != 0 {
		t.Fatalf("%d release locks left after every operation ended, want 0", n)
	}
}

// TestReleaseLockExclusive: operations on one release never overlap, also
// while its lock is dropped from the map and made afresh between them (run
// with -race: the unsynchronised counter is a data race if they overlap).
// Another release is not held up.
func TestReleaseLockExclusive(t *testing.T) {
	e, _ := newDryRun(t, Config{})
	ctx := context.Background()
	var (
		active, most atomic.Int32
		count        int // written only under the release's lock
		wg           sync.WaitGroup
	)
	const workers, rounds = 8, 100
	for w := range workers {
		wg.Go(func() {
			for r := range rounds {
				_, err := exclusive(ctx, e, "apps", "web", func() (struct{}, error) {
					n := active.Add(1)
					if n > most.Load() {
						most.Store(n)
					}
					count++
					if (w+r)%10 == 0 {
						time.Sleep(100 * time.Microsecond) // let the others queue
					}
					active.Add(-1)
					return struct{}{}, nil
				})
				if err != nil {
					t.Error(err)
					return
				}
				if r%7 == 0 {
					time.Sleep(50 * time.Microsecond) // let the lock go idle now and then
				}
			}
		})
	}
	// Meanwhile another release runs, although "web" is busy.
	other := make(chan error, 1)
	go func() {
		_, err := exclusive(ctx, e, "apps", "other", func() (int, error) { return 0, nil })
		other <- err
	}()
	select {
	case err := <-other:
		if err != nil {
			t.Error(err)
		}
	case <-time.After(10 * time.Second):
		t.Error("an operation on another release waited for \"web\"")
	}
	wg.Wait()

	if m := most.Load(); m != 1 {
		t.Errorf("%d operations on one release ran at once, want 1", m)
	}
	if count != workers*rounds {
		t.Errorf("%d operations counted, want %d", count, workers*rounds)
	}
	if n := lockCount(e); n != 0 {
		t.Errorf("%d release locks left, want 0", n)
	}
}
