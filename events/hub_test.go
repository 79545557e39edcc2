package events

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"
)

func recv(t *testing.T, ch <-chan Message) Message {
	t.Helper()
	select {
	case m, ok := <-ch:
		if !ok {
			t.Fatal("channel closed, want a message")
		}
		return m
	case <-time.After(5 * time.Second):
		t.Fatal("no message within 5s")
	}
	return Message{}
}

func closed(t *testing.T, ch <-chan Message) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
		case <-deadline:
			t.Fatal("channel not closed within 5s")
		}
	}
}

func TestHubDeliversToTopicSubscribersOnly(t *testing.T) {
	h := NewHub(4)
	ctx := t.Context()
	a, b := h.Subscribe(ctx, "a"), h.Subscribe(ctx, "b")
	if err := h.Publish(ctx, "a", []byte(`1`)); err != nil {
		t.Fatal(err)
	}
	if m := recv(t, a); m.Topic != "a" || string(m.Data) != "1" {
		t.Fatalf("got %+v", m)
	}
	select {
	case m := <-b:
		t.Fatalf("topic b got %+v", m)
	default:
	}
}

func TestHubDropsSlowSubscriberWithoutStallingOthers(t *testing.T) {
	h := NewHub(2)
	ctx := t.Context()
	slow := h.Subscribe(ctx, "t")
	fast := h.Subscribe(ctx, "t")
	for i := range 10 {
		h.Deliver(Message{Topic: "t", Data: []byte(fmt.Sprint(i))})
		recv(t, fast) // the fast one keeps up
	}
	// The slow one got its buffer's worth, then was dropped and closed.
	n := 0
	for range slow {
		n++
	}
	if n != 2 {
		t.Fatalf("slow subscriber received %d messages before being dropped, want 2", n)
	}
	if got := h.Subscribers("t"); got != 1 {
		t.Fatalf("%d subscribers left, want 1", got)
	}
}

func TestHubClosesOnContextEndAndOnClose(t *testing.T) {
	h := NewHub(1)
	ctx, cancel := context.WithCancel(t.Context())
	ch := h.Subscribe(ctx, "t")
	cancel()
	closed(t, ch)
	if got := h.Subscribers("t"); got != 0 {
		t.Fatalf("%d subscribers after cancel, want 0", got)
	}

	other := h.Subscribe(t.Context(), "t")
	h.Close()
	closed(t, other)
	late := h.Subscribe(t.Context(), "t")
	closed(t, late)
	// Publishing after close is harmless.
	h.Deliver(Message{Topic: "t"})
}

// TestHubManySubscribersNoLeak subscribes 1,000 times concurrently, delivers
// one message to all, cancels, and checks that no goroutine is left behind
// and that racing cancels and deliveries close each channel once (a second
// close would panic).
func TestHubManySubscribersNoLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	h := NewHub(8)
	ctx, cancel := context.WithCancel(context.Background())
	const n = 1000
	chans := make([]<-chan Message, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			chans[i] = h.Subscribe(ctx, "w")
		}()
	}
	wg.Wait()
	if got := h.Subscribers("w"); got != n {
		t.Fatalf("%d subscribers, want %d", got, n)
	}
	h.Deliver(Message{Topic: "w", Data: []byte(`"hi"`)})
	for _, ch := range chans {
		if m := recv(t, ch); string(m.Data) != `"hi"` {
			t.Fatalf("got %q", m.Data)
		}
	}
	// Cancel while delivering: drops and cancels race for the same channels.
	go func() {
		for range 100 {
			h.Deliver(Message{Topic: "w"})
		}
	}()
	cancel()
	for _, ch := range chans {
		closed(t, ch)
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := runtime.NumGoroutine(); got > before {
		t.Fatalf("%d goroutines after, %d before", got, before)
	}
}
