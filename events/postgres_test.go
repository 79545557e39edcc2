package events

// These tests run on a real PostgreSQL server in both passes of make test
// (they are about PostgreSQL whatever the dialect of the run): they skip
// when the server does not answer, except under CI=true where they fail.
// Each test has a database of its own (storetest), so they run in parallel
// with each other and with other packages on the shared server; the ones
// that count goroutines do not run in parallel.

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/store/storetest"
)

func baseURL() string {
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		return u
	}
	return storetest.DefaultURL
}

var (
	pgOnce sync.Once
	pgErr  error
)

// requirePostgres skips the test when PostgreSQL does not answer, or fails
// it under CI=true.
func requirePostgres(t *testing.T) {
	t.Helper()
	pgOnce.Do(func() {
		db, err := sql.Open("postgres", baseURL())
		if err != nil {
			pgErr = err
			return
		}
		defer db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		pgErr = db.PingContext(ctx)
	})
	if pgErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true: PostgreSQL must answer at %s: %v", baseURL(), pgErr)
		}
		t.Skipf("PostgreSQL does not answer at %s: %v", baseURL(), pgErr)
	}
}

// newTestDB returns the URL of a new migrated database and a pool on it.
func newTestDB(t *testing.T) (string, *sql.DB) {
	t.Helper()
	requirePostgres(t)
	u := storetest.NewPostgresDatabase(t)
	ctx := context.Background()
	db, err := store.Open(ctx, u, "")
	if err != nil {
		t.Fatalf("opening %s: %v", u, err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatalf("migrating: %v", err)
	}
	return u, db.SQL
}

// openPool opens another pool on u, as another replica would.
func openPool(t *testing.T, u string) *sql.DB {
	t.Helper()
	db, err := sql.Open("postgres", u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// testOptions are the default timings, quicker where a test waits on them.
func testOptions() options {
	o := defaultOptions()
	o.quiet = 200 * time.Millisecond
	o.pingTimeout = 2 * time.Second
	o.dialTimeout = 2 * time.Second
	return o
}

func testLog(t *testing.T) *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(t.Output(), nil))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// newBus starts a bus closed at cleanup (before its database is dropped).
func newBus(t *testing.T, dsn string, db *sql.DB, buffer int, o options) *Postgres {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	p, err := newPostgres(ctx, dsn, db, buffer, testLog(t), o)
	if err != nil {
		t.Fatalf("NewPostgres: %v", err)
	}
	t.Cleanup(func() { closeWithin(t, p, 5*time.Second) })
	return p
}

// closeWithin closes p and fails the test if that takes longer than d
// (leaving the Close running: the test is over anyway).
func closeWithin(t *testing.T, p *Postgres, d time.Duration) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- p.Close() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Close: %v", err)
		}
	case <-time.After(d):
		t.Errorf("Close still running after %v", d)
	}
}

func publish(t *testing.T, p *Postgres, topic, data string) {
	t.Helper()
	if err := p.Publish(t.Context(), topic, []byte(data)); err != nil {
		t.Fatalf("publishing %.40q on %s: %v", data, topic, err)
	}
}

// expect receives one message and checks it.
func expect(t *testing.T, ch <-chan Message, topic, data string) {
	t.Helper()
	m := recv(t, ch)
	if m.Topic != topic || string(m.Data) != data {
		t.Fatalf("got %s %.60q, want %s %.60q", m.Topic, m.Data, topic, data)
	}
}

// quiet checks that ch neither delivers nor closes for d.
func quiet(t *testing.T, ch <-chan Message, d time.Duration) {
	t.Helper()
	select {
	case m, ok := <-ch:
		if !ok {
			t.Fatal("channel closed")
		}
		t.Fatalf("unexpected message %s %.60q", m.Topic, m.Data)
	case <-time.After(d):
	}
}

// rawListen listens on Channel with a plain pq Listener, to see what goes
// over NOTIFY.
func rawListen(t *testing.T, u string) <-chan *pq.Notification {
	t.Helper()
	l := pq.NewListener(u, 100*time.Millisecond, time.Second, nil)
	if err := l.Listen(Channel); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		l.Close()
		for range l.Notify {
		}
	})
	return l.Notify
}

func rawRecv(t *testing.T, ch <-chan *pq.Notification) string {
	t.Helper()
	for {
		select {
		case n := <-ch:
			if n != nil {
				return n.Extra
			}
		case <-time.After(5 * time.Second):
			t.Fatal("no notification within 5s")
		}
	}
}

