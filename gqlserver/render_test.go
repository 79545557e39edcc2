package gqlserver

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/push"
)

// A schema whose subscription is executed the way gqlgen's generated code
// executes one (graphql.ResolveFieldStream, graphql.ResolveField, field
// contexts with IsResolver), so that the WebSocket loop's render sharing
// meets what it meets in production. Event.id and Event.title are plain
// struct fields marked @shared; Event.viewer is a resolver that reads the
// viewer; Event.note reads the viewer too, but its field context says it is
// a plain struct field (IsResolver and IsMethod false): only the schema's
// marker may decide, never what the executed field looks like.
const eventsSDL = `
directive @shared on FIELD_DEFINITION | OBJECT
type Query { ok: Boolean! }
type Event {
  id: ID! @shared
  title: String! @shared
  viewer: String!
  note: String
}
type Subscription { events(tag: String): Event! }
`

type testEvent struct {
	ID    int
	Title string
	// Join: a piece of a text, joined to the piece before it when both
	// are queued (Coalescer).
	Join bool
}

// Coalesce joins two pieces: the later id, the titles one after the other.
func (e *testEvent) Coalesce(next any) (any, bool) {
	n, ok := next.(*testEvent)
	if !ok || !e.Join || !n.Join {
		return nil, false
	}
	return &testEvent{ID: n.ID, Title: e.Title + n.Title, Join: true}, true
}

// eventHub hands the same *testEvent to every subscriber, as activity.Feed
// does, and counts how often each field is rendered. With push it wakes its
// readers as the feed does (package push); without, the stream waits on
// the channel.
type eventHub struct {
	push bool
	// Misbehaviours of the root resolver, for push_test.go.
	refuse  bool // accept the wake, then fail
	forward bool // hand on a copy of the accepted channel
	ended   bool // send one event and close before returning

	forwarders sync.WaitGroup
	buffer     int // of each subscriber's channel (default 4)

	mu    sync.Mutex
	subs  map[chan *testEvent]func() // the reader's wake, or nil
	heres map[chan *testEvent]func() // the reader's push.Here, or nil

	titles, viewers, notes atomic.Int32
	// noteGate, when set, holds every rendering of Event.note until the
	// test sends on it.
	noteGate chan struct{}
}

func newEventHub(push bool) *eventHub {
	return &eventHub{push: push, subs: map[chan *testEvent]func(){}, heres: map[chan *testEvent]func(){}}
}

// forEachMode runs a test with a hub that wakes its readers and with one
// that does not.
func forEachMode(t *testing.T, test func(t *testing.T, h *eventHub)) {
	for _, mode := range []struct {
		name string
		push bool
	}{{"waiting", false}, {"pushed", true}} {
		t.Run(mode.name, func(t *testing.T) { test(t, newEventHub(mode.push)) })
	}
}

// resolve is the subscription's root resolver.
func (h *eventHub) resolve(ctx context.Context) (any, error) {
	switch {
	case h.refuse:
		push.Accept(ctx, make(chan *testEvent))
		return nil, errs.E(errs.Forbidden, "refused")
	case h.ended:
		ch := make(chan *testEvent, 1)
		wake := push.Accept(ctx, ch)
		ch <- &testEvent{ID: 7}
		notify(wake)
		close(ch)
		notify(wake)
		return (<-chan *testEvent)(ch), nil
	case h.forward:
		in := h.subscribe(ctx)
		out := make(chan *testEvent)
		h.forwarders.Go(func() {
			defer close(out)
			for ev := range in {
				select {
				case out <- ev:
				case <-ctx.Done():
					return
				}
			}
		})
		return (<-chan *testEvent)(out), nil
	}
	return h.subscribe(ctx), nil
}

func (h *eventHub) subscribe(ctx context.Context) <-chan *testEvent {
	ch := make(chan *testEvent, max(h.buffer, 4))
	var wake, here func()
	if h.push {
		wake = push.Accept(ctx, ch)
		here = push.Here(ctx, ch)
	}
	h.mu.Lock()
	h.subs[ch] = wake
	h.heres[ch] = here
	h.mu.Unlock()
	context.AfterFunc(ctx, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if wake, ok := h.subs[ch]; ok {
			delete(h.subs, ch)
			delete(h.heres, ch)
			close(ch)
			notify(wake)
		}
	})
	return ch
}

func notify(wake func()) {
	if wake != nil {
		wake()
	}
}

func (h *eventHub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

func (h *eventHub) publish(ev *testEvent) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch, wake := range h.subs {
		ch <- ev
		notify(wake)
	}
}

