package auth

import (
	"container/list"
	"sync"
	"time"
)

// BackoffConfig configures a Backoff. Zero fields take the defaults given.
type BackoffConfig struct {
	// Free is how many failures a key may have before it slows down.
	// Default 5.
	Free int
	// Base is the wait after the first failure beyond Free; each further
	// failure doubles it, up to Max. Defaults 2 s and 1 minute.
	Base, Max time.Duration
	// Forget is how long after its last failure a key starts afresh.
	// Default 15 minutes.
	Forget time.Duration
	// MaxKeys bounds memory; the least recently failed keys go first.
	// Default 100,000.
	MaxKeys int
	// Now is the clock, for tests. Default time.Now.
	Now func() time.Time
}

// Backoff slows attempts on a key down instead of blocking it: past Free
// failures, one attempt is allowed per wait, the wait doubling with each
// failure up to Max. It is for keys that a stranger can fail on purpose,
// such as an account's email: a lock-out would let anyone lock the owner
// out, while a wait of at most Max costs the owner a minute and holds a
// distributed guesser to about one guess per Max. It is safe for
// concurrent use.
type Backoff struct {
	cfg BackoffConfig

	mu   sync.Mutex
	keys map[string]*list.Element // of *backoffEntry
	lru  *list.List               // front: most recent failure
}

type backoffEntry struct {
	key      string
	failures int
	last     time.Time // the last failure, or the last attempt let through while slowed
}

// NewBackoff returns a Backoff with cfg, defaults filled in.
func NewBackoff(cfg BackoffConfig) *Backoff {
	if cfg.Free <= 0 {
		cfg.Free = 5
	}
	if cfg.Base <= 0 {
		cfg.Base = 2 * time.Second
	}
	if cfg.Max <= 0 {
		cfg.Max = time.Minute
	}
	if cfg.Forget <= 0 {
		cfg.Forget = 15 * time.Minute
	}
	if cfg.MaxKeys <= 0 {
		cfg.MaxKeys = 100_000
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Backoff{cfg: cfg, keys: map[string]*list.Element{}, lru: list.New()}
}

// wait is how long a key with n failures waits between attempts.
func (b *Backoff) wait(n int) time.Duration {
	if n < b.cfg.Free {
		return 0
	}
	w := b.cfg.Base
	for i := b.cfg.Free; i < n && w < b.cfg.Max; i++ {
		w *= 2
	}
	return min(w, b.cfg.Max)
}

// Take reports whether key may make an attempt now and, if not, how long
// until it may. An attempt let through is counted as failed at once (call
// Reset when it succeeds): concurrent attempts cannot all pass before any
// fails, and while key is slowed, one of them takes the slot.
func (b *Backoff) Take(key string) (ok bool, retryAfter time.Duration) {
	now := b.cfg.Now()
	b.mu.Lock()
	defer b.mu.Unlock()
	if el, found := b.keys[key]; found {
		e := el.Value.(*backoffEntry)
		if w := b.wait(e.failures); w > 0 && now.Sub(e.last) < b.cfg.Forget {
			if since := now.Sub(e.last); since < w {
				return false, max(w-since, time.Second)
			}
		}
	}
	b.failLocked(key, now)
	return true, 0
}

// Fail records a failed attempt for key that Take did not count.
func (b *Backoff) Fail(key string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.failLocked(key, b.cfg.Now())
}

func (b *Backoff) failLocked(key string, now time.Time) {
	el, found := b.keys[key]
	if !found {
		if len(b.keys) >= b.cfg.MaxKeys {
			b.remove(b.lru.Back())
		}
		el = b.lru.PushFront(&backoffEntry{key: key})
		b.keys[key] = el
	} else {
		b.lru.MoveToFront(el)
	}
	e := el.Value.(*backoffEntry)
	if now.Sub(e.last) >= b.cfg.Forget {
		e.failures = 0
	}
	e.failures++
	e.last = now
}

// Reset forgets key, e.g. after a successful sign-in.
func (b *Backoff) Reset(key string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if el, ok := b.keys[key]; ok {
		b.remove(el)
	}
}

func (b *Backoff) remove(el *list.Element) {
	delete(b.keys, el.Value.(*backoffEntry).key)
	b.lru.Remove(el)
}
