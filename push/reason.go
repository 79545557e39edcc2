package push

import (
	"context"
	"sync"
)

// Ending carries why a stream ended from its source to its transport: a
// source that ends a subscription for a reason the client must read (its
// access is gone, it fell behind, a load failed) calls End before closing
// its channel, and the transport sends the error instead of a plain end.
type Ending struct {
	mu    sync.Mutex
	err   error
	taken bool
}

type endingKey struct{}

// WithEnding returns ctx carrying an Ending for the subscription that runs
// in it; transports call it before the subscription's resolver runs.
func WithEnding(ctx context.Context) (context.Context, *Ending) {
	e := &Ending{}
	return context.WithValue(ctx, endingKey{}, e), e
}

// EndingFrom returns the Ending in ctx, or nil.
func EndingFrom(ctx context.Context) *Ending {
	e, _ := ctx.Value(endingKey{}).(*Ending)
	return e
}

// End records err as why the subscription of ctx ends (the first reason
// wins). Without an Ending in ctx it does nothing: the stream just ends.
func End(ctx context.Context, err error) {
	if e := EndingFrom(ctx); e != nil {
		e.mu.Lock()
		if e.err == nil && !e.taken {
			e.err = err
		}
		e.mu.Unlock()
	}
}

// Take returns the recorded reason once; later calls return nil.
func (e *Ending) Take() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	err := e.err
	e.err, e.taken = nil, true
	return err
}