// publishBatch queues evs for every subscriber, then wakes it once: a
// subscriber that fell behind finds them all waiting.
func (h *eventHub) publishBatch(evs []*testEvent) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch, wake := range h.subs {
		for _, ev := range evs {
			ch <- ev
		}
		notify(wake)
	}
}

// closeAll ends every stream, as the feed does when a member leaves.
func (h *eventHub) closeAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch, wake := range h.subs {
		delete(h.subs, ch)
		close(ch)
		notify(wake)
	}
}

func newEventsSchema(h *eventHub) graphql.ExecutableSchema {
	schema := gqlparser.MustLoadSchema(&ast.Source{Name: "events.graphqls", Input: eventsSDL})
	return &graphql.ExecutableSchemaMock{
		SchemaFunc: func() *ast.Schema { return schema },
		ComplexityFunc: func(context.Context, string, string, int, map[string]any) (int, bool) {
			return 0, false
		},
		ExecFunc: func(ctx context.Context) graphql.ResponseHandler {
			oc := graphql.GetOperationContext(ctx)
			if oc.Operation.Operation != ast.Subscription {
				return graphql.OneShot(&graphql.Response{Data: []byte(`{"ok":true}`)})
			}
			f := graphql.CollectFields(oc, oc.Operation.SelectionSet, []string{"Subscription"})[0]
			ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Subscription"})
			next := graphql.ResolveFieldStream(ctx, oc, f,
				func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
					return &graphql.FieldContext{Object: "Subscription", Field: field, IsMethod: true, IsResolver: true}, nil
				},
				func(ctx context.Context) (any, error) { return h.resolve(ctx) },
				nil,
				func(ctx context.Context, sel ast.SelectionSet, ev *testEvent) graphql.Marshaler {
					return marshalEvent(ctx, oc, sel, ev, h)
				},
				true, true)
			var buf bytes.Buffer
			return func(ctx context.Context) *graphql.Response {
				buf.Reset()
				data := next(ctx)
				if data == nil {
					return nil
				}
				data.MarshalGQL(&buf)
				return &graphql.Response{Data: bytes.Clone(buf.Bytes())}
			}
		},
	}
}

func marshalEvent(ctx context.Context, oc *graphql.OperationContext, sel ast.SelectionSet, ev *testEvent, h *eventHub) graphql.Marshaler {
	fields := graphql.CollectFields(oc, sel, []string{"Event"})
	out := graphql.NewFieldSet(fields)
	for i, f := range fields {
		scalar := func(isResolver bool, resolve func(ctx context.Context) (any, error)) graphql.Marshaler {
			return graphql.ResolveField(ctx, oc, f,
				func(_ context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
					return graphql.NewScalarFieldContext("Event", field, isResolver, isResolver, "String")
				},
				resolve, nil,
				func(_ context.Context, _ ast.SelectionSet, v string) graphql.Marshaler {
					return graphql.MarshalString(v)
				},
				true, true)
		}
		switch f.Name {
		case "__typename":
			out.Values[i] = graphql.MarshalString("Event")
		case "id":
			out.Values[i] = scalar(false, func(context.Context) (any, error) { return strconv.Itoa(ev.ID), nil })
		case "title":
			out.Values[i] = scalar(false, func(context.Context) (any, error) {
				h.titles.Add(1)
				return ev.Title, nil
			})
		case "viewer":
			out.Values[i] = scalar(true, func(ctx context.Context) (any, error) {
				h.viewers.Add(1)
				v, _ := ctx.Value(viewerKey{}).(string)
				return v, nil
			})
		case "note":
			// Alice's alone; flagged like a struct field read.
			out.Values[i] = graphql.ResolveField(ctx, oc, f,
				func(_ context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
					return graphql.NewScalarFieldContext("Event", field, false, false, "String")
				},
				func(ctx context.Context) (any, error) {
					if h.noteGate != nil {
						<-h.noteGate
					}
					h.notes.Add(1)
					if v, _ := ctx.Value(viewerKey{}).(string); v == "alice" {
						return ptr("for alice only"), nil
					}
					return (*string)(nil), nil
				}, nil,
				func(_ context.Context, _ ast.SelectionSet, v *string) graphql.Marshaler {
					if v == nil {
						return graphql.Null
					}
					return graphql.MarshalString(*v)
				},
				true, false)
		}
	}
	out.Dispatch(ctx)
	return out
}

// viewerInit takes the viewer's name from connection_init, as the real
// WSInit takes it from the token.
func viewerInit(ctx context.Context, _ *http.Request, p transport.InitPayload) (context.Context, error) {
	return context.WithValue(ctx, viewerKey{}, p.GetString("user")), nil
}

