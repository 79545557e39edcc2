package assistant

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/aimessage"
	"github.com/woowtech/woow-paas/live"
)

// newStream is the messageStream subscription, a live.Stream whose items
// travel whole on the bus: a subscriber gets the text so far of each
// answer being written (Since), then the pieces that follow it, each cut
// to what it lacks (follower).
func (s *Service) newStream() *live.Stream[*Event, int] {
	return live.New(s.bus, live.Config[*Event, int]{
		Name:  "messages",
		Topic: threadTopic,
		Authorize: func(ctx context.Context, id int) (int, error) {
			th, err := thread(ctx, s.client, id)
			if err != nil {
				return 0, err
			}
			return th.WorkspaceID, nil
		},
		// Only the other servers' events come through the bus: this
		// server's own go to its subscribers by Deliver.
		Decode: func(data []byte) (*Event, error) {
			var e Event
			if err := json.Unmarshal(data, &e); err != nil {
				return nil, err
			}
			if e.Stored && e.Status == aimessage.StatusStreaming {
				// An answer started on another server, and a subscriber here
				// follows its thread: that server sends its pieces to the
				// others only once one asks. Asked aside: the relay does not
				// wait for the database.
				go s.askForText(e.MessageID)
			}
			return &e, nil
		},
		Since:    s.since,
		Identity: func(e *Event) string { return strconv.Itoa(e.MessageID) },
		Follow:   follower,
	}, live.Options{Buffer: 1024, MaxMissed: 200, Log: s.log})
}

// Stream follows a thread's messages (see newStream); after is the last
// message the subscriber holds in full.
func (s *Service) Stream(ctx context.Context, threadID int, after *int) (<-chan *Event, error) {
	from := 0
	if after != nil {
		from = *after
	}
	// Always a catch-up: the answers being written come first.
	return s.stream.Subscribe(ctx, threadID, &from)
}

// CloseStreams ends the stream's listening; subscriptions end with their
// contexts.
func (s *Service) CloseStreams() { s.stream.Close() }

// since is what a subscriber starts with: each message after after, and
// each answer being written, whole. An answer written here is read from
// memory; one written on another server from its last save, and that
// server is asked to send its whole text again, which fills the gap
// between the save and now.
func (s *Service) since(ctx context.Context, threadID, after, limit int) ([]*Event, error) {
	q := s.client.AIMessage.Query().Where(aimessage.ThreadID(threadID))
	if after > 0 {
		q = q.Where(aimessage.Or(aimessage.IDGT(after), aimessage.StatusEQ(aimessage.StatusStreaming)))
	} else {
		q = q.Where(aimessage.StatusEQ(aimessage.StatusStreaming))
	}
	msgs, err := q.Order(ent.Asc(aimessage.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*Event, 0, len(msgs))
	for _, m := range msgs {
		e := &Event{MessageID: m.ID, Attempt: m.Attempt, Delta: m.Content, Status: m.Status, Stored: true}
		if m.Status == aimessage.StatusStreaming {
			s.mu.Lock()
			g := s.gens[m.ID]
			s.mu.Unlock()
			if g != nil && g.attempt == m.Attempt {
				e.Delta = string(g.snapshot())
			} else {
				s.askForText(m.ID)
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// askForText asks the server writing answer id (another one) to send its
// text so far, then its pieces as they come, to the other servers.
func (s *Service) askForText(id int) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	data, _ := json.Marshal(control{Op: "resync", MessageID: id})
	if err := s.bus.Publish(ctx, controlTopic, data); err != nil {
		s.log.Warn("assistant: asking for an answer's text so far", "message_id", id, "err", err)
	}
}

// follower is one subscriber's filter: it keeps how much of each
// message's text the subscriber has, and passes on only what is new.
//
//   - The first event of a message (or of a new attempt) must start at
//     offset 0 and is passed with Reset: the text starts over.
//   - A piece that starts beyond what the subscriber has (it joined
//     between a save and now, on another server) is dropped: the whole
//     text, resent from offset 0 or with the end, fills the gap.
//   - A piece it has already, in part or whole, is cut to the rest.
//   - The end passes once, with the rest of the text, and nothing after.
func follower() func(*Event) (*Event, bool) {
	type have struct {
		attempt, n int
		done       bool
	}
	seen := map[int]*have{}
	return func(e *Event) (*Event, bool) {
		final := e.Status != aimessage.StatusStreaming
		h := seen[e.MessageID]
		if h == nil || e.Attempt > h.attempt {
			if e.Offset != 0 {
				return nil, false
			}
			seen[e.MessageID] = &have{attempt: e.Attempt, n: len(e.Delta), done: final}
			out := *e
			out.Reset = true
			return &out, true
		}
		if e.Attempt < h.attempt || h.done || e.Offset > h.n {
			return nil, false
		}
		end := e.Offset + len(e.Delta)
		if end <= h.n && !final {
			return nil, false
		}
		if e.Offset == h.n {
			// Passed as it came: every subscriber that lacked exactly this
			// gets the same value, and gqlserver renders it once for them
			// (the fields are @shared).
			h.n, h.done = end, final
			return e, true
		}
		out := *e
		out.Offset, out.Delta = h.n, ""
		if end > h.n {
			out.Delta = e.Delta[h.n-e.Offset:]
			h.n = end
		}
		h.done = final
		return &out, true
	}
}