func countPayloads(t *testing.T, db *sql.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM event_payloads`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// settle waits for the goroutine count to fall back to before.
func settle(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := runtime.NumGoroutine(); got > before {
		buf := make([]byte, 1<<20)
		t.Fatalf("%d goroutines after, %d before:\n%s", got, before, buf[:runtime.Stack(buf, true)])
	}
}

func TestPostgresCrossReplica(t *testing.T) {
	t.Parallel()
	u, db := newTestDB(t)
	a := newBus(t, u, db, 0, testOptions())
	b := newBus(t, u, openPool(t, u), 0, testOptions())
	raw := rawListen(t, u)
	ctx := t.Context()
	onA, onB := a.Subscribe(ctx, "t1"), b.Subscribe(ctx, "t1")
	other := b.Subscribe(ctx, "t2")

	const n = 20
	for i := range n {
		publish(t, a, "t1", fmt.Sprintf(`{"n":%d}`, i))
	}
	for i := range n {
		want := fmt.Sprintf(`{"n":%d}`, i)
		expect(t, onB, "t1", want) // the other replica, in order
		expect(t, onA, "t1", want) // and the publishing one
	}
	// The publishing replica delivered its own messages at once and skips
	// their echo: nothing arrives twice.
	quiet(t, onA, 300*time.Millisecond)
	// Every message went through NOTIFY, the local ones too.
	for i := range n {
		if got, want := rawRecv(t, raw), fmt.Sprintf(`{"o":"%s","t":"t1","d":{"n":%d}}`, a.origin, i); got != want {
			t.Fatalf("notification %d is %q, want %q", i, got, want)
		}
	}

	// The other direction, and topics kept apart: t2's subscriber gets its
	// message first, so it saw none of t1's.
	publish(t, b, "t2", `"two"`)
	publish(t, b, "t1", `"from b"`)
	expect(t, other, "t2", `"two"`)
	expect(t, onA, "t1", `"from b"`)
	expect(t, onB, "t1", `"from b"`)
	quiet(t, other, 100*time.Millisecond)
}

// bigJSON is about n bytes of JSON with whitespace, HTML characters and
// multi-byte text, which must all arrive untouched.
func bigJSON(n int) []byte {
	var b bytes.Buffer
	b.WriteString("{\n  \"html\": \"<b>&amp;</b>\",\n  \"items\": [")
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"i": %d, "s": "ünïcödé %d"}`, i, i*7919)
	}
	b.WriteString("]\n}")
	return b.Bytes()
}

func TestPostgresLargeMessages(t *testing.T) {
	t.Parallel()
	u, db := newTestDB(t)
	a := newBus(t, u, db, 0, testOptions())
	b := newBus(t, u, openPool(t, u), 0, testOptions())
	raw := rawListen(t, u)
	ctx := t.Context()
	onA, onB := a.Subscribe(ctx, "big"), b.Subscribe(ctx, "big")

	// checkWire receives the next notification, checks its size and tells
	// whether it is a reference.
	checkWire := func() bool {
		t.Helper()
		payload := rawRecv(t, raw)
		if len(payload) > MaxNotifyBytes {
			t.Fatalf("a %d-byte NOTIFY payload, over %d", len(payload), MaxNotifyBytes)
		}
		var w wire
		if err := json.Unmarshal([]byte(payload), &w); err != nil {
			t.Fatalf("notification %.60q: %v", payload, err)
		}
		return w.Ref != 0
	}

	large := bigJSON(50_000)
	if err := a.Publish(ctx, "big", large); err != nil {
		t.Fatal(err)
	}
	for _, ch := range []<-chan Message{onB, onA} {
		if m := recv(t, ch); m.Topic != "big" || !bytes.Equal(m.Data, large) {
			t.Fatalf("got %d bytes on %s, want the %d published", len(m.Data), m.Topic, len(large))
		}
	}
	if !checkWire() {
		t.Fatal("a 50 KB message went inline")
	}
	if got := countPayloads(t, db); got != 1 {
		t.Fatalf("%d stored payloads, want 1", got)
	}

	// A message whose notification is exactly the limit goes inline, one
	// byte more and it is stored.
	overhead := len(encodeWire(a.origin, []byte(`"big"`), nil, 0)) + 2 // and the quotes of a string
	limit := `"` + strings.Repeat("x", MaxNotifyBytes-overhead) + `"`
	publish(t, a, "big", limit)
	expect(t, onB, "big", limit)
	if checkWire() {
		t.Fatal("a message at the limit went as a reference")
	}
	if got := countPayloads(t, db); got != 1 {
		t.Fatalf("%d stored payloads after a message at the limit, want 1", got)
	}
	over := `"` + strings.Repeat("x", MaxNotifyBytes-overhead+1) + `"`
	publish(t, a, "big", over)
	expect(t, onB, "big", over)
	if !checkWire() {
		t.Fatal("a message over the limit went inline")
	}
	// The limit is in bytes: 4,000 two-byte characters do not fit.
	wide := `"` + strings.Repeat("é", 4000) + `"`
	publish(t, a, "big", wide)
	expect(t, onB, "big", wide)
	if !checkWire() {
		t.Fatal("8,000 bytes of two-byte characters went inline")
	}
	if got := countPayloads(t, db); got != 3 {
		t.Fatalf("%d stored payloads, want 3", got)
	}

	// A topic so long that not even a reference fits is refused before
	// anything is stored.
	if err := a.Publish(ctx, strings.Repeat("t", MaxNotifyBytes), []byte(`1`)); err == nil {
		t.Fatal("publishing on a 7,800-byte topic: no error")
	}
	if got := countPayloads(t, db); got != 3 {
		t.Fatalf("%d stored payloads after a refused message, want 3", got)
	}
}

