package assistant

import "github.com/woowtech/woow-paas/ent/aimessage"

// Event is one step of a thread's messages (the messageStream
// subscription): a message stored, or a piece of an answer being written.
//
// On the bus an event names where its delta starts in the message's text
// (Offset) and which writing of the message it belongs to (Attempt). Each
// subscriber keeps what it has of every message and receives only what is
// new to it (see follower): a delta it has already, from the text so far
// it started with, is cut or skipped, and Reset marks the event that
// starts a text over.
type Event struct {
	MessageID int              `json:"m"`
	Attempt   int              `json:"a,omitempty"`
	Offset    int              `json:"o,omitempty"`
	Delta     string           `json:"d,omitempty"`
	Status    aimessage.Status `json:"s"`
	// Stored marks the events that start and end a message: the
	// subscription shows the stored message with them.
	Stored bool `json:"st,omitempty"`
	// Reset is set per subscriber, never on the bus.
	Reset bool `json:"-"`
}

// Coalesce joins next to e when next continues e's text: a piece of the
// same writing of the same message, starting where e ends, both still
// streaming and neither a stored message's event. gqlserver calls it for a
// subscriber that has fallen behind (gqlserver.Coalescer): the pieces
// queued for it go as one event, with the text they make together.
func (e *Event) Coalesce(next any) (any, bool) {
	n, ok := next.(*Event)
	if !ok || n.MessageID != e.MessageID || n.Attempt != e.Attempt || n.Reset || e.Stored || n.Stored ||
		e.Status != aimessage.StatusStreaming || n.Status != aimessage.StatusStreaming || n.Offset != e.Offset+len(e.Delta) {
		return nil, false
	}
	out := *e
	out.Delta = e.Delta + n.Delta
	return &out, true
}
