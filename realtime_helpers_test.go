package main

// Helpers of the real-time tests (realtime_test.go): a graphql-transport-ws
// client on gorilla/websocket, an SSE reader, the activity entries the
// subscriptions deliver, and a TCP proxy that can cut the server off from
// PostgreSQL.

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// The operations of the real-time tests.
const (
	activitySubscription = `subscription($ws: ID!) { activity(workspaceId: $ws) { id verb summary actor { name } } }`
	activityQuery        = `query($ws: ID!, $first: Int) { activity(workspaceId: $ws, first: $first) { totalCount edges { node { id verb summary actor { name } } } } }`
	dashboardQuery       = `{ dashboard { workspaces members openTasks servicesByState { state count } smartHomesByTunnelStatus { state count } recentActivity(first: 50) { totalCount edges { node { id verb summary actor { name } } } } } }`
	describeWorkspaceMut = `mutation($id: ID!, $d: String) { updateWorkspace(input: {id: $id, description: $d}) { workspace { id } } }`
)

// wsMsg is one graphql-transport-ws message.
type wsMsg struct {
	Type    string          `json:"type"`
	ID      string          `json:"id,omitempty"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

func (m wsMsg) String() string {
	s := m.Type
	if m.ID != "" {
		s += "/" + m.ID
	}
	if len(m.Payload) > 0 {
		s += " " + string(m.Payload)
	}
	return s
}

// entry is an activity entry as the operations above select it.
type entry struct {
	ID      string `json:"id"`
	Verb    string `json:"verb"`
	Summary string `json:"summary"`
	Actor   *struct {
		Name string `json:"name"`
	} `json:"actor"`
}

func (e entry) actorName() string {
	if e.Actor == nil {
		return "<null>"
	}
	return e.Actor.Name
}

// wsClient is one graphql-transport-ws connection. A reader goroutine
// answers the server's pings and queues every other message; it ends (and
// closes msgs) when the connection does.
type wsClient struct {
	name string
	c    *websocket.Conn
	wmu  sync.Mutex
	msgs chan wsMsg
	done chan struct{}
	err  error // why the reader ended; read after done
}

// wsDial describes an upgrade request.
type wsDial struct {
	token  string // the woow_session cookie, if any
	origin string // the Origin header, if any
}

func wsURL(base string) string { return "ws" + strings.TrimPrefix(base, "http") + "/query" }

// dialWS opens a graphql-transport-ws connection to base's /query. The
// connection is closed at the end of the test at the latest.
func dialWS(t testing.TB, base, name string, o wsDial) (*wsClient, *http.Response, error) {
	t.Helper()
	h := http.Header{}
	if o.token != "" {
		h.Set("Cookie", "woow_session="+o.token)
	}
	if o.origin != "" {
		h.Set("Origin", o.origin)
	}
	d := websocket.Dialer{Subprotocols: []string{"graphql-transport-ws"}, HandshakeTimeout: 10 * time.Second}
	c, resp, err := d.Dial(wsURL(base), h)
	if err != nil {
		return nil, resp, err
	}
	w := &wsClient{name: name, c: c, msgs: make(chan wsMsg, 4096), done: make(chan struct{})}
	go w.read()
	t.Cleanup(func() { w.Close() })
	return w, resp, nil
}

// mustDialWS dials and initialises a connection with the init payload
// (nil: an empty one) and waits for connection_ack.
func mustDialWS(t testing.TB, base, name string, o wsDial, init map[string]any) *wsClient {
	t.Helper()
	w, resp, err := dialWS(t, base, name, o)
	if err != nil {
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		t.Fatalf("%s: websocket upgrade: %v (status %d)", name, err, status)
	}
	if p := w.c.Subprotocol(); p != "graphql-transport-ws" {
		t.Fatalf("%s: negotiated subprotocol %q", name, p)
	}
	w.send(t, map[string]any{"type": "connection_init", "payload": init})
	if m := w.recv(t, 10*time.Second); m.Type != "connection_ack" {
		t.Fatalf("%s: got %v after connection_init, want connection_ack", name, m)
	}
	return w
}

func (w *wsClient) read() {
	defer close(w.done)
	defer close(w.msgs)
	for {
		var m wsMsg
		if err := w.c.ReadJSON(&m); err != nil {
			w.err = err
			return
		}
		switch m.Type {
		case "ping":
			w.wmu.Lock()
			_ = w.c.SetWriteDeadline(time.Now().Add(10 * time.Second))
			_ = w.c.WriteJSON(map[string]any{"type": "pong"})
			w.wmu.Unlock()
		case "pong":
		default:
			w.msgs <- m
		}
	}
}

// Close closes the network connection (no close frame: the client is
// simply gone) and waits for the reader.
func (w *wsClient) Close() {
	_ = w.c.Close()
	<-w.done
}

func (w *wsClient) send(t testing.TB, m any) {
	t.Helper()
	w.wmu.Lock()
	defer w.wmu.Unlock()
	_ = w.c.SetWriteDeadline(time.Now().Add(10 * time.Second))
	if err := w.c.WriteJSON(m); err != nil {
		t.Fatalf("%s: writing %v: %v", w.name, m, err)
	}
}

func (w *wsClient) subscribe(t testing.TB, id, query string, vars map[string]any) {
	t.Helper()
	w.send(t, map[string]any{"type": "subscribe", "id": id, "payload": map[string]any{"query": query, "variables": vars}})
}

func (w *wsClient) subscribeActivity(t testing.TB, id, wsID string) {
	t.Helper()
	w.subscribe(t, id, activitySubscription, map[string]any{"ws": wsID})
}

// recv returns the next message, failing the test when none arrives
// within d or the connection ends.
func (w *wsClient) recv(t testing.TB, d time.Duration) wsMsg {
	t.Helper()
	m, ok, timedOut := w.tryRecv(d)
	switch {
	case timedOut:
		t.Fatalf("%s: no message within %s", w.name, d)
	case !ok:
		t.Fatalf("%s: connection ended while waiting for a message: %v", w.name, w.err)
	}
	return m
}

// tryRecv returns the next message within d; ok is false when the
// connection ended.
func (w *wsClient) tryRecv(d time.Duration) (m wsMsg, ok, timedOut bool) {
	select { // a queued message first, even when d is 0
	case m, ok = <-w.msgs:
		return m, ok, false
	default:
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case m, ok = <-w.msgs:
		return m, ok, false
	case <-timer.C:
		return wsMsg{}, true, true
	}
}

// expectSilence fails the test if a message arrives within d.
func (w *wsClient) expectSilence(t testing.TB, d time.Duration, why string) {
	t.Helper()
	if m, ok, timedOut := w.tryRecv(d); !timedOut {
		if ok {
			t.Errorf("%s: %s: got %v, want nothing", w.name, why, m)
		} else {
			t.Errorf("%s: %s: connection ended (%v), want it open and silent", w.name, why, w.err)
		}
	}
}

// nextEntry reads the next message, which must be a "next" for id
// carrying an activity entry without errors.
func (w *wsClient) nextEntry(t testing.TB, id string, d time.Duration) entry {
	t.Helper()
	m := w.recv(t, d)
	e, err := entryOf(m, id)
	if err != nil {
		t.Fatalf("%s: %v", w.name, err)
	}
	return e
}

func entryOf(m wsMsg, id string) (entry, error) {
	if m.Type != "next" || m.ID != id {
		return entry{}, errors.New("got " + m.String() + ", want next/" + id + " with an activity entry")
	}
	var p struct {
		Data struct {
			Activity *entry `json:"activity"`
		} `json:"data"`
		Errors []gqlErr `json:"errors"`
	}
	if err := json.Unmarshal(m.Payload, &p); err != nil || len(p.Errors) > 0 || p.Data.Activity == nil {
		return entry{}, errors.New("got " + m.String() + ", want an activity entry without errors")
	}
	return *p.Data.Activity, nil
}

// opErrors returns the GraphQL errors of an "error" message (a list) or of
// a "next" message (the result's errors).
func opErrors(m wsMsg) []gqlErr {
	var errs []gqlErr
	switch m.Type {
	case "error":
		_ = json.Unmarshal(m.Payload, &errs)
	case "next":
		var p struct {
			Errors []gqlErr `json:"errors"`
		}
		_ = json.Unmarshal(m.Payload, &p)
		errs = p.Errors
	}
	return errs
}

// expectClosed waits up to d for the server to close the connection and
// returns its close frame (nil when it ended without one).
func (w *wsClient) expectClosed(t testing.TB, d time.Duration) *websocket.CloseError {
	t.Helper()
	deadline := time.After(d)
	for {
		select {
		case m, ok := <-w.msgs:
			if ok {
				t.Logf("%s: message before the close: %v", w.name, m)
				continue
			}
			var ce *websocket.CloseError
			if errors.As(w.err, &ce) {
				return ce
			}
			return nil
		case <-deadline:
			t.Fatalf("%s: connection still open after %s", w.name, d)
		}
	}
}

// waitLive makes sure that the activity subscription id on w is
// registered: the subscribe message is answered by nothing, so trigger
// makes an entry (trigger(i) for the i-th attempt) until one arrives. It
// returns how many triggers it took; the entries they made have all been
// received (or missed, before the subscription was live) when it returns.
func (w *wsClient) waitLive(t testing.TB, id string, trigger func(i int)) int {
	t.Helper()
	time.Sleep(50 * time.Millisecond)
	for i := range 20 {
		trigger(i)
		m, ok, timedOut := w.tryRecv(2 * time.Second)
		if timedOut {
			continue
		}
		if !ok {
			t.Fatalf("%s: connection ended while waiting for the subscription to start: %v", w.name, w.err)
		}
		if _, err := entryOf(m, id); err != nil {
			t.Fatalf("%s: waiting for the subscription to start: %v", w.name, err)
		}
		// An earlier trigger's entry may still be on its way.
		w.drain(t, id)
		return i + 1
	}
	t.Fatalf("%s: subscription %s received nothing after 20 triggers", w.name, id)
	return 0
}

// drain reads the activity entries of id that arrive until 250ms pass
// without one.
func (w *wsClient) drain(t testing.TB, id string) {
	t.Helper()
	for {
		m, ok, timedOut := w.tryRecv(250 * time.Millisecond)
		if timedOut || !ok {
			return
		}
		if _, err := entryOf(m, id); err != nil {
			t.Fatalf("%s: draining: %v", w.name, err)
		}
	}
}

// describer returns a trigger for waitLive that changes the description of
// the workspace as c (an admin): each call makes one entry.
func describer(t *testing.T, c *client, wsID, prefix string) func(i int) {
	return func(i int) {
		c.mustDo(t, describeWorkspaceMut, map[string]any{"id": wsID, "d": prefix + " " + strconv.Itoa(i)})
	}
}

// sseStream is a subscription over server-sent events.
type sseStream struct {
	resp   *http.Response
	cancel context.CancelFunc
	events chan sseEvent
}

type sseEvent struct {
	Event string // "next", "complete" or ""
	Data  string
}

// openSSE POSTs a subscription with Accept: text/event-stream and returns
// the stream of its events (the status and headers are checked by the
// caller).
func openSSE(t *testing.T, c *client, query string, vars map[string]any, header map[string]string) *sseStream {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/query", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	// The client's own http.Client has a 30s timeout; a stream needs none.
	hc := &http.Client{Jar: c.http.Jar}
	resp, err := hc.Do(req)
	if err != nil {
		cancel()
		t.Fatalf("%s: SSE POST: %v", c.name, err)
	}
	s := &sseStream{resp: resp, cancel: cancel, events: make(chan sseEvent, 64)}
	go func() {
		defer close(s.events)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.Event != "" || ev.Data != "" {
					s.events <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, ":"): // comment, keep-alive
			case strings.HasPrefix(line, "event:"):
				ev.Event = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
			case strings.HasPrefix(line, "data:"):
				ev.Data += strings.TrimSpace(strings.TrimPrefix(line, "data:"))
			}
		}
	}()
	t.Cleanup(s.Close)
	return s
}

func (s *sseStream) Close() {
	s.cancel()
	for range s.events {
	}
}

// next returns the next event within d; ok is false on timeout or end.
func (s *sseStream) next(d time.Duration) (sseEvent, bool) {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case ev, ok := <-s.events:
		return ev, ok
	case <-timer.C:
		return sseEvent{}, false
	}
}

// settleGoroutines waits up to d for the goroutine count to drop to at
// most limit and returns the last count.
func settleGoroutines(limit int, d time.Duration) int {
	deadline := time.Now().Add(d)
	for {
		n := runtime.NumGoroutine()
		if n <= limit || time.Now().After(deadline) {
			return n
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stableGoroutines waits until the goroutine count has stayed within one
// of the same value for a second and a half (at most d) and returns the
// highest count of that time: background services (the job runner) start
// theirs a few seconds after the server listens, and tickers come and go.
func stableGoroutines(d time.Duration) int {
	deadline := time.Now().Add(d)
	base, high, since := runtime.NumGoroutine(), 0, time.Now()
	high = base
	for time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		n := runtime.NumGoroutine()
		if n > base+1 || n < base-1 {
			base, high, since = n, n, time.Now()
			continue
		}
		high = max(high, n)
		if time.Since(since) >= 1500*time.Millisecond {
			break
		}
	}
	return high
}

// subscriptionGoroutines returns the stacks of the goroutines that belong
// to WebSocket connections and subscriptions (gqlgen's transports,
// gorilla, the activity feed, the GraphQL server package).
func subscriptionGoroutines() []string {
	buf := make([]byte, 8<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var out []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		for _, mark := range []string{
			"gqlgen/graphql/handler/transport",
			"gorilla/websocket",
			"woow-paas/activity.",
			"woow-paas/gqlserver.",
		} {
			if strings.Contains(g, mark) {
				out = append(out, g)
				break
			}
		}
	}
	return out
}

// tcpProxy forwards 127.0.0.1:port to a target. Cut drops every
// connection and stops listening (new connections are refused); Restore
// listens again on the same port.
type tcpProxy struct {
	target string
	addr   string

	mu    sync.Mutex
	ln    net.Listener
	conns map[net.Conn]struct{}
	wg    sync.WaitGroup
}

func newTCPProxy(t *testing.T, target string) *tcpProxy {
	t.Helper()
	p := &tcpProxy{target: target, conns: map[net.Conn]struct{}{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.addr = ln.Addr().String()
	p.serve(ln)
	t.Cleanup(func() { p.Cut(); p.wg.Wait() })
	return p
}

func (p *tcpProxy) serve(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.DialTimeout("tcp", p.target, 5*time.Second)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			if p.ln != ln { // cut meanwhile
				p.mu.Unlock()
				c.Close()
				up.Close()
				continue
			}
			p.conns[c], p.conns[up] = struct{}{}, struct{}{}
			p.mu.Unlock()
			p.wg.Add(2)
			pipe := func(dst, src net.Conn) {
				defer p.wg.Done()
				_, _ = io.Copy(dst, src)
				dst.Close()
				src.Close()
				p.mu.Lock()
				delete(p.conns, dst)
				delete(p.conns, src)
				p.mu.Unlock()
			}
			go pipe(up, c)
			go pipe(c, up)
		}
	}()
}

// Cut closes the listener and every proxied connection.
func (p *tcpProxy) Cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for c := range p.conns {
		c.Close()
	}
}

// Restore listens on the same address again.
func (p *tcpProxy) Restore(t *testing.T) {
	t.Helper()
	var (
		ln  net.Listener
		err error
	)
	for range 50 {
		if ln, err = net.Listen("tcp", p.addr); err == nil {
			p.serve(ln)
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("proxy: listening on %s again: %v", p.addr, err)
}

// count returns the number of open proxied connections (both sides).
func (p *tcpProxy) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.conns)
}