func TestPostgresCleanupDropsOldPayloads(t *testing.T) {
	t.Parallel()
	u, db := newTestDB(t)
	o := testOptions()
	o.cleanupEvery = 50 * time.Millisecond
	o.payloadTTL = time.Minute
	_, err := db.Exec(`INSERT INTO event_payloads (topic, data, created_at) VALUES
		('old', '\x31', now() - interval '2 minutes'),
		('old', '\x32', now() - interval '61 seconds'),
		('new', '\x33', now() - interval '50 seconds')`)
	if err != nil {
		t.Fatal(err)
	}
	bus := newBus(t, u, db, 0, o)
	sub := bus.Subscribe(t.Context(), "big")
	large := bigJSON(10_000)
	if err := bus.Publish(t.Context(), "big", large); err != nil {
		t.Fatal(err)
	}
	if m := recv(t, sub); !bytes.Equal(m.Data, large) {
		t.Fatalf("got %d bytes, want %d", len(m.Data), len(large))
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		var old int
		if err := db.QueryRow(`SELECT count(*) FROM event_payloads WHERE topic = 'old'`).Scan(&old); err != nil {
			t.Fatal(err)
		}
		if old == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d expired payloads still stored after 5s", old)
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(3 * o.cleanupEvery) // a few more rounds
	if got := countPayloads(t, db); got != 2 {
		t.Fatalf("%d stored payloads left, want the 2 recent ones", got)
	}
	if d := defaultOptions(); d.payloadTTL != 10*time.Minute || d.cleanupEvery != 5*time.Minute || d.quiet != 15*time.Second {
		t.Fatalf("default timings changed: %+v", d)
	}
}

func TestPostgresIgnoresBadNotifications(t *testing.T) {
	t.Parallel()
	u, db := newTestDB(t)
	bus := newBus(t, u, db, 0, testOptions())
	sub := bus.Subscribe(t.Context(), "t")
	for _, payload := range []string{
		`not json`,
		`{"t":"t","r":1}`, // a stored message that is gone
	} {
		if _, err := db.Exec(`SELECT pg_notify($1, $2)`, Channel, payload); err != nil {
			t.Fatal(err)
		}
	}
	publish(t, bus, "t", `"ok"`)
	expect(t, sub, "t", `"ok"`)
}

func TestPostgresPublishValidates(t *testing.T) {
	t.Parallel()
	u, db := newTestDB(t)
	bus := newBus(t, u, db, 0, testOptions())
	sub := bus.Subscribe(t.Context(), "t")
	for _, data := range []string{``, `{`, `{"a":1}x`, `'single'`, "\x00", "\"\xff\""} {
		if err := bus.Publish(t.Context(), "t", []byte(data)); err == nil {
			t.Errorf("publishing %q: no error", data)
		}
	}
	// Whitespace around the value is not part of the message; inside, it is.
	publish(t, bus, "t", " \n{ \"a\" : [1, 2] }\t ")
	expect(t, sub, "t", `{ "a" : [1, 2] }`)
	quiet(t, sub, 100*time.Millisecond)
}

func TestPostgresDropsSlowSubscriber(t *testing.T) {
	t.Parallel()
	u, db := newTestDB(t)
	a := newBus(t, u, db, 2, testOptions())
	b := newBus(t, u, openPool(t, u), 2, testOptions())
	ctx := t.Context()
	slow := b.Subscribe(ctx, "t")
	fast := b.Subscribe(ctx, "t")
	for i := range 10 {
		data := fmt.Sprint(i)
		publish(t, a, "t", data)
		expect(t, fast, "t", data) // the fast one keeps up
	}
	n := 0
	for range slow { // closed after its buffer's worth
		n++
	}
	if n != 2 {
		t.Fatalf("slow subscriber received %d messages before being dropped, want 2", n)
	}
	if got := b.Hub().Subscribers("t"); got != 1 {
		t.Fatalf("%d subscribers left, want 1", got)
	}
}

// proxy is a TCP proxy to PostgreSQL that the tests break: stop drops
// every connection and refuses new ones, restart accepts again on the same
// address, freeze makes the current connections swallow everything in
// both directions without closing (a connection that died silently).
type proxy struct {
	t      *testing.T
	target string
	addr   string

	mu       sync.Mutex
	ln       net.Listener
	links    map[*link]struct{}
	accepted int
	wg       sync.WaitGroup
}

type link struct {
	client, server net.Conn
	frozen         atomic.Bool
}

func pgAddr(t *testing.T) string {
	t.Helper()
	u, err := url.Parse(baseURL())
	if err != nil {
		t.Fatal(err)
	}
	port := u.Port()
	if port == "" {
		port = "5432"
	}
	return net.JoinHostPort(u.Hostname(), port)
}

func startProxy(t *testing.T) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{t: t, target: pgAddr(t), addr: ln.Addr().String(), links: map[*link]struct{}{}}
	p.serve(ln)
	t.Cleanup(p.stop)
	return p
}

