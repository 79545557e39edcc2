package auth

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestBackoffSlowsButNeverBlocks(t *testing.T) {
	now := time.Unix(1_000_000, 0)
	b := NewBackoff(BackoffConfig{Free: 3, Base: time.Second, Max: 8 * time.Second, Forget: time.Hour,
		Now: func() time.Time { return now }})
	// Three free attempts (each counted as failed until Reset).
	for i := range 3 {
		if ok, _ := b.Take("k"); !ok {
			t.Fatalf("attempt %d refused while free", i)
		}
	}
	// Then 1 s, 2 s, 4 s, 8 s, 8 s between attempts.
	for _, wait := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 8 * time.Second} {
		ok, retry := b.Take("k")
		if ok || retry < time.Second || retry > wait {
			t.Fatalf("right after a failure: ok=%v retry=%v, want refused for up to %v", ok, retry, wait)
		}
		now = now.Add(wait)
		if ok, _ := b.Take("k"); !ok {
			t.Fatalf("refused after waiting %v", wait)
		}
	}
	// Other keys are not affected; a success forgets.
	if ok, _ := b.Take("other"); !ok {
		t.Error("another key is slowed down")
	}
	b.Reset("k")
	if ok, _ := b.Take("k"); !ok {
		t.Error("refused after Reset")
	}
	// So does an hour without failures.
	for range 5 {
		b.Fail("k2")
	}
	now = now.Add(time.Hour)
	if ok, _ := b.Take("k2"); !ok {
		t.Error("refused after Forget")
	}
}

// TestBackoffOneAttemptPerSlot: concurrent attempts once a wait is over
// get one through, not all.
func TestBackoffOneAttemptPerSlot(t *testing.T) {
	now := time.Unix(1_000_000, 0)
	b := NewBackoff(BackoffConfig{Free: 2, Base: time.Minute, Now: func() time.Time { return now }})
	// A burst while free: only the free attempts get through.
	var free atomic.Int32
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ok, _ := b.Take("k"); ok {
				free.Add(1)
			}
		}()
	}
	wg.Wait()
	if n := free.Load(); n != 2 {
		t.Fatalf("%d concurrent free attempts let through, want 2", n)
	}
	now = now.Add(time.Minute)
	var through atomic.Int32
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ok, _ := b.Take("k"); ok {
				through.Add(1)
			}
		}()
	}
	wg.Wait()
	if n := through.Load(); n != 1 {
		t.Fatalf("%d concurrent attempts let through, want 1", n)
	}
}

// TestLimiterTakeCountsFirst: concurrent attempts cannot all pass before
// any fails; Undo gives a successful attempt back.
func TestLimiterTakeCountsFirst(t *testing.T) {
	l := NewLimiter(LimiterConfig{Failures: 10})
	var through atomic.Int32
	var wg sync.WaitGroup
	for range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ok, _ := l.Take("k"); ok {
				through.Add(1)
			}
		}()
	}
	wg.Wait()
	if n := through.Load(); n != 10 {
		t.Fatalf("%d concurrent attempts let through, want 10", n)
	}
	l.Undo("k")
	if ok, _ := l.Take("k"); !ok {
		t.Error("refused after Undo")
	}
	if ok, _ := l.Take("k"); ok {
		t.Error("let through an eleventh")
	}
}

func TestBackoffBoundsMemory(t *testing.T) {
	b := NewBackoff(BackoffConfig{MaxKeys: 100})
	for i := range 1000 {
		b.Fail(string(rune(i)))
	}
	if n := len(b.keys); n > 100 {
		t.Fatalf("%d keys kept, want at most 100", n)
	}
}

func TestDeviceToken(t *testing.T) {
	key := []byte("0123456789abcdef0123456789abcdef")
	tok := NewDeviceToken(key, 42)
	uid, id, ok := VerifyDeviceToken(key, tok)
	if !ok || uid != 42 || id == "" {
		t.Fatalf("Verify = %d, %q, %v", uid, id, ok)
	}
	if tok2 := NewDeviceToken(key, 42); tok2 == tok {
		t.Error("two devices got the same token")
	}
	for name, v := range map[string]string{
		"other key": NewDeviceToken([]byte("another key of thirty-two bytes!"), 42),
		"tampered":  tok[:5] + string(tok[5]^1) + tok[6:],
		"empty":     "",
		"garbage":   "not a token",
		"too long":  tok + "A",
	} {
		if _, _, ok := VerifyDeviceToken(key, v); ok {
			t.Errorf("%s token verified", name)
		}
	}
}
