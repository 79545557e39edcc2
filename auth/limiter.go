package auth

import (
	"container/list"
	"sync"
	"time"
)

// LimiterConfig configures a Limiter. Zero fields take the defaults given.
type LimiterConfig struct {
	// Failures is how many failures a key may have within any Window; once
	// it has that many, Allow refuses until the oldest leaves the window.
	// Default 10.
	Failures int
	// Window is the length of the sliding window. Default 15 minutes.
	Window time.Duration
	// MaxKeys bounds memory: when a new key would exceed it, keys whose
	// failures have all expired go first, then the least recently failed.
	// Default 10,000.
	MaxKeys int
	// Now is the clock, for tests. Default time.Now.
	Now func() time.Time
}

// Limiter limits login failures per key with a sliding window. Callers use
// one key per dimension, e.g. "ip:1.2.3.4" and "email:x@y", and call Allow
// before checking a password, Fail after a failure and Reset (for the email
// key) after a success. It is safe for concurrent use.
//
// Allow does not reserve anything, so concurrent attempts that all pass Allow
// before any of them fails can go over the limit by their number; the cost of
// a password check and the per-IP key keep that small.
//
// Memory is bounded by MaxKeys×Failures timestamps. An attacker who fails
// with more than MaxKeys distinct keys evicts the oldest entries; size
// MaxKeys well above the number of keys expected within one Window.
type Limiter struct {
	cfg LimiterConfig

	mu   sync.Mutex
	keys map[string]*list.Element // of *limitEntry
	lru  *list.List               // front: most recent failure
}

type limitEntry struct {
	key   string
	fails []time.Time // ascending, at most cfg.Failures
}

// NewLimiter returns a Limiter with cfg, defaults filled in.
func NewLimiter(cfg LimiterConfig) *Limiter {
	if cfg.Failures <= 0 {
		cfg.Failures = 10
	}
	if cfg.Window <= 0 {
		cfg.Window = 15 * time.Minute
	}
	if cfg.MaxKeys <= 0 {
		cfg.MaxKeys = 10_000
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Limiter{cfg: cfg, keys: make(map[string]*list.Element), lru: list.New()}
}

// Allow reports whether key may make an attempt now and, if not, how long
// until it may. It records nothing.
func (l *Limiter) Allow(key string) (ok bool, retryAfter time.Duration) {
	now := l.cfg.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	el, found := l.keys[key]
	if !found {
		return true, 0
	}
	e := el.Value.(*limitEntry)
	l.prune(e, now)
	if len(e.fails) == 0 {
		l.remove(el)
		return true, 0
	}
	if len(e.fails) < l.cfg.Failures {
		return true, 0
	}
	retryAfter = e.fails[0].Add(l.cfg.Window).Sub(now)
	return false, max(retryAfter, time.Second) // never tell a client to retry at once
}

// Take is Allow and Fail at once: the attempt is counted as failed before
// it is made, so that concurrent attempts cannot all pass Allow before any
// of them fails. Call Undo for an attempt that succeeded.
func (l *Limiter) Take(key string) (ok bool, retryAfter time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.cfg.Now()
	if el, found := l.keys[key]; found {
		e := el.Value.(*limitEntry)
		l.prune(e, now)
		if len(e.fails) >= l.cfg.Failures {
			return false, max(e.fails[0].Add(l.cfg.Window).Sub(now), time.Second)
		}
	}
	l.failLocked(key, now)
	return true, 0
}

// Undo takes back the newest failure of key (the one Take counted for an
// attempt that succeeded).
func (l *Limiter) Undo(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	el, ok := l.keys[key]
	if !ok {
		return
	}
	e := el.Value.(*limitEntry)
	if len(e.fails) > 0 {
		e.fails = e.fails[:len(e.fails)-1]
	}
	if len(e.fails) == 0 {
		l.remove(el)
	}
}

// Fail records a failed attempt for key.
func (l *Limiter) Fail(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.failLocked(key, l.cfg.Now())
}

func (l *Limiter) failLocked(key string, now time.Time) {
	el, found := l.keys[key]
	if !found {
		l.evict(now)
		el = l.lru.PushFront(&limitEntry{key: key, fails: make([]time.Time, 0, min(l.cfg.Failures, 4))})
		l.keys[key] = el
	} else {
		l.lru.MoveToFront(el)
	}
	e := el.Value.(*limitEntry)
	l.prune(e, now)
	if len(e.fails) == l.cfg.Failures {
		// Already blocked (the caller skipped Allow): keep the newest.
		e.fails = append(e.fails[:0], e.fails[1:]...)
	}
	e.fails = append(e.fails, now)
}

// Reset forgets key's failures, e.g. after a successful login.
func (l *Limiter) Reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if el, ok := l.keys[key]; ok {
		l.remove(el)
	}
}

// Len returns the number of keys held, for metrics and tests.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.keys)
}

// prune drops failures that have left the window.
func (l *Limiter) prune(e *limitEntry, now time.Time) {
	cutoff := now.Add(-l.cfg.Window)
	i := 0
	for i < len(e.fails) && !e.fails[i].After(cutoff) {
		i++
	}
	if i > 0 {
		e.fails = append(e.fails[:0], e.fails[i:]...)
	}
}

// evict makes room for one more key: it drops expired entries from the back
// of the LRU list (whose newest failure is oldest) and, if still full, the
// least recently failed key.
func (l *Limiter) evict(now time.Time) {
	cutoff := now.Add(-l.cfg.Window)
	for el := l.lru.Back(); el != nil; el = l.lru.Back() {
		e := el.Value.(*limitEntry)
		expired := len(e.fails) == 0 || !e.fails[len(e.fails)-1].After(cutoff)
		if !expired && len(l.keys) < l.cfg.MaxKeys {
			return
		}
		l.remove(el)
		if !expired {
			return // full: dropped the least recently failed live key
		}
	}
}

func (l *Limiter) remove(el *list.Element) {
	delete(l.keys, el.Value.(*limitEntry).key)
	l.lru.Remove(el)
}
