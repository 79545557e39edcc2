// Package push lets the source of a subscription channel wake its reader,
// so that the reader needs no goroutine blocked on the channel.
//
// A WebSocket server holds one subscription per open browser tab, and most
// of them are idle most of the time. Reading each subscription's channel
// costs a goroutine that only waits (a stack of 4–8 KiB, plus a wake-up and
// a select per item). With push, the transport puts a Waker in the
// operation's context before the subscription's resolver runs. A source
// that supports it calls Accept with the channel it returns, and then the
// returned function after every send to that channel and after closing it.
// The transport reads the channel without blocking, on a goroutine that
// runs only while items are pending. A source that does not call Accept is
// read the usual way, so supporting push is optional for every source.
//
// The rules for sources: wake after every send and after the close, and
// close, waking the reader, when the subscription's context ends. The
// reader relies on the wakes only when the channel it got is the one
// accepted (Waker.Accepted), so a resolver that forwards items to another
// channel is read the usual way.
package push

import (
	"context"
	"reflect"
	"sync"
	"sync/atomic"
	"time"
)

// Waker is the reader's side: the function sources call, and which
// channel a source has promised to call it for.
type Waker struct {
	wake func()

	mu   sync.Mutex
	ch   any    // the accepted channel; nil until Accept
	here func() // the reader's offer to drain on a source's goroutine (Here)
}

type wakerKey struct{}

// NewContext returns ctx carrying a Waker whose sources call wake. wake
// must not block: sources call it while holding their own locks.
func NewContext(ctx context.Context, wake func()) (context.Context, *Waker) {
	w := &Waker{wake: wake}
	return context.WithValue(ctx, wakerKey{}, w), w
}

