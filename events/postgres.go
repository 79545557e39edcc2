package events

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/lib/pq"
)

// Channel is the PostgreSQL notification channel every replica listens on.
const Channel = "woow_events"

// MaxNotifyBytes is the largest NOTIFY payload sent: PostgreSQL refuses
// 8000 bytes and more. A larger message is stored in event_payloads and
// travels as a reference that each receiving replica loads.
const MaxNotifyBytes = 7800

// payloadTTL is how long stored large messages are kept for replicas to
// load.
const payloadTTL = 10 * time.Minute

// ErrClosed is what Postgres.Publish returns once the bus is closed: a
// closed bus sends nothing, to this replica or to the others.
var ErrClosed = errors.New("event bus: closed")

// options are the timings of a Postgres bus; tests shorten them.
type options struct {
	// quiet is how long the listener may go without a notification before
	// it is pinged, to find a connection that died without a word.
	quiet time.Duration
	// pingTimeout is how long a ping may wait for its answer before the
	// connection is dropped (and pq reconnects).
	pingTimeout time.Duration
	// cleanupEvery is how often stored messages older than payloadTTL are
	// deleted.
	cleanupEvery time.Duration
	payloadTTL   time.Duration
	// dialTimeout bounds opening the listener's TCP connection.
	dialTimeout time.Duration
}

func defaultOptions() options {
	return options{
		// A connection that died without closing (a dropped route, a
		// frozen server) is noticed within quiet + pingTimeout.
		quiet:        15 * time.Second,
		pingTimeout:  5 * time.Second,
		cleanupEvery: payloadTTL / 2,
		payloadTTL:   payloadTTL,
		dialTimeout:  10 * time.Second,
	}
}

// wire is a notification: a topic and either the data or the id of the
// stored data. It is decoded with encoding/json; encodeWire writes it.
type wire struct {
	Topic string          `json:"t"`
	Data  json.RawMessage `json:"d,omitempty"`
	Ref   int64           `json:"r,omitempty"`
	// Origin names the publishing bus, which has delivered the message to
	// its own subscribers already and skips the echo.
	Origin string `json:"o,omitempty"`
}

// encodeWire writes a notification by hand rather than with json.Marshal,
// which would compact the data and escape <, > and &: data (valid JSON)
// goes out byte for byte, as it does when it is stored.
func encodeWire(origin string, topic []byte, data []byte, ref int64) []byte {
	b := make([]byte, 0, len(topic)+len(data)+64)
	b = append(b, `{"o":"`...)
	b = append(b, origin...) // hex: needs no escaping
	b = append(b, `","t":`...)
	b = append(b, topic...)
	if ref != 0 {
		b = append(b, `,"r":`...)
		b = strconv.AppendInt(b, ref, 10)
	} else {
		b = append(b, `,"d":`...)
		b = append(b, data...)
	}
	return append(b, '}')
}

// Postgres is the bus across server replicas sharing one PostgreSQL
// database. Every message goes through NOTIFY to the other replicas; the
// publishing replica delivers to its own subscribers at once and skips the
// echo. Each replica fans messages out to its subscribers through a Hub,
// which never waits for a subscriber. pq's Listener reconnects by itself after the database
// restarts, and a connection that stops answering (no reply to a ping) is
// dropped so that it reconnects too; messages sent while a replica is
// disconnected are lost to it, and its subscribers, which stay subscribed,
// see the later ones.
type Postgres struct {
	hub      *Hub
	db       *sql.DB
	origin   string // random; tags this bus's messages
	listener *pq.Listener
	dialer   *dialer
	log      *slog.Logger
	opt      options

	// ctx ends at Close: it cancels dials, loads and the cleanup.
	ctx    context.Context
	cancel context.CancelFunc
	closed atomic.Bool

	published atomic.Uint64  // by this replica
	done      sync.WaitGroup // receive, clean and a ping in flight
	once      sync.Once
	err       error // of closing the listener, returned by every Close
}

var _ Bus = (*Postgres)(nil)

// NewPostgres listens on dsn (a dedicated connection) and publishes and
// loads large messages through db. It returns once listening, or with an
// error when the first connection attempt fails or ctx ends first. log
// may be nil (slog.Default).
func NewPostgres(ctx context.Context, dsn string, db *sql.DB, buffer int, log *slog.Logger) (*Postgres, error) {
	return newPostgres(ctx, dsn, db, buffer, log, defaultOptions())
}