// via is u with the proxy as its server.
func (p *proxy) via(u string) string {
	pu, err := url.Parse(u)
	if err != nil {
		p.t.Fatal(err)
	}
	pu.Host = p.addr
	return pu.String()
}

func (p *proxy) serve(ln net.Listener) {
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
			s, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			l := &link{client: c, server: s}
			p.mu.Lock()
			if p.ln != ln { // stopped meanwhile
				p.mu.Unlock()
				c.Close()
				s.Close()
				continue
			}
			p.links[l] = struct{}{}
			p.accepted++
			p.mu.Unlock()
			p.wg.Add(2)
			go p.pipe(l, c, s)
			go p.pipe(l, s, c)
		}
	}()
}

func (p *proxy) pipe(l *link, from, to net.Conn) {
	defer p.wg.Done()
	buf := make([]byte, 32<<10)
	for {
		n, err := from.Read(buf)
		if n > 0 && !l.frozen.Load() {
			if _, werr := to.Write(buf[:n]); werr != nil {
				err = werr
			}
		}
		if err != nil {
			break
		}
	}
	l.client.Close()
	l.server.Close()
	p.mu.Lock()
	delete(p.links, l)
	p.mu.Unlock()
}

// stop closes the listening socket and every connection.
func (p *proxy) stop() {
	p.mu.Lock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for l := range p.links {
		l.client.Close()
		l.server.Close()
	}
	p.mu.Unlock()
	p.wg.Wait()
}

