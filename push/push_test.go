package push

import (
	"context"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestAccept(t *testing.T) {
	ch := make(chan int)
	if wake := Accept(t.Context(), ch); wake != nil {
		t.Fatal("Accept without a Waker returned a function")
	}

	woken := 0
	ctx, w := NewContext(t.Context(), func() { woken++ })
	if w.Accepted(ch) {
		t.Fatal("accepted before Accept")
	}
	if wake := Accept(ctx, 42); wake != nil {
		t.Fatal("Accept took something that is not a channel")
	}
	// Values below the reader's context still reach its Waker.
	wake := Accept(context.WithValue(ctx, struct{}{}, 1), ch)
	if wake == nil {
		t.Fatal("Accept did not accept")
	}
	// The reader may see the channel in a receive-only type.
	var recv <-chan int = ch
	if !w.Accepted(recv) {
		t.Fatal("Accepted is false for the accepted channel")
	}
	// A resolver that hands on another channel is not woken for it.
	if w.Accepted(make(chan int)) || w.Accepted(nil) {
		t.Fatal("Accepted is true for another channel")
	}
	wake()
	if woken != 1 {
		t.Fatalf("woken %d times, want 1", woken)
	}
	// One source per Waker: a second source must not rely on the reader
	// being woken for its own channel.
	if again := Accept(ctx, make(chan int)); again != nil {
		t.Fatal("a second Accept returned a function")
	}
}

// A wake while drain runs (after drain's last look at its source) starts
// no second goroutine, and drain runs once more after it: the wake is not
// lost.
func TestFlusherWakeDuringDrain(t *testing.T) {
	calls := make(chan int, 10)
	inDrain := make(chan struct{})
	proceed := make(chan struct{})
	n := 0
	f := NewFlusher(nil, func() bool {
		n++
		calls <- n
		if n == 2 {
			inDrain <- struct{}{}
			<-proceed
		}
		return true
	})

	f.Wake() // held: recorded, nothing runs
	select {
	case c := <-calls:
		t.Fatalf("drain %d ran while held", c)
	case <-time.After(20 * time.Millisecond):
	}
	next := func(want int) {
		t.Helper()
		select {
		case c := <-calls:
			if c != want {
				t.Fatalf("call %d, want %d", c, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("drain %d did not run", want)
		}
	}
	f.Run() // the holder's run takes the wake
	next(1)

	f.Wake() // released: a goroutine drains
	<-inDrain
	f.Wake() // during the drain: no second drain at once...
	f.Wake()
	close(proceed)
	next(2)
	next(3) // ...but one more after it
	select {
	case c := <-calls:
		t.Fatalf("drain %d ran without a wake", c)
	case <-time.After(20 * time.Millisecond):
	}
}

// A drain that stops ends the Flusher: later wakes run nothing.
func TestFlusherStops(t *testing.T) {
	var runs atomic.Int32
	f := NewFlusher(nil, func() bool { runs.Add(1); return false })
	f.Run()
	for range 3 {
		f.Wake()
	}
	time.Sleep(20 * time.Millisecond)
	if got := runs.Load(); got != 1 {
		t.Fatalf("drain ran %d times, want 1", got)
	}
}

// Concurrent wakes from many goroutines: drain never runs twice at once,
// and every wake is followed by a drain that starts after it.
func TestFlusherConcurrentWakes(t *testing.T) {
	var active, overlaps atomic.Int32
	var lastStart atomic.Int64
	f := NewFlusher(nil, func() bool {
		if active.Add(1) > 1 {
			overlaps.Add(1)
		}
		lastStart.Add(1)
		active.Add(-1)
		return true
	})
	f.Run()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 1000 {
				before := lastStart.Load()
				f.Wake()
				deadline := time.Now().Add(5 * time.Second)
				for lastStart.Load() == before {
					if time.Now().After(deadline) {
						t.Error("a wake was not followed by a drain")
						return
					}
					runtime.Gosched()
				}
			}
		})
	}
	wg.Wait()
	if n := overlaps.Load(); n != 0 {
		t.Fatalf("drain ran concurrently %d times", n)
	}
}