// Accept promises that the caller will call the returned function after
// every send to ch, the channel it returns from this context, and after
// closing ch, which it does when ctx ends (a reader that is only woken has
// no other way to learn of the end). It returns nil when ctx has no Waker
// or another source has accepted it: the caller then only sends and
// closes.
func Accept(ctx context.Context, ch any) func() {
	w, _ := ctx.Value(wakerKey{}).(*Waker)
	if w == nil || reflect.ValueOf(ch).Kind() != reflect.Chan {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.ch != nil {
		return nil
	}
	w.ch = ch
	return w.wake
}

// OfferHere lets sources that deliver on a goroutine of their own (not a
// relay shared by many keys) have the reader drain on that goroutine, with
// Here: here drains at once unless a drain runs (then it wakes, as wake
// does). The reader offers it only when its drains never block: their
// writes never wait for a slow client. Call it before the source runs.
func (w *Waker) OfferHere(here func()) {
	w.mu.Lock()
	w.here = here
	w.mu.Unlock()
}

// Here returns the reader's offer (OfferHere) for ch, the channel the
// caller accepted, or nil. A source calls it instead of the wake after a
// send, outside its own locks, on a goroutine that may do the reader's
// work: rendering and writing the item. That saves waking a goroutine per
// item, and the item reaches the client without waiting for a CPU again.
func Here(ctx context.Context, ch any) func() {
	w, _ := ctx.Value(wakerKey{}).(*Waker)
	if w == nil || !w.Accepted(ch) {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.here
}

// Accepted reports whether a source has promised to wake the reader for
// ch: only then may the reader rely on being woken. A resolver that hands
// on another channel than the one its source accepted (say, a filtered
// copy) is thereby read the usual way, not left unwoken.
func (w *Waker) Accepted(ch any) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	a, b := reflect.ValueOf(w.ch), reflect.ValueOf(ch)
	return a.Kind() == reflect.Chan && b.Kind() == reflect.Chan && a.Pointer() == b.Pointer()
}

// Flusher runs a drain function on a goroutine of its own after a wake,
// never two at once, and again when woken during a run: a wake is never
// lost, and items are taken in order by one goroutine at a time. It is the
// reader's side of a pushed stream: Wake is what sources call.
//
// A new Flusher is held by its creator: wakes are recorded, and nothing
// runs until the creator calls Run (it may still be setting up what drain
// reads).
type Flusher struct {
	drain   func() bool
	pool    *Pool       // where runs go; nil: a new goroutine each
	pending atomic.Bool // woken since drain last started
	running atomic.Bool // held, draining, or stopped for good
	// here: the run under way is on a source's goroutine (WakeHere).
	// Written by the goroutine that has just taken running, read by drain
	// (which only the holder runs).
	here bool
}

// NewFlusher returns a held Flusher of drain. drain takes what is pending
// without blocking and returns false to stop for good: later wakes then do
// nothing. Its runs go to pool (nil: a new goroutine each).
func NewFlusher(pool *Pool, drain func() bool) *Flusher {
	f := &Flusher{drain: drain, pool: pool}
	f.running.Store(true)
	return f
}

// Wake asks for a drain. It never blocks: it starts a goroutine unless a
// run is under way (or the Flusher is held), which then drains again.
func (f *Flusher) Wake() {
	f.pending.Store(true)
	if f.running.CompareAndSwap(false, true) {
		f.pool.run(f)
	}
}

// WakeHere asks for a drain and runs it on the caller's goroutine unless
// one is under way (or the Flusher is held), which then drains again.
func (f *Flusher) WakeHere() {
	f.pending.Store(true)
	if f.running.CompareAndSwap(false, true) {
		f.run(true)
	}
}

// Here reports, to the drain, whether it runs on a source's goroutine
// (WakeHere) rather than on the Flusher's own: a drain may then leave
// what would make the source wait (a read of the database) to a run of
// its own (Wake), once it returns.
func (f *Flusher) Here() bool { return f.here }

// Run drains on the caller's goroutine until nothing is pending, then
// releases the Flusher. Only its holder calls it: the creator once, and
// the goroutines Wake starts.
func (f *Flusher) Run() { f.run(false) }

func (f *Flusher) run(here bool) {
	f.here = here
	for {
		f.pending.Store(false)
		if !f.drain() {
			return // stopped: running stays true, later wakes do nothing
		}
		f.running.Store(false)
		// A wake between the drain's last look and the release found the
		// Flusher running and started nothing: drain again for it, unless
		// a goroutine it started after the release already does.
		if !f.pending.Load() || !f.running.CompareAndSwap(false, true) {
			return
		}
	}
}

// Pool keeps the goroutines that run Flushers for a while after a run, so
// that the next run starts on a goroutine whose stack has grown already. A
// goroutine started per run begins with a small stack and grows it,
// copying, through a renderer's deep calls: some 6% of the server's CPU
// when every token of an answer is a run (runtime.newstack in a profile
// of the streaming benchmark). When no pooled goroutine is idle, a run
// starts one (up to max, then plain goroutines), so a run blocked on a
// slow socket never holds up another. Idle goroutines exit after linger:
// an idle server keeps none.
type Pool struct {
	idle    chan *Flusher // unbuffered: a send succeeds only when one waits
	max     int32
	linger  time.Duration
	workers atomic.Int32
}

// NewPool returns a Pool of at most size goroutines that wait linger for
// another run.
func NewPool(size int, linger time.Duration) *Pool {
	return &Pool{idle: make(chan *Flusher), max: int32(size), linger: linger}
}

// run starts f.Run on an idle pooled goroutine, a new pooled one, or a
// goroutine of its own; it never blocks.
func (p *Pool) run(f *Flusher) {
	if p == nil {
		go f.Run()
		return
	}
	select {
	case p.idle <- f:
		return
	default:
	}
	if p.workers.Add(1) <= p.max {
		go p.work(f)
		return
	}
	p.workers.Add(-1)
	go f.Run()
}

func (p *Pool) work(f *Flusher) {
	defer p.workers.Add(-1)
	t := time.NewTimer(p.linger)
	defer t.Stop()
	for {
		f.Run()
		t.Reset(p.linger)
		select {
		case f = <-p.idle:
		case <-t.C:
			return
		}
	}
}
