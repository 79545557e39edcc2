package auth

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{t: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func mustAllow(t *testing.T, l *Limiter, key string, want bool) time.Duration {
	t.Helper()
	ok, retry := l.Allow(key)
	if ok != want {
		t.Fatalf("Allow(%q) = %v (retry %v), want %v", key, ok, retry, want)
	}
	if ok && retry != 0 {
		t.Fatalf("Allow(%q) = true with retryAfter %v", key, retry)
	}
	return retry
}

func TestLimiterBlocksAndRecovers(t *testing.T) {
	clock := newFakeClock()
	l := NewLimiter(LimiterConfig{Failures: 3, Window: time.Minute, Now: clock.Now})
	const key = "email:a@b.c"

	for range 3 { // failures at 0s, 10s, 20s
		mustAllow(t, l, key, true)
		l.Fail(key)
		clock.Advance(10 * time.Second)
	}
	// now = 30s: three failures within the window.
	if retry := mustAllow(t, l, key, false); retry != 30*time.Second {
		t.Errorf("retryAfter = %v, want 30s (until the first failure leaves the window)", retry)
	}
	mustAllow(t, l, "email:other@b.c", true) // keys are independent
	mustAllow(t, l, "ip:1.2.3.4", true)

	clock.Advance(29 * time.Second) // 59s: first failure still inside
	mustAllow(t, l, key, false)
	clock.Advance(time.Second) // 60s: first failure left the window
	mustAllow(t, l, key, true)
	l.Fail(key) // failures at 10s, 20s, 60s
	if retry := mustAllow(t, l, key, false); retry != 10*time.Second {
		t.Errorf("retryAfter = %v, want 10s", retry)
	}

	clock.Advance(time.Minute) // everything expired
	mustAllow(t, l, key, true)
	if l.Len() != 0 {
		t.Errorf("Len = %d after all failures expired, want 0", l.Len())
	}
}

func TestLimiterReset(t *testing.T) {
	clock := newFakeClock()
	l := NewLimiter(LimiterConfig{Failures: 2, Window: time.Hour, Now: clock.Now})
	l.Fail("k")
	l.Fail("k")
	mustAllow(t, l, "k", false)
	l.Reset("k")
	mustAllow(t, l, "k", true)
	l.Reset("never-seen") // no-op
}

// A caller that keeps failing without asking Allow extends the block.
func TestLimiterFailWhileBlocked(t *testing.T) {
	clock := newFakeClock()
	l := NewLimiter(LimiterConfig{Failures: 2, Window: time.Minute, Now: clock.Now})
	l.Fail("k")
	clock.Advance(30 * time.Second)
	l.Fail("k")
	clock.Advance(20 * time.Second)
	l.Fail("k") // at 50s; keeps 30s and 50s
	clock.Advance(15 * time.Second)
	if retry := mustAllow(t, l, "k", false); retry != 25*time.Second {
		t.Errorf("retryAfter = %v, want 25s", retry)
	}
	// Memory per key stays bounded by Failures however often it fails.
	for range 100 {
		l.Fail("k")
	}
	if n := len(l.keys["k"].Value.(*limitEntry).fails); n > 2 {
		t.Errorf("key holds %d failure times, want at most Failures (2)", n)
	}
}

func TestLimiterRetryAfterAtLeastOneSecond(t *testing.T) {
	clock := newFakeClock()
	l := NewLimiter(LimiterConfig{Failures: 1, Window: time.Minute, Now: clock.Now})
	l.Fail("k")
	clock.Advance(time.Minute - time.Millisecond)
	if retry := mustAllow(t, l, "k", false); retry != time.Second {
		t.Errorf("retryAfter = %v, want the 1s minimum", retry)
	}
}

func TestLimiterEvictionBound(t *testing.T) {
	clock := newFakeClock()
	l := NewLimiter(LimiterConfig{Failures: 1, Window: time.Minute, MaxKeys: 5, Now: clock.Now})
	for i := range 100 {
		l.Fail(fmt.Sprintf("ip:%d", i))
		if n := l.Len(); n > 5 {
			t.Fatalf("Len = %d after %d keys, want at most MaxKeys 5", n, i+1)
		}
	}
	// The most recent keys are kept (still blocked), the oldest evicted.
	for i := 95; i < 100; i++ {
		mustAllow(t, l, fmt.Sprintf("ip:%d", i), false)
	}
	mustAllow(t, l, "ip:0", true)

	// Expired entries are dropped when a new key arrives.
	clock.Advance(time.Minute)
	l.Fail("ip:new")
	if n := l.Len(); n != 1 {
		t.Errorf("Len = %d after the window passed and one new failure, want 1", n)
	}
}

func TestLimiterRefreshedKeySurvivesEviction(t *testing.T) {
	clock := newFakeClock()
	l := NewLimiter(LimiterConfig{Failures: 2, Window: time.Hour, MaxKeys: 3, Now: clock.Now})
	l.Fail("a")
	l.Fail("b")
	l.Fail("c")
	l.Fail("a") // a is now the most recent; b the least
	l.Fail("d") // evicts b
	mustAllow(t, l, "a", false)
	l.Fail("b") // back, evicts c
	l.Fail("b")
	mustAllow(t, l, "b", false)
	if n := l.Len(); n != 3 {
		t.Errorf("Len = %d, want 3", n)
	}
}

func TestLimiterDefaults(t *testing.T) {
	l := NewLimiter(LimiterConfig{})
	for range 10 {
		mustAllow(t, l, "k", true)
		l.Fail("k")
	}
	retry := mustAllow(t, l, "k", false)
	if retry <= 14*time.Minute || retry > 15*time.Minute {
		t.Errorf("retryAfter = %v, want about the 15 minute default window", retry)
	}
}

func TestLimiterConcurrent(t *testing.T) {
	l := NewLimiter(LimiterConfig{Failures: 3, Window: time.Minute, MaxKeys: 50})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 2000 {
				key := fmt.Sprintf("k%d", (g*7+i)%120)
				l.Allow(key)
				l.Fail(key)
				if i%17 == 0 {
					l.Reset(key)
				}
			}
		})
	}
	wg.Wait()
	if n := l.Len(); n > 50 {
		t.Errorf("Len = %d, want at most 50", n)
	}
}