// restart listens again on the same address.
func (p *proxy) restart() {
	p.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		ln, err := net.Listen("tcp", p.addr)
		if err == nil {
			p.serve(ln)
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("listening again on %s: %v", p.addr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (p *proxy) freeze() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for l := range p.links {
		l.frozen.Store(true)
	}
}

func (p *proxy) connections() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.accepted
}

// publishUntilReceived publishes numbered messages until one arrives (a
// replica that is reconnecting loses what is sent meanwhile) and returns
// it; the subscription must stay open throughout.
func publishUntilReceived(t *testing.T, bus *Postgres, sub <-chan Message, within time.Duration) Message {
	t.Helper()
	deadline := time.After(within)
	for i := 0; ; i++ {
		publish(t, bus, "t", fmt.Sprintf(`{"after":%d}`, i))
		select {
		case m, ok := <-sub:
			if !ok {
				t.Fatal("subscription closed by the outage")
			}
			return m
		case <-time.After(100 * time.Millisecond):
		case <-deadline:
			t.Fatalf("no message received within %v", within)
		}
	}
}

func TestPostgresReconnectsAfterRestart(t *testing.T) {
	t.Parallel()
	u, db := newTestDB(t)
	px := startProxy(t)
	// The subscribing replica's listener goes through the proxy; another
	// replica publishes (a replica delivers its own messages locally, so
	// only another's exercise the listener).
	bus := newBus(t, px.via(u), db, 0, testOptions())
	pub := newBus(t, u, db, 0, testOptions())
	sub := bus.Subscribe(t.Context(), "t")
	publish(t, pub, "t", `"before"`)
	expect(t, sub, "t", `"before"`)
	before := px.connections()

	px.stop() // the database "goes away"
	publish(t, pub, "t", `"lost"`)
	quiet(t, sub, 500*time.Millisecond) // lost, but the subscription is open
	px.restart()

	m := publishUntilReceived(t, pub, sub, 10*time.Second)
	if !strings.HasPrefix(string(m.Data), `{"after":`) {
		t.Fatalf("first message after the restart is %q", m.Data)
	}
	if px.connections() <= before {
		t.Fatal("the listener did not reconnect through the proxy")
	}
	if got := bus.Hub().Subscribers("t"); got != 1 {
		t.Fatalf("%d subscribers after the restart, want 1", got)
	}
}

// A connection that stops answering without being closed (a network that
// drops everything) is found by the ping and dropped; pq then reconnects.
// pq's Listener holds its lock while a ping waits for its reply, so
// without the ping timeout the listener would hang until TCP gives up.
func TestPostgresReconnectsAfterSilentFailure(t *testing.T) {
	t.Parallel()
	u, db := newTestDB(t)
	px := startProxy(t)
	o := testOptions()
	o.quiet = 100 * time.Millisecond
	o.pingTimeout = 300 * time.Millisecond
	bus := newBus(t, px.via(u), db, 0, o)
	pub := newBus(t, u, db, 0, testOptions())
	sub := bus.Subscribe(t.Context(), "t")
	publish(t, pub, "t", `"before"`)
	expect(t, sub, "t", `"before"`)
	before := px.connections()

	px.freeze()
	publishUntilReceived(t, pub, sub, 10*time.Second)
	if px.connections() <= before {
		t.Fatal("the listener did not reconnect through the proxy")
	}
}

// newPostgresWithin runs NewPostgres and fails the test if it has not
// returned within 5s.
func newPostgresWithin(t *testing.T, ctx context.Context, dsn string) error {
	t.Helper()
	res := make(chan error, 1)
	go func() {
		p, err := NewPostgres(ctx, dsn, nil, 0, testLog(t))
		if err == nil {
			p.Close()
		}
		res <- err
	}()
	select {
	case err := <-res:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("NewPostgres still waiting after 5s")
		return nil
	}
}

// Close does not wait for a ping that gets no answer: pq's Listener.Close
// needs the lock that the ping holds.
func TestPostgresCloseWhilePingHangs(t *testing.T) {
	t.Parallel()
	u, db := newTestDB(t)
	px := startProxy(t)
	o := testOptions()
	o.quiet = 50 * time.Millisecond
	o.pingTimeout = time.Minute // the ping hangs for the rest of the test
	bus, err := newPostgres(t.Context(), px.via(u), db, 0, testLog(t), o)
	if err != nil {
		t.Fatal(err)
	}
	sub := bus.Subscribe(t.Context(), "t")
	px.freeze()
	time.Sleep(300 * time.Millisecond) // pinged, no answer
	start := time.Now()
	closeWithin(t, bus, 5*time.Second)
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("Close took %v", d)
	}
	closed(t, sub)
}

// NewPostgres gives up when it cannot connect, or when ctx ends, instead
// of waiting for ever, and leaves nothing running. It needs no server.
func TestNewPostgresFailsWhenNoServer(t *testing.T) {
	before := runtime.NumGoroutine()

	// Nothing listens on the port: the first attempt fails.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedAddr := ln.Addr().String()
	ln.Close()
	err = newPostgresWithin(t, t.Context(), "postgres://postgres@"+closedAddr+"/test?sslmode=disable")
	if err == nil {
		t.Fatal("NewPostgres with no server: no error")
	}

	// A server that accepts and never answers: ctx ends it.
	ln, err = net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var held []net.Conn
	var mu sync.Mutex
	accepted := make(chan struct{})
	go func() {
		defer close(accepted)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			held = append(held, c)
			mu.Unlock()
		}
	}()
	ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
	defer cancel()
	err = newPostgresWithin(t, ctx, "postgres://postgres@"+ln.Addr().String()+"/test?sslmode=disable")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("NewPostgres with a mute server: %v, want the context's deadline", err)
	}
	ln.Close()
	<-accepted
	mu.Lock()
	for _, c := range held {
		c.Close()
	}
	mu.Unlock()
	settle(t, before)
}

