package assistant

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/ent/aimessage"
)

func TestMentions(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"hello there", nil},
		{"@helper hi", []string{"helper"}},
		{"hi @Helper.", []string{"helper"}},
		{"@scribe and @helper, then @scribe again", []string{"scribe", "helper"}},
		{"mail bob@helper.com or @helper", []string{"helper"}},
		{"bob@helper.com", nil},
		{"@@helper", nil},
		{"(@ops-bot_2)", []string{"ops-bot_2"}},
		{"@helpers is not @helper", []string{"helpers", "helper"}},
		{"line one\n@scribe", []string{"scribe"}},
		{"@1abc", nil},
	} {
		if got := Mentions(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Mentions(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// text applies a subscriber's events as a client does: reset starts over,
// else the delta continues.
func text(events []*Event) string {
	var b strings.Builder
	for _, e := range events {
		if e.Reset {
			b.Reset()
		}
		b.WriteString(e.Delta)
	}
	return b.String()
}

func TestFollowerJoinsMidAnswer(t *testing.T) {
	const full = "The quick brown fox jumps over the lazy dog."
	// The writer's pieces, as published.
	var pieces []*Event
	for off := 0; off < len(full); {
		n := min(1+rand.IntN(5), len(full)-off)
		pieces = append(pieces, &Event{MessageID: 7, Offset: off, Delta: full[off : off+n], Status: aimessage.StatusStreaming})
		off += n
	}
	end := &Event{MessageID: 7, Delta: full, Status: aimessage.StatusComplete, Stored: true}
	for join := 0; join <= len(pieces); join++ {
		// A subscriber on the writer's server: the text so far is taken
		// after it registered, so it may include pieces still to arrive.
		for extra := 0; extra <= 2 && join+extra <= len(pieces); extra++ {
			f := follower()
			so := 0
			if join+extra > 0 {
				last := pieces[join+extra-1]
				so = last.Offset + len(last.Delta)
			}
			var got []*Event
			keep := func(e *Event) {
				if out, ok := f(e); ok {
					got = append(got, out)
				}
			}
			keep(&Event{MessageID: 7, Delta: full[:so], Status: aimessage.StatusStreaming, Stored: true})
			for _, p := range pieces[join:] {
				keep(p)
			}
			keep(end)
			keep(end) // a second end (a forced cancel racing the writer) passes no more
			if txt := text(got); txt != full {
				t.Fatalf("join %d+%d: text %q, want %q", join, extra, txt, full)
			}
			if !got[0].Reset || got[len(got)-1].Status != aimessage.StatusComplete || len(got) > len(pieces)+2 {
				t.Fatalf("join %d+%d: events %+v", join, extra, got)
			}
			for _, e := range got[1:] {
				if e.Reset {
					t.Fatalf("join %d+%d: a second reset", join, extra)
				}
			}
		}
	}
}

func TestFollowerGapAndAttempts(t *testing.T) {
	f := follower()
	var got []*Event
	keep := func(e *Event) {
		if out, ok := f(e); ok {
			got = append(got, out)
		}
	}
	// Joined on another server: the save had "Hello", pieces from 8 on
	// arrive before the writer resends the whole text.
	keep(&Event{MessageID: 1, Delta: "Hello", Status: aimessage.StatusStreaming, Stored: true})
	keep(&Event{MessageID: 1, Offset: 8, Delta: "ld", Status: aimessage.StatusStreaming})
	keep(&Event{MessageID: 1, Offset: 0, Delta: "Hello, world", Status: aimessage.StatusStreaming})
	keep(&Event{MessageID: 1, Offset: 12, Delta: "!", Status: aimessage.StatusStreaming})
	keep(&Event{MessageID: 1, Delta: "Hello, world!", Status: aimessage.StatusError, Stored: true})
	if txt := text(got); txt != "Hello, world!" || len(got) != 4 {
		t.Fatalf("got %q in %d events", txt, len(got))
	}
	// Written again: a new attempt starts over; the old one's late pieces
	// are dropped.
	keep(&Event{MessageID: 1, Attempt: 1, Status: aimessage.StatusStreaming, Stored: true})
	keep(&Event{MessageID: 1, Attempt: 0, Offset: 13, Delta: "late", Status: aimessage.StatusStreaming})
	keep(&Event{MessageID: 1, Attempt: 1, Delta: "Hi", Status: aimessage.StatusStreaming})
	keep(&Event{MessageID: 1, Attempt: 1, Delta: "Hi", Status: aimessage.StatusComplete, Stored: true})
	if txt := text(got); txt != "Hi" || !got[4].Reset {
		t.Fatalf("after the new attempt: %q, events %+v", txt, got[4:])
	}
	// Another message's piece out of the blue (it started before the
	// subscription and nothing said so) waits for its whole text.
	if _, ok := f(&Event{MessageID: 2, Offset: 3, Delta: "x", Status: aimessage.StatusStreaming}); ok {
		t.Fatal("a piece without its start passed")
	}
}

// Pieces queued for a subscriber that fell behind join only when they
// continue one another: the same writing of the same message, contiguous,
// still streaming, neither a stored message's event.
func TestEventCoalesce(t *testing.T) {
	streaming := aimessage.StatusStreaming
	piece := func(id, attempt, offset int, delta string) *Event {
		return &Event{MessageID: id, Attempt: attempt, Offset: offset, Delta: delta, Status: streaming}
	}
	first := piece(1, 0, 0, "Hello")
	first.Reset = true
	for _, tc := range []struct {
		name    string
		a       *Event
		b       any
		want    string // the joined delta; "" when they must not join
		wantOff int
	}{
		{"contiguous", piece(1, 0, 5, "Hello"), piece(1, 0, 10, ", world"), "Hello, world", 5},
		{"after a reset: the reset is kept", first, piece(1, 0, 5, "!"), "Hello!", 0},
		{"a gap", piece(1, 0, 0, "Hello"), piece(1, 0, 6, "x"), "", 0},
		{"an overlap", piece(1, 0, 0, "Hello"), piece(1, 0, 4, "o!"), "", 0},
		{"another message", piece(1, 0, 0, "Hello"), piece(2, 0, 5, "!"), "", 0},
		{"another attempt", piece(1, 0, 0, "Hello"), piece(1, 1, 5, "!"), "", 0},
		{"the next starts over", piece(1, 0, 0, "Hello"), &Event{MessageID: 1, Offset: 5, Delta: "!", Status: streaming, Reset: true}, "", 0},
		{"the end", piece(1, 0, 0, "Hello"), &Event{MessageID: 1, Offset: 5, Delta: "!", Status: aimessage.StatusComplete, Stored: true}, "", 0},
		{"a stored message first", &Event{MessageID: 1, Status: streaming, Stored: true}, piece(1, 0, 0, "Hi"), "", 0},
		{"not an event", piece(1, 0, 0, "Hello"), "!", "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := *tc.a
			got, ok := tc.a.Coalesce(tc.b)
			if *tc.a != before {
				t.Fatalf("the first event changed: %+v", tc.a)
			}
			if tc.want == "" {
				if ok {
					t.Fatalf("joined: %+v", got)
				}
				return
			}
			e, isEvent := got.(*Event)
			if !ok || !isEvent {
				t.Fatalf("not joined: %v, %v", got, ok)
			}
			if e.Delta != tc.want || e.Offset != tc.wantOff || e.MessageID != tc.a.MessageID || e.Reset != tc.a.Reset || e.Status != streaming {
				t.Fatalf("joined into %+v", e)
			}
		})
	}
}
