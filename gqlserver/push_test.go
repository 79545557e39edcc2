package gqlserver

import (
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// A subscription whose source wakes it has no goroutine while idle: a
// socket costs its reader only. Events still arrive in order, a client's
// complete ends the source's subscription, and nothing is left behind.
func TestWebSocketPushedStreamIdlesWithoutGoroutine(t *testing.T) {
	h := newEventHub(true)
	ts := newEventsServer(t, h, Options{})
	before := runtime.NumGoroutine()

	const n = 50
	conns := make([]*websocket.Conn, n)
	for i := range conns {
		conns[i] = initAs(t, ts, "")
		subscribe(t, conns[i], "1", `subscription { events { id } }`)
	}
	waitFor(t, "subscriptions", func() bool { return h.count() == n })
	time.Sleep(50 * time.Millisecond) // let the set-up goroutines exit
	// The client side has no goroutine here (gorilla's client reads on the
	// caller's goroutine).
	if per := float64(runtime.NumGoroutine()-before) / n; per > 1.1 {
		t.Fatalf("%.2f goroutines per idle connection, want 1", per)
	}

	for ev := range 3 {
		h.publish(&testEvent{ID: ev})
	}
	for _, c := range conns {
		for ev := range 3 {
			expect(t, c, "next", "1", `{"data":{"events":{"id":"`+strconv.Itoa(ev)+`"}}}`)
		}
	}

	for _, c := range conns {
		send(t, c, map[string]any{"type": "complete", "id": "1"})
	}
	waitFor(t, "the source's subscriptions to end", func() bool { return h.count() == 0 })
	for _, c := range conns {
		_ = c.Close()
	}
	waitGoroutines(t, before)
}

// Wakes race with the flush that is finishing: events published as fast as
// the stream takes them (the hub blocks on a full channel, so a lost wake
// would stall it) all arrive, in order, and a close after them completes
// the subscription.
func TestWebSocketPushedStreamKeepsOrder(t *testing.T) {
	h := newEventHub(true)
	ts := newEventsServer(t, h, Options{})
	const subscribers, events = 4, 500
	conns := make([]*websocket.Conn, subscribers)
	for i := range conns {
		conns[i] = initAs(t, ts, "")
		subscribe(t, conns[i], "1", `subscription { events { id } }`)
	}
	waitFor(t, "subscriptions", func() bool { return h.count() == subscribers })

	published := make(chan struct{})
	go func() {
		defer close(published)
		for ev := range events {
			h.publish(&testEvent{ID: ev})
		}
		h.closeAll()
	}()

	var wg sync.WaitGroup
	for i, c := range conns {
		wg.Go(func() {
			_ = c.SetReadDeadline(time.Now().Add(20 * time.Second))
			for want := range events {
				var m wsMessage
				if err := c.ReadJSON(&m); err != nil {
					t.Errorf("subscriber %d, event %d: %v", i, want, err)
					return
				}
				if got := `{"data":{"events":{"id":"` + strconv.Itoa(want) + `"}}}`; m.Type != "next" || string(m.Payload) != got {
					t.Errorf("subscriber %d: got %s %s, want next %s", i, m.Type, m.Payload, got)
					return
				}
			}
			var m wsMessage
			if err := c.ReadJSON(&m); err != nil || m.Type != "complete" {
				t.Errorf("subscriber %d: got %s %v after the last event, want complete", i, m.Type, err)
			}
		})
	}
	wg.Wait()
	select {
	case <-published:
	case <-time.After(5 * time.Second):
		t.Fatal("the publisher is stuck: a wake was lost")
	}
}