// Close closes every subscriber's channel once, even while notifications
// keep arriving, makes Publish fail with ErrClosed and leaves no goroutine
// behind.
func TestPostgresCloseNoLeaks(t *testing.T) {
	u, db := newTestDB(t)
	dbB := openPool(t, u)
	before := runtime.NumGoroutine()

	a, err := newPostgres(t.Context(), u, db, 4, testLog(t), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	b, err := newPostgres(t.Context(), u, dbB, 4, testLog(t), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	var subs []<-chan Message
	for i := range 100 {
		subs = append(subs, a.Subscribe(ctx, fmt.Sprint("t", i%5)))
	}
	// Readers that keep up, and a replica that keeps publishing while a
	// closes: notifications arrive during Close.
	var readers sync.WaitGroup
	for _, ch := range subs {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for range ch {
			}
		}()
	}
	stop := make(chan struct{})
	published := make(chan struct{})
	go func() {
		defer close(published)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			data := `1`
			if i%10 == 0 {
				data = string(bigJSON(9000))
			}
			if err := b.Publish(context.Background(), fmt.Sprint("t", i%5), []byte(data)); err != nil {
				t.Errorf("publishing on the other replica: %v", err)
				return
			}
		}
	}()
	time.Sleep(300 * time.Millisecond)

	if err := a.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	done := make(chan struct{})
	go func() { readers.Wait(); close(done) }()
	select {
	case <-done: // every channel closed (a second close would have panicked)
	case <-time.After(5 * time.Second):
		t.Fatal("subscriber channels still open 5s after Close")
	}
	if err := a.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if err := a.Publish(ctx, "t0", []byte(`1`)); !errors.Is(err, ErrClosed) {
		t.Fatalf("Publish after Close: %v, want ErrClosed", err)
	}
	closed(t, a.Subscribe(ctx, "t0"))
	if got := a.Hub().Subscribers("t0"); got != 0 {
		t.Fatalf("%d subscribers after Close", got)
	}

	close(stop)
	<-published
	if err := b.Close(); err != nil {
		t.Fatalf("closing the other replica: %v", err)
	}
	settle(t, before)
}

// A replica that is behind (here: it cannot load stored messages because
// its pool is taken) has pq's buffers full and pq's goroutines blocked on
// them: Close must still end at once and leave none of them behind.
func TestPostgresCloseWhileBacklogged(t *testing.T) {
	u, db := newTestDB(t)
	stuck := openPool(t, u)
	stuck.SetMaxOpenConns(1)
	conn, err := stuck.Conn(t.Context()) // the pool's only connection
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	before := runtime.NumGoroutine()

	a := newBus(t, u, db, 0, testOptions())
	b, err := newPostgres(t.Context(), u, stuck, 0, testLog(t), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	sub := b.Subscribe(t.Context(), "t")
	// The first is stored: b blocks loading it; the rest pile up in pq.
	if err := a.Publish(t.Context(), "t", bigJSON(10_000)); err != nil {
		t.Fatal(err)
	}
	for range 200 {
		publish(t, a, "t", `1`)
	}
	time.Sleep(200 * time.Millisecond)

	start := time.Now()
	if err := b.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("Close took %v", d)
	}
	closed(t, sub)
	a.Close()
	settle(t, before)
}

// Close while the database is away returns without waiting for it, and
// leaves no goroutine behind.
func TestPostgresCloseDuringOutage(t *testing.T) {
	u, db := newTestDB(t)
	px := startProxy(t)
	before := runtime.NumGoroutine()
	bus, err := newPostgres(t.Context(), px.via(u), db, 0, testLog(t), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	sub := bus.Subscribe(t.Context(), "t")
	px.stop()
	time.Sleep(300 * time.Millisecond) // pq retries meanwhile
	start := time.Now()
	if err := bus.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("Close took %v", d)
	}
	closed(t, sub)
	settle(t, before)
}
