package gqlserver

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"

	"github.com/woowtech/woow-paas/errs"
)

type wsMessage struct {
	Type    string          `json:"type"`
	ID      string          `json:"id,omitempty"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

func wsURL(ts *httptest.Server) string { return "ws" + strings.TrimPrefix(ts.URL, "http") }

func dial(tb testing.TB, ts *httptest.Server, header http.Header, subprotocols ...string) (*websocket.Conn, *http.Response, error) {
	tb.Helper()
	if subprotocols == nil {
		subprotocols = []string{graphqlTransportWS}
	}
	d := websocket.Dialer{Subprotocols: subprotocols, HandshakeTimeout: 5 * time.Second}
	c, resp, err := d.Dial(wsURL(ts), header)
	if c != nil {
		tb.Cleanup(func() { _ = c.Close() })
	}
	return c, resp, err
}

func mustDial(tb testing.TB, ts *httptest.Server, header http.Header) *websocket.Conn {
	tb.Helper()
	c, _, err := dial(tb, ts, header)
	if err != nil {
		tb.Fatalf("dial: %v", err)
	}
	if c.Subprotocol() != graphqlTransportWS {
		tb.Fatalf("subprotocol %q", c.Subprotocol())
	}
	return c
}

func send(tb testing.TB, c *websocket.Conn, m any) {
	tb.Helper()
	if err := c.WriteJSON(m); err != nil {
		tb.Fatalf("write: %v", err)
	}
}

func read(tb testing.TB, c *websocket.Conn) wsMessage {
	tb.Helper()
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	var m wsMessage
	if err := c.ReadJSON(&m); err != nil {
		tb.Fatalf("read: %v", err)
	}
	return m
}

func expect(tb testing.TB, c *websocket.Conn, typ, id, payload string) {
	tb.Helper()
	m := read(tb, c)
	if m.Type != typ || m.ID != id {
		tb.Fatalf("got %s/%s %s, want %s/%s", m.Type, m.ID, m.Payload, typ, id)
	}
	if payload != "" && string(m.Payload) != payload {
		tb.Fatalf("%s payload = %s, want %s", typ, m.Payload, payload)
	}
}

// readClose reads until the server closes and returns the close error.
func readClose(tb testing.TB, c *websocket.Conn, within time.Duration) *websocket.CloseError {
	tb.Helper()
	_ = c.SetReadDeadline(time.Now().Add(within))
	for {
		_, b, err := c.ReadMessage()
		if err == nil {
			tb.Logf("message before close: %s", b)
			continue
		}
		var ce *websocket.CloseError
		if !errors.As(err, &ce) {
			tb.Fatalf("want a close frame, got %v", err)
		}
		return ce
	}
}

func subscribe(tb testing.TB, c *websocket.Conn, id, query string) {
	tb.Helper()
	send(tb, c, map[string]any{"type": "subscribe", "id": id, "payload": map[string]any{"query": query}})
}

func authOptions() Options {
	return Options{
		WSInit: func(ctx context.Context, r *http.Request, p transport.InitPayload) (context.Context, error) {
			if r == nil || r.Header.Get("X-Test") != "upgrade-header" {
				return nil, errors.New("upgrade request not passed")
			}
			if p.Authorization() != "Bearer good" {
				return nil, errs.E(errs.Unauthenticated, "invalid token")
			}
			return context.WithValue(ctx, viewerKey{}, "alice"), nil
		},
	}
}

func TestWebSocketSubscription(t *testing.T) {
	ts, _ := newTestServer(t, authOptions())
	c := mustDial(t, ts, http.Header{"X-Test": {"upgrade-header"}})

	send(t, c, map[string]any{"type": "connection_init", "payload": map[string]any{"authorization": "Bearer good"}})
	expect(t, c, "connection_ack", "", "")

	subscribe(t, c, "1", `subscription { ticks(n: 3) }`)
	for _, want := range []string{`{"data":{"ticks":1}}`, `{"data":{"ticks":2}}`, `{"data":{"ticks":3}}`} {
		expect(t, c, "next", "1", want)
	}
	expect(t, c, "complete", "1", "")

	// The context WSInit returned reaches the resolvers.
	subscribe(t, c, "2", `subscription { viewer }`)
	expect(t, c, "next", "2", `{"data":{"viewer":"alice"}}`)
	expect(t, c, "complete", "2", "")

	// Queries work too.
	subscribe(t, c, "3", `{ name }`)
	expect(t, c, "next", "3", `{"data":{"name":"test"}}`)
	expect(t, c, "complete", "3", "")

	// Request errors are "error" messages, the limits included.
	subscribe(t, c, "4", `{ nope }`)
	m := read(t, c)
	if m.Type != "error" || m.ID != "4" || !strings.Contains(string(m.Payload), "GRAPHQL_VALIDATION_FAILED") {
		t.Fatalf("validation error: %+v %s", m, m.Payload)
	}
	// gqlgen follows "error" with "complete", which the protocol does not
	// ask for (clients ignore it).
	expect(t, c, "complete", "4", "")
	subscribe(t, c, "5", `{ node { child { child { child { child { child { child { child { child { child { child { child { child { child { child { id } } } } } } } } } } } } } } } }`)
	m = read(t, c)
	if m.Type != "error" || m.ID != "5" || !strings.Contains(string(m.Payload), CodeDepthLimit) {
		t.Fatalf("depth error: %+v %s", m, m.Payload)
	}
	expect(t, c, "complete", "5", "")

	// Protocol ping/pong.
	send(t, c, map[string]any{"type": "ping"})
	expect(t, c, "pong", "", "")

	// The client completes a running subscription.
	subscribe(t, c, "6", `subscription { forever }`)
	expect(t, c, "next", "6", `{"data":{"forever":0}}`)
	send(t, c, map[string]any{"type": "complete", "id": "6"})
	expect(t, c, "complete", "6", "")
}

func TestWebSocketInitRejected(t *testing.T) {
	ts, logs := newTestServer(t, authOptions())
	t.Run("domain error", func(t *testing.T) {
		c := mustDial(t, ts, http.Header{"X-Test": {"upgrade-header"}})
		send(t, c, map[string]any{"type": "connection_init", "payload": map[string]any{"authorization": "Bearer bad"}})
		ce := readClose(t, c, 5*time.Second)
		if ce.Code != 4403 || ce.Text != "invalid token" {
			t.Fatalf("close %d %q, want 4403 \"invalid token\"", ce.Code, ce.Text)
		}
	})
	t.Run("other error", func(t *testing.T) {
		c := mustDial(t, ts, nil)
		send(t, c, map[string]any{"type": "connection_init", "payload": map[string]any{"authorization": "Bearer good"}})
		ce := readClose(t, c, 5*time.Second)
		if ce.Code != 4403 || ce.Text != "Forbidden" {
			t.Fatalf("close %d %q, want 4403 Forbidden", ce.Code, ce.Text)
		}
		if !strings.Contains(logs.String(), "upgrade request not passed") {
			t.Fatalf("not logged: %s", logs)
		}
	})
	t.Run("subscribe before init", func(t *testing.T) {
		c := mustDial(t, ts, nil)
		subscribe(t, c, "1", `subscription { viewer }`)
		// PROTOCOL.md: a subscribe before connection_ack closes with 4401.
		ce := readClose(t, c, 5*time.Second)
		if ce.Code != 4401 {
			t.Fatalf("close %d %q, want 4401", ce.Code, ce.Text)
		}
	})
}

func TestWebSocketOrigin(t *testing.T) {
	t.Run("default policy", func(t *testing.T) {
		ts, _ := newTestServer(t, Options{})
		for _, origin := range []string{"http://evil.example", "null", "http://127.0.0.1.evil.example"} {
			_, resp, err := dial(t, ts, http.Header{"Origin": {origin}})
			if err == nil || resp == nil || resp.StatusCode != http.StatusForbidden {
				t.Fatalf("origin %q: err %v, resp %v", origin, err, resp)
			}
		}
		// Same host, and no Origin at all (not a browser), are fine.
		for _, h := range []http.Header{{"Origin": {ts.URL}}, nil} {
			c := mustDial(t, ts, h)
			send(t, c, map[string]any{"type": "connection_init"})
			expect(t, c, "connection_ack", "", "")
		}
	})
	t.Run("AllowedOrigin", func(t *testing.T) {
		ts, _ := newTestServer(t, Options{AllowedOrigin: func(r *http.Request, origin string) bool {
			return origin == "https://app.example"
		}})
		mustDial(t, ts, http.Header{"Origin": {"https://app.example"}})
		_, resp, err := dial(t, ts, http.Header{"Origin": {ts.URL}})
		if err == nil || resp.StatusCode != http.StatusForbidden {
			t.Fatalf("same host not refused by AllowedOrigin: %v", err)
		}
	})
}

func TestWebSocketSubprotocolRequired(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for _, protos := range [][]string{{}, {"graphql-ws"}} {
		_, resp, err := dial(t, ts, nil, protos...)
		if err == nil || resp == nil || resp.StatusCode != http.StatusBadRequest {
			t.Fatalf("subprotocols %v: err %v resp %v", protos, err, resp)
		}
	}
}

func TestWebSocketInitTimeout(t *testing.T) {
	ts, _ := newTestServer(t, Options{WSInitTimeout: 200 * time.Millisecond})
	c := mustDial(t, ts, nil)
	start := time.Now()
	ce := readClose(t, c, 5*time.Second)
	if ce.Code != 4408 {
		t.Fatalf("close %d %q, want 4408", ce.Code, ce.Text)
	}
	if d := time.Since(start); d < 150*time.Millisecond || d > 3*time.Second {
		t.Fatalf("closed after %s", d)
	}
}

func TestWebSocketPayloadLimit(t *testing.T) {
	ts, _ := newTestServer(t, Options{WSPayloadLimit: 512})
	c := mustDial(t, ts, nil)
	send(t, c, map[string]any{"type": "connection_init"})
	expect(t, c, "connection_ack", "", "")
	subscribe(t, c, "1", "{ name "+strings.Repeat(" ", 1024)+"}")
	ce := readClose(t, c, 5*time.Second)
	if ce.Code != websocket.CloseMessageTooBig {
		t.Fatalf("close %d %q, want 1009", ce.Code, ce.Text)
	}
}

func TestWebSocketKeepAlive(t *testing.T) {
	ts, _ := newTestServer(t, Options{KeepAlive: 100 * time.Millisecond})
	c := mustDial(t, ts, nil)
	send(t, c, map[string]any{"type": "connection_init"})
	expect(t, c, "connection_ack", "", "")

	// Answered pings keep the connection open.
	for range 3 {
		expect(t, c, "ping", "", "")
		send(t, c, map[string]any{"type": "pong"})
	}
	subscribe(t, c, "1", `{ name }`)
	for {
		m := read(t, c)
		if m.Type == "next" {
			break
		}
		if m.Type != "ping" {
			t.Fatalf("unexpected %+v", m)
		}
		send(t, c, map[string]any{"type": "pong"})
	}

	// A client that stops answering is dropped within two intervals.
	start := time.Now()
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		_, _, err := c.ReadMessage()
		if err != nil {
			var ne interface{ Timeout() bool }
			if errors.As(err, &ne) && ne.Timeout() {
				t.Fatalf("server kept a silent client: %v", err)
			}
			break
		}
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("dropped after %s", d)
	}
}

// Modelled on gqlgen's chat example test: many concurrent subscriptions, then
// no goroutine left behind once the clients are gone.
func TestWebSocketNoGoroutineLeak(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	before := runtime.NumGoroutine()

	const n = 200
	conns := make([]*websocket.Conn, n)
	var wg sync.WaitGroup
	errc := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			d := websocket.Dialer{Subprotocols: []string{graphqlTransportWS}, HandshakeTimeout: 5 * time.Second}
			c, _, err := d.Dial(wsURL(ts), nil)
			if err != nil {
				errc <- err
				return
			}
			conns[i] = c
			_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
			var m wsMessage
			if err := c.WriteJSON(map[string]any{"type": "connection_init"}); err != nil {
				errc <- err
				return
			}
			if err := c.ReadJSON(&m); err != nil || m.Type != "connection_ack" {
				errc <- errors.New("no ack")
				return
			}
			if err := c.WriteJSON(map[string]any{"type": "subscribe", "id": "1", "payload": map[string]any{"query": "subscription { forever }"}}); err != nil {
				errc <- err
				return
			}
			if err := c.ReadJSON(&m); err != nil || m.Type != "next" {
				errc <- errors.New("no next")
			}
		})
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Fatal(err)
	}
	if during := runtime.NumGoroutine(); during < before+n {
		t.Fatalf("only %d goroutines for %d subscriptions (before: %d)", during, n, before)
	}
	for _, c := range conns {
		_ = c.Close()
	}

	deadline := time.Now().Add(10 * time.Second)
	for {
		after := runtime.NumGoroutine()
		if after <= before+5 {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines before, %d after closing:\n%s", before, after, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// The close codes of graphql-transport-ws (PROTOCOL.md) for misbehaving
// clients.
func TestWebSocketProtocolErrors(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	acked := func(t *testing.T) *websocket.Conn {
		c := mustDial(t, ts, nil)
		send(t, c, map[string]any{"type": "connection_init"})
		expect(t, c, "connection_ack", "", "")
		return c
	}
	for _, tc := range []struct {
		name string
		do   func(t *testing.T, c *websocket.Conn)
		code int
	}{
		{"second connection_init", func(t *testing.T, c *websocket.Conn) {
			send(t, c, map[string]any{"type": "connection_init"})
		}, 4429},
		{"duplicate subscription id", func(t *testing.T, c *websocket.Conn) {
			subscribe(t, c, "1", `subscription { forever }`)
			expect(t, c, "next", "1", `{"data":{"forever":0}}`)
			subscribe(t, c, "1", `subscription { forever }`)
		}, 4409},
		{"not JSON", func(t *testing.T, c *websocket.Conn) {
			if err := c.WriteMessage(websocket.TextMessage, []byte("{nope")); err != nil {
				t.Fatal(err)
			}
		}, 4400},
		{"unknown type", func(t *testing.T, c *websocket.Conn) {
			send(t, c, map[string]any{"type": "next", "id": "1"})
		}, 4400},
		{"subscribe without id", func(t *testing.T, c *websocket.Conn) {
			send(t, c, map[string]any{"type": "subscribe", "payload": map[string]any{"query": "{ name }"}})
		}, 4400},
		{"subscribe payload not an object", func(t *testing.T, c *websocket.Conn) {
			send(t, c, map[string]any{"type": "subscribe", "id": "1", "payload": []int{1}})
		}, 4400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := acked(t)
			tc.do(t, c)
			if ce := readClose(t, c, 5*time.Second); ce.Code != tc.code {
				t.Fatalf("close %d %q, want %d", ce.Code, ce.Text, tc.code)
			}
		})
	}
	t.Run("init payload not an object", func(t *testing.T) {
		c := mustDial(t, ts, nil)
		send(t, c, map[string]any{"type": "connection_init", "payload": "x"})
		if ce := readClose(t, c, 5*time.Second); ce.Code != 4400 {
			t.Fatalf("close %d %q, want 4400", ce.Code, ce.Text)
		}
	})
}

func TestWebSocketPingPongAndIDReuse(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	c := mustDial(t, ts, nil)
	// A ping is answered even before connection_init, with its payload.
	send(t, c, map[string]any{"type": "ping", "payload": map[string]any{"n": 1}})
	expect(t, c, "pong", "", `{"n":1}`)
	send(t, c, map[string]any{"type": "connection_init"})
	expect(t, c, "connection_ack", "", "")
	// A pong nobody asked for is fine.
	send(t, c, map[string]any{"type": "pong"})

	// The id of a completed subscription can be used again at once.
	for range 3 {
		subscribe(t, c, "a", `subscription { forever }`)
		expect(t, c, "next", "a", `{"data":{"forever":0}}`)
		send(t, c, map[string]any{"type": "complete", "id": "a"})
		expect(t, c, "complete", "a", "")
	}
	// Completing an unknown id is ignored.
	send(t, c, map[string]any{"type": "complete", "id": "zzz"})
	send(t, c, map[string]any{"type": "ping"})
	expect(t, c, "pong", "", "")
}

// Mutations run over the socket as well, and variables and operation names
// are honoured.
func TestWebSocketMutationAndVariables(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	c := mustDial(t, ts, nil)
	send(t, c, map[string]any{"type": "connection_init"})
	expect(t, c, "connection_ack", "", "")
	send(t, c, map[string]any{"type": "subscribe", "id": "m", "payload": map[string]any{
		"query": `mutation Set($n: String!) { setName(name: $n) } query Q { name }`, "operationName": "Set",
		"variables": map[string]any{"n": "x"},
	}})
	expect(t, c, "next", "m", `{"data":{"setName":"x"}}`)
	expect(t, c, "complete", "m", "")
}

func TestWebSocketSubscriptionLimit(t *testing.T) {
	ts, _ := newTestServer(t, Options{MaxSubscriptionsPerConn: 2})
	c := mustDial(t, ts, nil)
	send(t, c, map[string]any{"type": "connection_init"})
	expect(t, c, "connection_ack", "", "")
	for _, id := range []string{"1", "2"} {
		subscribe(t, c, id, `subscription { forever }`)
		expect(t, c, "next", id, `{"data":{"forever":0}}`)
	}
	subscribe(t, c, "3", `subscription { forever }`)
	m := read(t, c)
	if m.Type != "next" || m.ID != "3" || !strings.Contains(string(m.Payload), "TOO_MANY_REQUESTS") {
		t.Fatalf("third subscription: %s %s %s", m.Type, m.ID, m.Payload)
	}
	expect(t, c, "complete", "3", "")
	// Completing one frees its place.
	send(t, c, map[string]any{"type": "complete", "id": "1"})
	expect(t, c, "complete", "1", "")
	deadline := time.Now().Add(5 * time.Second)
	for {
		subscribe(t, c, "4", `subscription { forever }`)
		m := read(t, c)
		if m.Type == "next" && string(m.Payload) == `{"data":{"forever":0}}` {
			break
		}
		expect(t, c, "complete", "4", "")
		if time.Now().After(deadline) {
			t.Fatalf("place not freed: %s", m.Payload)
		}
	}
}

// Options.Shutdown closes every socket with 1001, so graphql-ws clients
// reconnect elsewhere, and their goroutines end.
func TestWebSocketShutdown(t *testing.T) {
	shutdown, stop := context.WithCancel(t.Context())
	ts, _ := newTestServer(t, Options{Shutdown: shutdown})
	before := runtime.NumGoroutine()
	var conns []*websocket.Conn
	for range 10 {
		c := mustDial(t, ts, nil)
		send(t, c, map[string]any{"type": "connection_init"})
		expect(t, c, "connection_ack", "", "")
		subscribe(t, c, "1", `subscription { forever }`)
		expect(t, c, "next", "1", `{"data":{"forever":0}}`)
		conns = append(conns, c)
	}
	// Not yet acknowledged sockets are closed too.
	pending := mustDial(t, ts, nil)
	stop()
	for _, c := range append(conns, pending) {
		if ce := readClose(t, c, 5*time.Second); ce.Code != websocket.CloseGoingAway {
			t.Fatalf("close %d %q, want 1001", ce.Code, ce.Text)
		}
	}
	waitGoroutines(t, before)
}

// An idle socket with a subscription costs two goroutines (its reader and
// the subscription's), not net/http's connection goroutine and gqlgen's
// four.
func TestWebSocketGoroutinesPerConnection(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	before := runtime.NumGoroutine()
	const n = 50
	conns := make([]*websocket.Conn, n)
	for i := range conns {
		c := mustDial(t, ts, nil)
		send(t, c, map[string]any{"type": "connection_init"})
		expect(t, c, "connection_ack", "", "")
		subscribe(t, c, "1", `subscription { forever }`)
		expect(t, c, "next", "1", `{"data":{"forever":0}}`)
		conns[i] = c
	}
	// The client side of each connection has no goroutine of its own here
	// (gorilla's client reads on the caller's goroutine).
	time.Sleep(50 * time.Millisecond)
	if per := float64(runtime.NumGoroutine()-before) / n; per > 2.1 {
		t.Fatalf("%.2f goroutines per connection, want 2", per)
	}
	for _, c := range conns {
		_ = c.Close()
	}
	waitGoroutines(t, before)
}

// waitGoroutines waits until the goroutine count is back to about before.
func waitGoroutines(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		after := runtime.NumGoroutine()
		if after <= before+3 {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines before, %d after:\n%s", before, after, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// When the context WSInit returned ends (the session it authenticated
// ended), the connection closes with the code its cause names, its
// operations end, and nothing is left behind.
func TestWebSocketClosesWhenInitContextEnds(t *testing.T) {
	for _, tt := range []struct {
		name   string
		cause  error
		code   int
		reason string
	}{
		{"session ended", errs.E(errs.Unauthenticated, "your session has ended"), 4401, "your session has ended"},
		{"access withdrawn", errs.E(errs.Forbidden, "account disabled"), 4403, "account disabled"},
		{"other", errors.New("internal detail"), websocket.CloseGoingAway, "connection ended"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var end context.CancelCauseFunc
			ready := make(chan struct{})
			ts, _ := newTestServer(t, Options{
				WSInit: func(ctx context.Context, r *http.Request, p transport.InitPayload) (context.Context, error) {
					ctx, end = context.WithCancelCause(ctx)
					close(ready)
					return ctx, nil
				},
			})
			before := runtime.NumGoroutine()
			c := mustDial(t, ts, nil)
			send(t, c, map[string]any{"type": "connection_init"})
			expect(t, c, "connection_ack", "", "")
			<-ready
			subscribe(t, c, "1", `subscription { forever }`)
			expect(t, c, "next", "1", `{"data":{"forever":0}}`)
			end(tt.cause)
			// The close comes first: a "complete" before it would read
			// as the server's answer (graphql-ws clients then stop
			// instead of learning why).
			_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
			_, msg, err := c.ReadMessage()
			ce, ok := errors.AsType[*websocket.CloseError](err)
			if !ok {
				t.Fatalf("after the end: message %s, error %v; want the close", msg, err)
			}
			if ce.Code != tt.code || ce.Text != tt.reason {
				t.Fatalf("close %d %q, want %d %q", ce.Code, ce.Text, tt.code, tt.reason)
			}
			c.Close()
			waitGoroutines(t, before)
		})
	}
}