// goid is the calling goroutine's number, from its stack's first line.
func goid() string {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	return strings.Fields(string(buf))[1]
}

// A Pool runs drains on goroutines it keeps between runs; runs blocked at
// once beyond its size still run, on goroutines of their own; its idle
// goroutines exit after linger.
func TestPool(t *testing.T) {
	before := runtime.NumGoroutine()
	p := NewPool(2, 100*time.Millisecond)

	// Sequential runs reuse the pooled goroutines (without the pool, each
	// run is a new goroutine: 200 of them).
	ran := make(chan string)
	f := NewFlusher(p, func() bool { ran <- goid(); return true })
	go f.Run()
	<-ran // the holder's run
	seen := map[string]bool{}
	for range 200 {
		f.Wake()
		seen[<-ran] = true
		time.Sleep(200 * time.Microsecond) // the run releases the Flusher and waits again
	}
	if len(seen) > 20 {
		t.Errorf("200 sequential runs ran on %d goroutines", len(seen))
	}

	// Five drains blocked at once: all five run, though the pool has two.
	release := make(chan struct{})
	var started sync.WaitGroup
	started.Add(5)
	for range 5 {
		g := NewFlusher(p, func() bool {
			started.Done()
			<-release
			return false
		})
		g.running.Store(false) // released, as after its holder's run
		g.Wake()
	}
	waited := make(chan struct{})
	go func() { started.Wait(); close(waited) }()
	select {
	case <-waited:
	case <-time.After(5 * time.Second):
		t.Fatal("a blocked run held up another")
	}
	if n := p.workers.Load(); n > 2 {
		t.Errorf("%d pooled goroutines, want at most 2", n)
	}
	close(release)

	// Idle, the pool keeps nothing.
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before || p.workers.Load() != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines before, %d after, %d pooled", before, runtime.NumGoroutine(), p.workers.Load())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Here is the reader's offer for the accepted channel only, and WakeHere
// drains on the caller's goroutine unless a drain is under way.
func TestHere(t *testing.T) {
	ctx, w := NewContext(context.Background(), func() {})
	ch, other := make(chan int, 1), make(chan int, 1)
	if Accept(ctx, ch) == nil {
		t.Fatal("not accepted")
	}
	if Here(ctx, ch) != nil {
		t.Fatal("an offer before the reader made one")
	}
	var drains int
	var f *Flusher
	blocked := false
	f = NewFlusher(nil, func() bool {
		drains++
		if blocked {
			blocked = false
			f.WakeHere() // during a drain: recorded, not run inside it
		}
		return true
	})
	w.OfferHere(f.WakeHere)
	if Here(ctx, other) != nil || Here(context.Background(), ch) != nil {
		t.Fatal("an offer for a channel nobody accepted")
	}
	here := Here(ctx, ch)
	if here == nil {
		t.Fatal("no offer for the accepted channel")
	}
	f.Run() // the creator's first run releases the Flusher
	drains = 0
	here()
	if drains != 1 {
		t.Fatalf("here ran %d drains on the caller's goroutine, want 1", drains)
	}
	blocked = true
	here()
	if drains != 3 {
		t.Fatalf("a wake during a drain: %d drains, want 3 (the drain, then once more)", drains)
	}
}

// A drain knows where it runs: on the source's goroutine after WakeHere,
// on the Flusher's own after Run or Wake.
func TestFlusherHere(t *testing.T) {
	var f *Flusher
	where := make(chan bool, 4)
	f = NewFlusher(nil, func() bool { where <- f.Here(); return true })
	f.Run() // the creator's first run
	if <-where {
		t.Fatal("the creator's run said here")
	}
	f.WakeHere()
	if !<-where {
		t.Fatal("WakeHere's run did not say here")
	}
	f.Wake()
	if <-where {
		t.Fatal("Wake's run said here")
	}
}
