package gqlserver

import (
	"encoding/json"
	"strconv"
	"sync/atomic"
	"testing"

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
