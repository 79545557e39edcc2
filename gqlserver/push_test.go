package gqlserver

import (
	"runtime"
	"strconv"
	"strings"
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

// Events published as fast as the stream takes them (the hub blocks on a
// full channel) all arrive, in order, and a close after them completes the
// subscription. The window in which a wake could be lost is too narrow to
// hit reliably here: push's own tests check the hand-off.
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

// expectNothing checks that the server sends nothing more for a while.
func expectNothing(t *testing.T, c *websocket.Conn) {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(150 * time.Millisecond))
	var m wsMessage
	if err := c.ReadJSON(&m); err == nil {
		t.Fatalf("unexpected %s %s %s", m.Type, m.ID, m.Payload)
	}
}

// A source that sends, closes and wakes before the stream is set up: the
// stream is held until then, delivers the event and completes once.
func TestWebSocketPushedStreamEndsBeforeSetUp(t *testing.T) {
	h := newEventHub(true)
	h.ended = true
	ts := newEventsServer(t, h, Options{})
	before := runtime.NumGoroutine()
	c := initAs(t, ts, "")
	subscribe(t, c, "1", `subscription { events { id } }`)
	expect(t, c, "next", "1", `{"data":{"events":{"id":"7"}}}`)
	expect(t, c, "complete", "1", "")
	expectNothing(t, c)
	_ = c.Close()
	waitGoroutines(t, before)
}

// A resolver whose source accepted the wake and then failed: an error and
// one complete, nothing left behind.
func TestWebSocketPushedResolverError(t *testing.T) {
	h := newEventHub(true)
	h.refuse = true
	ts := newEventsServer(t, h, Options{})
	before := runtime.NumGoroutine()
	c := initAs(t, ts, "")
	subscribe(t, c, "1", `subscription { events { id } }`)
	if m := read(t, c); m.ID != "1" || (m.Type != "next" && m.Type != "error") || !strings.Contains(string(m.Payload), "refused") {
		t.Fatalf("got %s %s %s, want the resolver's error", m.Type, m.ID, m.Payload)
	}
	expect(t, c, "complete", "1", "")
	expectNothing(t, c)
	_ = c.Close()
	waitGoroutines(t, before)
}

// A resolver that hands on a copy of the channel its source accepted is
// read the usual way: the wakes are for a channel the stream does not
// read, and relying on them would lose every event.
func TestWebSocketPushedSourceForwarded(t *testing.T) {
	h := newEventHub(true)
	h.forward = true
	ts := newEventsServer(t, h, Options{})
	c := initAs(t, ts, "")
	subscribe(t, c, "1", `subscription { events { id } }`)
	waitFor(t, "subscription", func() bool { return h.count() == 1 })
	for ev := range 3 {
		h.publish(&testEvent{ID: ev})
	}
	for ev := range 3 {
		expect(t, c, "next", "1", `{"data":{"events":{"id":"`+strconv.Itoa(ev)+`"}}}`)
	}
	_ = c.Close()
	waitFor(t, "the source's subscription to end", func() bool { return h.count() == 0 })
	h.forwarders.Wait()
}

// Closing the socket without completing ends pushed subscriptions too.
func TestWebSocketPushedStreamConnectionClosed(t *testing.T) {
	h := newEventHub(true)
	ts := newEventsServer(t, h, Options{})
	before := runtime.NumGoroutine()
	const n = 20
	conns := make([]*websocket.Conn, n)
	for i := range conns {
		conns[i] = initAs(t, ts, "")
		subscribe(t, conns[i], "a", `subscription { events { id } }`)
		subscribe(t, conns[i], "b", `subscription { events { id title } }`)
	}
	waitFor(t, "subscriptions", func() bool { return h.count() == 2*n })
	h.publish(&testEvent{ID: 1, Title: "x"})
	for _, c := range conns {
		_ = c.Close()
	}
	waitFor(t, "the source's subscriptions to end", func() bool { return h.count() == 0 })
	waitGoroutines(t, before)
}

// A subscriber that has fallen behind gets the queued events that continue
// one another as one (Coalescer); the others pass as they are, in order.
// One that keeps up gets each event as it comes.
func TestWebSocketCoalescesQueuedEvents(t *testing.T) {
	h := newEventHub(true)
	h.buffer = 16
	ts := newEventsServer(t, h, Options{})
	c := initAs(t, ts, "")
	subscribe(t, c, "1", `subscription { events { id title } }`)
	waitFor(t, "the subscription", func() bool { return h.count() == 1 })

	piece := func(id int, title string) *testEvent { return &testEvent{ID: id, Title: title, Join: true} }
	h.publishBatch([]*testEvent{piece(1, "a"), piece(2, "b"), piece(3, "c"), {ID: 4, Title: "x"}, piece(5, "d"), piece(6, "e")})
	expect(t, c, "next", "1", `{"data":{"events":{"id":"3","title":"abc"}}}`)
	expect(t, c, "next", "1", `{"data":{"events":{"id":"4","title":"x"}}}`)
	expect(t, c, "next", "1", `{"data":{"events":{"id":"6","title":"de"}}}`)

	for i, title := range []string{"f", "g"} {
		h.publish(piece(7+i, title))
		expect(t, c, "next", "1", `{"data":{"events":{"id":"`+strconv.Itoa(7+i)+`","title":"`+title+`"}}}`)
	}
}

// A stream whose operation selects only @shared fields, on a connection
// whose writes never block, offers its source to drain on the source's
// goroutine (push.Here): after here returns, the event has been taken and
// written. A stream that renders per viewer is not offered it.
func TestWebSocketSharedStreamDrainsHere(t *testing.T) {
	h := newEventHub(true)
	ts := newEventsServer(t, h, Options{})
	shared := initAs(t, ts, "")
	subscribe(t, shared, "1", `subscription { events { id title } }`)
	waitFor(t, "the shared subscription", func() bool { return h.count() == 1 })
	own := initAs(t, ts, "")
	subscribe(t, own, "1", `subscription { events { id viewer } }`)
	waitFor(t, "the viewer's subscription", func() bool { return h.count() == 2 })

	h.mu.Lock()
	var offered []chan *testEvent
	var here func()
	for ch, f := range h.heres {
		if f != nil {
			offered, here = append(offered, ch), f
		}
	}
	h.mu.Unlock()
	if len(offered) != 1 {
		t.Fatalf("%d subscriptions offered to drain on the source's goroutine, want the shared one", len(offered))
	}
	for ev := range 3 {
		offered[0] <- &testEvent{ID: ev, Title: "t"}
		here()
		if n := len(offered[0]); n != 0 {
			t.Fatalf("event %d: %d left in the channel after here returned", ev, n)
		}
		expect(t, shared, "next", "1", `{"data":{"events":{"id":"`+strconv.Itoa(ev)+`","title":"t"}}}`)
	}
}
