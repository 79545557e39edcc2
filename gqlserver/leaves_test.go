package gqlserver

import (
	"encoding/json"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// A subscription that selects only leaf fields of a type with Leaves is
// written from the event without the executor, once for all its
// subscribers, in the executor's bytes, from its second event on (the
// first goes through the executor, whose interceptors count it); an event
// Leaves does not render, and a selection it cannot take (a directive),
// go through the executor.
func TestWebSocketLeavesSkipTheExecutor(t *testing.T) { forEachMode(t, testLeavesSkipTheExecutor) }

func testLeavesSkipTheExecutor(t *testing.T, h *eventHub) {
	var leafRenders atomic.Int32
	leaves := map[string]Leaves{"Event": func(v any, field string) (graphql.Marshaler, bool) {
		e, ok := v.(*testEvent)
		if !ok || e.ID < 0 {
			return nil, false
		}
		switch field {
		case "id":
			leafRenders.Add(1)
			return graphql.MarshalString(strconv.Itoa(e.ID)), true
		case "title":
			return graphql.MarshalString(e.Title), true
		}
		return nil, false
	}}
	ts := newEventsServer(t, h, Options{WSInit: viewerInit, Leaves: leaves})
	alice, bob := initAs(t, ts, "alice"), initAs(t, ts, "bob")
	subscribe(t, alice, "leaves", `subscription { events { __typename id title } }`)
	subscribe(t, bob, "leaves", `subscription { events { __typename id title } }`)
	subscribe(t, bob, "directive", `subscription { events { __typename id title @include(if: true) } }`)
	waitFor(t, "3 subscriptions", func() bool { return h.count() == 3 })

	for _, tc := range []struct {
		ev           *testEvent
		leaf, titles int32
	}{
		{&testEvent{ID: 0, Title: "first"}, 0, 2},                         // a stream's first event: the executor, once per operation
		{&testEvent{ID: 1, Title: `<b> & "q" \u2028` + "\u2028\n"}, 1, 1}, // the directive's subscription alone executes
		{&testEvent{ID: -1, Title: "not mine"}, 0, 2},                     // Leaves refuses: both operations execute, once each
	} {
		leafRenders.Store(0)
		h.titles.Store(0)
		h.publish(tc.ev)
		want := `{"data":{"events":{"__typename":"Event","id":"` + strconv.Itoa(tc.ev.ID) + `","title":` + jsonString(tc.ev.Title) + `}}}`
		expect(t, alice, "next", "leaves", want)
		got := map[string]string{}
		for range 2 {
			m := read(t, bob)
			got[m.ID] = string(m.Payload)
		}
		if got["leaves"] != want || got["directive"] != want {
			t.Fatalf("event %d: bob got %v, want %s for both", tc.ev.ID, got, want)
		}
		if n := leafRenders.Load(); n != tc.leaf {
			t.Errorf("event %d: written from its fields %d times, want %d", tc.ev.ID, n, tc.leaf)
		}
		if n := h.titles.Load(); n != tc.titles {
			t.Errorf("event %d: executed %d times, want %d", tc.ev.ID, n, tc.titles)
		}
	}
}

// jsonString is the string as json.Marshal writes it (HTML escaped).
func jsonString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// A stream rendered per viewer (its selection has a field not marked
// @shared) whose plan writes its events is offered to drain on its
// source's goroutine too (push.Here), but only for what the plan writes:
// its first event and the events the plan refuses are left, in order, to
// a drain of the stream's own, where the executor (whose resolvers may
// read) runs. (A drain of its own still under way takes the next event
// itself: no wake is lost.)
func TestWebSocketPlannedStreamDrainsHere(t *testing.T) {
	h := newEventHub(true)
	h.noteGate = make(chan struct{})
	var planned atomic.Int32
	leaves := map[string]Leaves{"Event": func(v any, field string) (graphql.Marshaler, bool) {
		e := v.(*testEvent)
		switch field {
		case "id":
			planned.Add(1)
			return graphql.MarshalString(strconv.Itoa(e.ID)), true
		case "title":
			return graphql.MarshalString(e.Title), true
		case "note": // null for everyone but Alice; said so only on even events
			if e.ID%2 == 0 {
				return graphql.Null, true
			}
		}
		return nil, false
	}}
	ts := newEventsServer(t, h, Options{WSInit: viewerInit, Leaves: leaves})
	bob := initAs(t, ts, "bob")
	subscribe(t, bob, "1", `subscription { events { id title note } }`)
	waitFor(t, "the subscription", func() bool { return h.count() == 1 })
	h.mu.Lock()
	var ch chan *testEvent
	var here func()
	for c, f := range h.heres {
		ch, here = c, f
	}
	h.mu.Unlock()
	if here == nil {
		t.Fatal("a planned stream was not offered to drain on the source's goroutine")
	}
	for _, tc := range []struct {
		id       int
		executed bool
	}{{0, true}, {2, false}, {3, true}, {4, false}, {6, false}} {
		planned.Store(0)
		h.notes.Store(0)
		ch <- &testEvent{ID: tc.id, Title: "t"}
		// The executor's note waits for the gate: here must return
		// without it, whatever the event.
		returned := make(chan struct{})
		go func() { here(); close(returned) }()
		select {
		case <-returned:
		case <-time.After(5 * time.Second):
			t.Fatalf("event %d: here ran the executor on the source's goroutine", tc.id)
		}
		if tc.executed {
			h.noteGate <- struct{}{}
		}
		expect(t, bob, "next", "1", `{"data":{"events":{"id":"`+strconv.Itoa(tc.id)+`","title":"t","note":null}}}`)
		if got := h.notes.Load() == 1; got != tc.executed {
			t.Errorf("event %d: executed %v, want %v", tc.id, got, tc.executed)
		}
		if !tc.executed && planned.Load() != 1 {
			t.Errorf("event %d: not written by the plan", tc.id)
		}
	}
}