func newPostgres(ctx context.Context, dsn string, db *sql.DB, buffer int, log *slog.Logger, opt options) (*Postgres, error) {
	if log == nil {
		log = slog.Default()
	}
	var id [8]byte
	if _, err := rand.Read(id[:]); err != nil {
		return nil, err
	}
	p := &Postgres{hub: NewHub(buffer), db: db, origin: hex.EncodeToString(id[:]), log: log, opt: opt}
	p.ctx, p.cancel = context.WithCancel(context.Background())
	p.dialer = &dialer{ctx: p.ctx, timeout: opt.dialTimeout, conns: map[*trackedConn]struct{}{}}
	failed := make(chan error, 1) // the first failed connection attempt
	p.listener = pq.NewDialListener(p.dialer, dsn, 100*time.Millisecond, 10*time.Second,
		func(ev pq.ListenerEventType, err error) {
			switch ev {
			case pq.ListenerEventConnected, pq.ListenerEventReconnected:
				log.Info("event bus: listening", "event", ev.String())
			default:
				log.Warn("event bus: connection", "event", ev.String(), "err", err)
			}
			if ev == pq.ListenerEventConnectionAttemptFailed {
				select {
				case failed <- err:
				default:
				}
			}
		})
	p.done.Add(2)
	go p.receive()
	go p.clean()

	// Listen waits for a connection for as long as it takes: wait for it,
	// for the first failure or for ctx, whichever comes first.
	listened := make(chan error, 1)
	go func() { listened <- p.listener.Listen(Channel) }()
	var err error
	select {
	case err = <-listened:
	case err = <-failed:
		if err == nil { // pq always says why; just in case
			err = errors.New("connection attempt failed")
		}
	case <-ctx.Done():
		err = ctx.Err()
	}
	if err != nil {
		p.Close()
		<-listened // returns once the listener is closed
		return nil, fmt.Errorf("event bus: LISTEN: %w", err)
	}
	return p, nil
}

// Publish sends data (JSON) to every replica's subscribers of topic. It
// waits for PostgreSQL, never for subscribers. Data arrives byte for byte
// as published, without the whitespace around it. After Close it returns
// ErrClosed.
func (p *Postgres) Publish(ctx context.Context, topic string, data []byte) error {
	if err := p.PublishRemote(ctx, topic, data); err != nil {
		return err
	}
	// This replica's subscribers get the message now, not when the echo
	// comes back: a subscription opened after a change returned must not
	// receive that change.
	p.hub.Deliver(Message{Topic: topic, Data: bytes.TrimSpace(data)})
	return nil
}

// PublishRemote sends data to the other replicas' subscribers only,
// waiting for PostgreSQL (see Bus).
func (p *Postgres) PublishRemote(ctx context.Context, topic string, data []byte) error {
	if p.closed.Load() {
		return ErrClosed
	}
	// PostgreSQL refuses a NOTIFY payload that is not UTF-8, which
	// json.Valid does not check (and RFC 8259 requires).
	if !json.Valid(data) || !utf8.Valid(data) {
		return errors.New("event bus: data must be JSON in UTF-8")
	}
	data = bytes.TrimSpace(data) // only JSON whitespace, since data is valid
	t, err := json.Marshal(topic)
	if err != nil {
		return err
	}
	// Refuse before storing anything if even a reference would not fit.
	if len(encodeWire(p.origin, t, nil, 1<<63-1)) > MaxNotifyBytes {
		return errors.New("event bus: topic name too long")
	}
	msg := encodeWire(p.origin, t, data, 0)
	if len(msg) > MaxNotifyBytes {
		var id int64
		err := p.db.QueryRowContext(ctx,
			`INSERT INTO event_payloads (topic, data, created_at) VALUES ($1, $2, now()) RETURNING id`,
			topic, data).Scan(&id)
		if err != nil {
			return fmt.Errorf("event bus: storing a large message: %w", err)
		}
		msg = encodeWire(p.origin, t, nil, id)
	}
	if _, err := p.db.ExecContext(ctx, `SELECT pg_notify($1, $2)`, Channel, string(msg)); err != nil {
		return fmt.Errorf("event bus: NOTIFY: %w", err)
	}
	p.published.Add(1)
	return nil
}

// Subscribe receives topic's messages from every replica until ctx ends.
// After Close it returns a closed channel.
func (p *Postgres) Subscribe(ctx context.Context, topic string) <-chan Message {
	return p.hub.Subscribe(ctx, topic)
}

// Stats counts the messages this replica published and delivered.
func (p *Postgres) Stats() Stats {
	st := p.hub.Stats()
	st.Published = p.published.Load()
	return st
}

// Hub is the local fan-out, for counting subscribers.
func (p *Postgres) Hub() *Hub { return p.hub }

