package events

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

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

// wire is a notification: a topic and either the data or the id of the
// stored data.
type wire struct {
	Topic string          `json:"t"`
	Data  json.RawMessage `json:"d,omitempty"`
	Ref   int64           `json:"r,omitempty"`
}

// Postgres is the bus across server replicas sharing one PostgreSQL
// database. Every message, local ones included, goes through NOTIFY, so
// each replica sees the same messages in the same order; each replica fans
// them out to its own subscribers through a Hub. pq's Listener reconnects
// by itself after the database restarts; messages sent while a replica is
// disconnected are lost to it (subscribers see later ones).
type Postgres struct {
	hub      *Hub
	db       *sql.DB
	listener *pq.Listener
	log      *slog.Logger

	stop chan struct{}
	done sync.WaitGroup
	once sync.Once
}

var _ Bus = (*Postgres)(nil)

// NewPostgres listens on dsn (a dedicated connection) and publishes and
// loads large messages through db. It returns once listening.
func NewPostgres(ctx context.Context, dsn string, db *sql.DB, buffer int, log *slog.Logger) (*Postgres, error) {
	p := &Postgres{hub: NewHub(buffer), db: db, log: log, stop: make(chan struct{})}
	p.listener = pq.NewListener(dsn, 100*time.Millisecond, 10*time.Second,
		func(ev pq.ListenerEventType, err error) {
			switch ev {
			case pq.ListenerEventConnected, pq.ListenerEventReconnected:
				log.Info("event bus: listening", "event", ev.String())
			default:
				log.Warn("event bus: connection", "event", ev.String(), "err", err)
			}
		})
	if err := p.listener.Listen(Channel); err != nil {
		p.listener.Close()
		return nil, fmt.Errorf("event bus: LISTEN: %w", err)
	}
	p.done.Add(1)
	go p.receive()
	return p, nil
}

// Publish sends data (JSON) to every replica's subscribers of topic. It
// waits for PostgreSQL, never for subscribers.
func (p *Postgres) Publish(ctx context.Context, topic string, data []byte) error {
	if !json.Valid(data) {
		return errors.New("event bus: data must be JSON")
	}
	w := wire{Topic: topic, Data: data}
	msg, err := json.Marshal(w)
	if err != nil {
		return err
	}
	if len(msg) > MaxNotifyBytes {
		var id int64
		err := p.db.QueryRowContext(ctx,
			`INSERT INTO event_payloads (topic, data, created_at) VALUES ($1, $2, $3) RETURNING id`,
			topic, data, time.Now().UTC()).Scan(&id)
		if err != nil {
			return fmt.Errorf("event bus: storing a large message: %w", err)
		}
		if msg, err = json.Marshal(wire{Topic: topic, Ref: id}); err != nil {
			return err
		}
		if len(msg) > MaxNotifyBytes {
			return errors.New("event bus: topic name too long")
		}
	}
	if _, err := p.db.ExecContext(ctx, `SELECT pg_notify($1, $2)`, Channel, string(msg)); err != nil {
		return fmt.Errorf("event bus: NOTIFY: %w", err)
	}
	return nil
}

// Subscribe receives topic's messages from every replica until ctx ends.
func (p *Postgres) Subscribe(ctx context.Context, topic string) <-chan Message {
	return p.hub.Subscribe(ctx, topic)
}

// Hub is the local fan-out, for counting subscribers.
func (p *Postgres) Hub() *Hub { return p.hub }

// receive turns notifications into local deliveries, checks the connection
// when all is quiet, and drops expired stored messages.
func (p *Postgres) receive() {
	defer p.done.Done()
	quiet := time.NewTicker(60 * time.Second)
	defer quiet.Stop()
	cleanup := time.NewTicker(payloadTTL / 2)
	defer cleanup.Stop()
	for {
		select {
		case <-p.stop:
			return
		case n, ok := <-p.listener.Notify:
			if !ok {
				return
			}
			if n == nil {
				// pq sends nil after a reconnect: anything sent in between
				// is lost; subscribers simply get what follows.
				continue
			}
			p.handle(n.Extra)
		case <-quiet.C:
			go func() { _ = p.listener.Ping() }()
		case <-cleanup.C:
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			_, err := p.db.ExecContext(ctx, `DELETE FROM event_payloads WHERE created_at < $1`,
				time.Now().UTC().Add(-payloadTTL))
			cancel()
			if err != nil {
				p.log.Warn("event bus: dropping old stored messages", "err", err)
			}
		}
	}
}

func (p *Postgres) handle(payload string) {
	var w wire
	if err := json.Unmarshal([]byte(payload), &w); err != nil {
		p.log.Warn("event bus: ignoring a malformed notification", "err", err)
		return
	}
	data := []byte(w.Data)
	if w.Ref != 0 {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := p.db.QueryRowContext(ctx, `SELECT data FROM event_payloads WHERE id = $1`, w.Ref).Scan(&data)
		cancel()
		if err != nil {
			p.log.Warn("event bus: loading a stored message", "ref", w.Ref, "err", err)
			return
		}
	}
	p.hub.Deliver(Message{Topic: w.Topic, Data: data})
}

// Close stops listening and ends every subscription.
func (p *Postgres) Close() error {
	var err error
	p.once.Do(func() {
		close(p.stop)
		err = p.listener.Close()
		p.done.Wait()
		p.hub.Close()
	})
	return err
}