func newEventsServer(t *testing.T, h *eventHub, opts Options) *httptest.Server {
	t.Helper()
	if opts.Logger == nil {
		opts.Logger = discardLogger()
	}
	ts := httptest.NewServer(New(newEventsSchema(h), opts))
	t.Cleanup(ts.Close)
	return ts
}

func initAs(t *testing.T, ts *httptest.Server, user string) *websocket.Conn {
	t.Helper()
	c := mustDial(t, ts, nil)
	send(t, c, map[string]any{"type": "connection_init", "payload": map[string]any{"user": user}})
	expect(t, c, "connection_ack", "", "")
	return c
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Subscribers of the same operation share an event's rendering when it
// selects only @shared fields, across viewers; a selection with a field
// that is not marked is rendered per subscriber and every viewer gets their
// own value.
func TestWebSocketRenderOnce(t *testing.T) { forEachMode(t, testRenderOnce) }

func testRenderOnce(t *testing.T, h *eventHub) {
	ts := newEventsServer(t, h, Options{WSInit: viewerInit})

	const plain = `subscription { events { id title } }`
	const personal = `subscription { events { id title viewer } }`
	users := []string{"alice", "bob", "carol", "dave"}
	conns := map[string]*websocket.Conn{}
	for _, u := range users {
		conns[u] = initAs(t, ts, u)
		subscribe(t, conns[u], "plain", plain)
		subscribe(t, conns[u], "personal", personal)
	}
	// Same text, other variables: not the same rendering.
	send(t, conns["alice"], map[string]any{"type": "subscribe", "id": "tagged", "payload": map[string]any{
		"query": `subscription($tag: String) { events(tag: $tag) { id title } }`, "variables": map[string]any{"tag": "x"},
	}})
	send(t, conns["bob"], map[string]any{"type": "subscribe", "id": "tagged", "payload": map[string]any{
		"query": `subscription($tag: String) { events(tag: $tag) { id title } }`, "variables": map[string]any{"tag": "y"},
	}})
	waitFor(t, "10 subscriptions", func() bool { return h.count() == 2*len(users)+2 })

	for round, ev := range []*testEvent{{ID: 1, Title: "first"}, {ID: 2, Title: "second"}} {
		h.titles.Store(0)
		h.viewers.Store(0)
		h.publish(ev)
		for _, u := range users {
			got := map[string]string{}
			n := 2
			if u == "alice" || u == "bob" {
				n = 3
			}
			for range n {
				m := read(t, conns[u])
				if m.Type != "next" {
					t.Fatalf("%s: %s %s", u, m.Type, m.Payload)
				}
				got[m.ID] = string(m.Payload)
			}
			id := strconv.Itoa(ev.ID)
			if want := fmt.Sprintf(`{"data":{"events":{"id":%q,"title":%q}}}`, id, ev.Title); got["plain"] != want {
				t.Errorf("round %d, %s plain: %s, want %s", round, u, got["plain"], want)
			}
			if want := fmt.Sprintf(`{"data":{"events":{"id":%q,"title":%q,"viewer":%q}}}`, id, ev.Title, u); got["personal"] != want {
				t.Errorf("round %d, %s personal: %s, want %s", round, u, got["personal"], want)
			}
		}
		// plain: once for all four viewers; personal: once per viewer;
		// tagged: once per variables.
		if n := h.titles.Load(); n != 1+int32(len(users))+2 {
			t.Errorf("round %d: title rendered %d times, want %d", round, n, 1+len(users)+2)
		}
		if n := h.viewers.Load(); n != int32(len(users)) {
			t.Errorf("round %d: viewer resolved %d times, want %d", round, n, len(users))
		}
	}

	// A stream that ends completes its subscriptions.
	h.closeAll()
	for _, u := range users {
		done := map[string]bool{}
		want := 2
		if u == "alice" || u == "bob" {
			want = 3
		}
		for len(done) < want {
			m := read(t, conns[u])
			if m.Type != "complete" {
				t.Fatalf("%s: %s %s", u, m.Type, m.Payload)
			}
			done[m.ID] = true
		}
	}
}

// A field that is not marked @shared is rendered for each viewer, even
// when everything gqlgen says about it (no resolver, no method) looks like
// a plain read of the event: Event.note is Alice's alone, and Bob, who
// subscribes with the same text and variables, must never get her
// rendering, whoever renders first.
func TestWebSocketUnmarkedFieldNeverShared(t *testing.T) {
	forEachMode(t, testUnmarkedFieldNeverShared)
}

func testUnmarkedFieldNeverShared(t *testing.T, h *eventHub) {
	ts := newEventsServer(t, h, Options{WSInit: viewerInit})
	const q = `subscription { events { id title note } }`
	alice, bob := initAs(t, ts, "alice"), initAs(t, ts, "bob")
	subscribe(t, alice, "1", q)
	subscribe(t, bob, "1", q)
	waitFor(t, "2 subscriptions", func() bool { return h.count() == 2 })
	for i := range 5 {
		h.notes.Store(0)
		h.publish(&testEvent{ID: i, Title: "t"})
		id := strconv.Itoa(i)
		expect(t, alice, "next", "1", `{"data":{"events":{"id":"`+id+`","title":"t","note":"for alice only"}}}`)
		expect(t, bob, "next", "1", `{"data":{"events":{"id":"`+id+`","title":"t","note":null}}}`)
		if n := h.notes.Load(); n != 2 {
			t.Fatalf("event %d: note rendered %d times, want once per viewer", i, n)
		}
	}
}

// A selection of @shared fields through a fragment, an inline fragment, an
// alias and __typename is rendered once per event for every viewer.
func TestWebSocketSharedThroughFragments(t *testing.T) { forEachMode(t, testSharedThroughFragments) }

func testSharedThroughFragments(t *testing.T, h *eventHub) {
	ts := newEventsServer(t, h, Options{WSInit: viewerInit})
	const q = `subscription Ev { events { __typename ...F ... on Event { heading: title } } }
fragment F on Event { id }`
	users := []string{"alice", "bob", "carol"}
	conns := make([]*websocket.Conn, len(users))
	for i, u := range users {
		conns[i] = initAs(t, ts, u)
		subscribe(t, conns[i], "1", q)
	}
	waitFor(t, "subscriptions", func() bool { return h.count() == len(users) })
	for i := range 3 {
		h.titles.Store(0)
		h.publish(&testEvent{ID: i, Title: "t"})
		for _, c := range conns {
			expect(t, c, "next", "1", `{"data":{"events":{"__typename":"Event","id":"`+strconv.Itoa(i)+`","heading":"t"}}}`)
		}
		if n := h.titles.Load(); n != 1 {
			t.Fatalf("event %d: rendered %d times for %d viewers, want once", i, n, len(users))
		}
	}
}

// Many subscribers of one operation, each with their own channel: every
// one receives every event, and the shared rendering runs once per event.
func TestWebSocketRenderOnceFanOut(t *testing.T) { forEachMode(t, testRenderOnceFanOut) }

func testRenderOnceFanOut(t *testing.T, h *eventHub) {
	ts := newEventsServer(t, h, Options{})
	const n = 100
	conns := make([]*websocket.Conn, n)
	for i := range conns {
		conns[i] = initAs(t, ts, "")
		subscribe(t, conns[i], "1", `subscription { events { title } }`)
	}
	waitFor(t, "subscriptions", func() bool { return h.count() == n })
	for ev := range 3 {
		h.publish(&testEvent{ID: ev, Title: "t" + strconv.Itoa(ev)})
	}
	for i, c := range conns {
		for ev := range 3 {
			expect(t, c, "next", "1", `{"data":{"events":{"title":"t`+strconv.Itoa(ev)+`"}}}`)
		}
		_ = i
	}
	if got := h.titles.Load(); got != 3 {
		t.Fatalf("title rendered %d times for 3 events, want 3", got)
	}
}

func TestRenderCacheEvicts(t *testing.T) {
	rc := newRenderCache()
	for i := range 3 * renderCacheSize {
		ev := &testEvent{ID: i}
		b, ok := rc.render(t.Context().Done(), "op", reflectValue(ev), func() ([]byte, bool) { return []byte("x"), true })
		if !ok || string(b) != "x" {
			t.Fatalf("render %d: %q %v", i, b, ok)
		}
	}
	if len(rc.entries) != renderCacheSize {
		t.Fatalf("%d entries, want %d", len(rc.entries), renderCacheSize)
	}
}

func TestWebSocketRenderPanicIsAnError(t *testing.T) { forEachMode(t, testRenderPanicIsAnError) }

func testRenderPanicIsAnError(t *testing.T, h *eventHub) {
	ts := newEventsServer(t, h, Options{})
	c := initAs(t, ts, "")
	subscribe(t, c, "1", `subscription { events { id } }`)
	waitFor(t, "subscription", func() bool { return h.count() == 1 })
	h.publish(nil) // a nil event: the renderer dereferences it
	m := read(t, c)
	if m.Type != "next" && m.Type != "error" {
		t.Fatalf("got %s %s", m.Type, m.Payload)
	}
	var p json.RawMessage = m.Payload
	if !bytes.Contains(p, []byte("INTERNAL")) {
		t.Fatalf("payload %s, want an internal error", p)
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

func reflectValue(v any) reflect.Value { return reflect.ValueOf(v) }

func ptr[T any](v T) *T { return &v }