// receive turns notifications into local deliveries and pings the
// listener when all has been quiet for a while, one ping at a time. It
// reads Notify until pq closes it (after Close), so that pq's goroutines,
// which block while Notify is full, always end.
func (p *Postgres) receive() {
	defer p.done.Done()
	quiet := time.NewTimer(p.opt.quiet)
	defer quiet.Stop()
	// Stopped until a ping starts; a ping that outlives it drops the
	// connection.
	overdue := time.NewTimer(p.opt.pingTimeout)
	overdue.Stop()
	defer overdue.Stop()
	pinged := make(chan error, 1)
	pinging := false
	for {
		select {
		case n, ok := <-p.listener.Notify:
			if !ok {
				return
			}
			quiet.Reset(p.opt.quiet)
			if n == nil || p.ctx.Err() != nil {
				// pq sends nil after a reconnect: anything sent in between
				// is lost; subscribers simply get what follows. After
				// Close, notifications are only drained.
				continue
			}
			p.handle(n.Extra)
		case <-quiet.C:
			if pinging || p.ctx.Err() != nil {
				continue
			}
			pinging = true
			overdue.Reset(p.opt.pingTimeout)
			p.done.Add(1)
			go func() {
				defer p.done.Done()
				pinged <- p.listener.Ping()
			}()
		case err := <-pinged:
			pinging = false
			overdue.Stop()
			quiet.Reset(p.opt.quiet)
			if err != nil && p.ctx.Err() == nil {
				p.log.Debug("event bus: ping", "err", err)
			}
		case <-overdue.C:
			if !pinging {
				continue
			}
			// pq's Listener holds its lock while a ping waits, so a
			// connection that stopped answering would block it (and
			// Close) until TCP gives up: close the connection under it.
			p.log.Warn("event bus: no answer to a ping, reconnecting", "after", p.opt.pingTimeout)
			p.dialer.drop()
		}
	}
}

func (p *Postgres) handle(payload string) {
	var w wire
	if err := json.Unmarshal([]byte(payload), &w); err != nil {
		p.log.Warn("event bus: ignoring a malformed notification", "err", err)
		return
	}
	if w.Origin == p.origin {
		return
	}
	data := []byte(w.Data)
	if w.Ref != 0 {
		ctx, cancel := context.WithTimeout(p.ctx, 5*time.Second)
		err := p.db.QueryRowContext(ctx, `SELECT data FROM event_payloads WHERE id = $1`, w.Ref).Scan(&data)
		cancel()
		if err != nil {
			if p.ctx.Err() == nil {
				p.log.Warn("event bus: loading a stored message", "ref", w.Ref, "err", err)
			}
			return
		}
	}
	p.hub.Deliver(Message{Topic: w.Topic, Data: data})
}

// clean deletes stored messages older than payloadTTL, by the database's
// clock (the one that stamped them), so replicas' clocks do not matter.
func (p *Postgres) clean() {
	defer p.done.Done()
	tick := time.NewTicker(p.opt.cleanupEvery)
	defer tick.Stop()
	for {
		select {
		case <-p.ctx.Done():
			return
		case <-tick.C:
			ctx, cancel := context.WithTimeout(p.ctx, 10*time.Second)
			_, err := p.db.ExecContext(ctx,
				`DELETE FROM event_payloads WHERE created_at < now() - make_interval(secs => $1)`,
				p.opt.payloadTTL.Seconds())
			cancel()
			if err != nil && p.ctx.Err() == nil {
				p.log.Warn("event bus: dropping old stored messages", "err", err)
			}
		}
	}
}

// Close stops listening, ends every subscription (each channel closed
// once) and waits for the bus's goroutines, pq's included: when the
// database is unreachable that can take up to pq's reconnect interval
// (10s). Publish then returns ErrClosed. Calling Close again returns the
// first call's result.
func (p *Postgres) Close() error {
	p.once.Do(func() {
		p.closed.Store(true)
		p.cancel()
		// First close the connection under the listener: a ping waiting
		// for an answer holds the lock that Listener.Close needs.
		p.dialer.close()
		p.err = p.listener.Close()
		p.done.Wait()
		p.hub.Close()
	})
	return p.err
}

// dialer opens the listener's connections and keeps hold of them, so that
// the bus can close a connection that stopped answering from outside pq.
type dialer struct {
	ctx     context.Context // ends at Close: dials in progress fail
	timeout time.Duration

	mu     sync.Mutex
	conns  map[*trackedConn]struct{}
	closed bool
}

var _ pq.DialerContext = (*dialer)(nil)

func (d *dialer) Dial(network, address string) (net.Conn, error) {
	return d.DialContext(context.Background(), network, address)
}

func (d *dialer) DialTimeout(network, address string, timeout time.Duration) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return d.DialContext(ctx, network, address)
}

func (d *dialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stop := context.AfterFunc(d.ctx, cancel)
	defer stop()
	c, err := (&net.Dialer{Timeout: d.timeout}).DialContext(ctx, network, address)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		c.Close()
		return nil, net.ErrClosed
	}
	tc := &trackedConn{Conn: c, d: d}
	d.conns[tc] = struct{}{}
	return tc, nil
}

// drop closes the open connections; pq notices and reconnects.
func (d *dialer) drop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for c := range d.conns {
		delete(d.conns, c)
		c.Conn.Close()
	}
}

// close drops the open connections and refuses new ones.
func (d *dialer) close() {
	d.mu.Lock()
	d.closed = true
	d.mu.Unlock()
	d.drop()
}

type trackedConn struct {
	net.Conn
	d *dialer
}

func (c *trackedConn) Close() error {
	c.d.mu.Lock()
	delete(c.d.conns, c)
	c.d.mu.Unlock()
	return c.Conn.Close()
}
