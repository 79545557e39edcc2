// Package events is the event bus: publish a message to a topic, receive
// the messages of a topic for as long as a context lives.
//
// Publishing never blocks on subscribers: each subscriber has a buffered
// channel, and one that is full when a message arrives is dropped (its
// channel closed) instead of stalling the publisher and everyone else. Every
// channel is closed exactly once: when its context ends, when it is dropped,
// or when the bus closes. Hub is the in-process bus (SQLite, one server);
// Postgres carries messages across server replicas with LISTEN/NOTIFY.
package events

import (
	"context"
	"sync"
	"sync/atomic"
)

// Message is one event on a topic. Data is small JSON; what it describes
// in full is loaded by the subscriber when it needs more.
type Message struct {
	Topic string
	Data  []byte
}

// Bus publishes and subscribes.
type Bus interface {
	// Publish sends data to the topic's subscribers. It never waits for
	// them; an error means the message could not be sent at all.
	Publish(ctx context.Context, topic string, data []byte) error
	// PublishRemote sends data to the other servers' subscribers only: for
	// a publisher that hands its items to this server's subscribers itself
	// (live.Stream.Deliver, the pieces of an answer, at once) and lets the
	// other servers have them as fast as the bus carries them.
	PublishRemote(ctx context.Context, topic string, data []byte) error
	// Subscribe returns a channel of the topic's messages, closed when ctx
	// ends, when the subscriber falls too far behind, or when the bus
	// closes.
	Subscribe(ctx context.Context, topic string) <-chan Message
	// Close ends every subscription.
	Close() error
}

// DefaultBuffer is how many undelivered messages a subscriber may have
// before it is dropped.
const DefaultBuffer = 64

// Hub is the in-process bus.
type Hub struct {
	buffer int

	mu     sync.Mutex
	topics map[string]map[*subscriber]struct{}
	closed bool

	published, delivered, dropped atomic.Uint64
}

// Stats count a bus's messages since it started (for the metrics).
type Stats struct {
	// Published: messages sent by this server; Delivered: copies handed to
	// its subscribers; Dropped: subscribers dropped for falling behind.
	Published, Delivered, Dropped uint64
}

// Stats returns the hub's counts.
func (h *Hub) Stats() Stats {
	return Stats{Published: h.published.Load(), Delivered: h.delivered.Load(), Dropped: h.dropped.Load()}
}

type subscriber struct {
	ch   chan Message
	stop func() bool // unregisters the context callback
}

// NewHub returns a Hub whose subscribers buffer up to buffer messages
// (DefaultBuffer when buffer <= 0).
func NewHub(buffer int) *Hub {
	if buffer <= 0 {
		buffer = DefaultBuffer
	}
	return &Hub{buffer: buffer, topics: map[string]map[*subscriber]struct{}{}}
}

var _ Bus = (*Hub)(nil)

// Publish delivers data to the topic's current subscribers.
func (h *Hub) Publish(_ context.Context, topic string, data []byte) error {
	h.published.Add(1)
	h.Deliver(Message{Topic: topic, Data: data})
	return nil
}

// PublishRemote does nothing: an in-process hub has no other servers.
func (h *Hub) PublishRemote(context.Context, string, []byte) error { return nil }

// Deliver hands m to every subscriber of m.Topic without waiting; a
// subscriber whose buffer is full is dropped.
func (h *Hub) Deliver(m Message) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.topics[m.Topic] {
		select {
		case s.ch <- m:
			h.delivered.Add(1)
		default:
			h.dropped.Add(1)
			h.removeLocked(m.Topic, s)
		}
	}
}

// Subscribe registers a subscriber until ctx ends. Registration costs no
// goroutine: the context's end runs the removal.
func (h *Hub) Subscribe(ctx context.Context, topic string) <-chan Message {
	s := &subscriber{ch: make(chan Message, h.buffer)}
	h.mu.Lock()
	if h.closed || ctx.Err() != nil {
		h.mu.Unlock()
		close(s.ch)
		return s.ch
	}
	subs := h.topics[topic]
	if subs == nil {
		subs = map[*subscriber]struct{}{}
		h.topics[topic] = subs
	}
	subs[s] = struct{}{}
	// Registered under the lock, so removeLocked always sees stop; the
	// callback runs in its own goroutine and waits for the lock.
	s.stop = context.AfterFunc(ctx, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		h.removeLocked(topic, s)
	})
	h.mu.Unlock()
	return s.ch
}

// removeLocked unregisters s and closes its channel. Only the caller that
// finds s registered closes it, so it is closed exactly once.
func (h *Hub) removeLocked(topic string, s *subscriber) {
	subs := h.topics[topic]
	if _, ok := subs[s]; !ok {
		return
	}
	delete(subs, s)
	if len(subs) == 0 {
		delete(h.topics, topic)
	}
	if s.stop != nil {
		s.stop()
	}
	close(s.ch)
}

// Subscribers counts the current subscribers of topic.
func (h *Hub) Subscribers(topic string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.topics[topic])
}

// Close drops every subscriber; later subscriptions are closed at once.
func (h *Hub) Close() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for topic, subs := range h.topics {
		for s := range subs {
			h.removeLocked(topic, s)
		}
	}
	return nil
}
