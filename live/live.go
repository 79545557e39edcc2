// Package live is the one design of every subscription: the activity feed,
// a service's log, a workspace's services, and the streams to come are
// each a Stream, configured with a few functions.
//
// A Stream follows keys (a workspace, a service). A change is stored first
// and announced on the event bus after its transaction commits, as a
// Notice naming the stored row. Each server has one relay per followed
// key: it receives the key's notices, loads each row once, and hands the
// same value to every subscriber there. A subscription
//
//   - is authorised when it starts, with the subscriber's own context,
//     through the privacy layer (Config.Authorize);
//   - first receives what it missed, when the subscriber names the last
//     item it has (after): read from the store (Config.Since), then the
//     live items, none lost in between and none twice;
//   - is authorised again whenever someone's access to the key's
//     workspace changes (an Access signal on the bus; see AccessHook), and
//     ends with the refusal when its access is gone;
//   - ends with an error the client reads (push.End) when a load fails or
//     when it falls too far behind; resubscribing with after loses
//     nothing.
//
// A subscriber costs a channel, not a goroutine: sources wake their reader
// (package push).
package live

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/sync/singleflight"

	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/events"
	"github.com/woowtech/woow-paas/push"
	"github.com/woowtech/woow-paas/viewer"
)

// Notice is what the bus carries for every stream: the stored row that
// changed. Subscribers load it; the bus stays small and carries nothing a
// replica of another tenant's viewer could not be told.
type Notice struct {
	ID int `json:"id"`
}

// Publish announces row id on topic. Call it once the change committed
// (store.AfterCommit, store.OnCommit).
func Publish(ctx context.Context, bus events.Bus, topic string, id int) error {
	data, err := json.Marshal(Notice{ID: id})
	if err != nil {
		return err
	}
	return bus.Publish(context.WithoutCancel(ctx), topic, data)
}

// PublishItem announces an item carried whole on the bus, for a stream
// with Config.Decode. Unlike Publish, it is sent at once: such items are
// not stored, so there is no commit to wait for.
func PublishItem(ctx context.Context, bus events.Bus, topic string, item any) error {
	data, err := json.Marshal(item)
	if err != nil {
		return err
	}
	return bus.Publish(context.WithoutCancel(ctx), topic, data)
}

// Deliver hands item, made on this server, to key's subscribers here at
// once, on the caller's goroutine, for a stream with Config.Decode: the
// bus is skipped (no encoding, no relay to wake), and the caller sends the
// other servers the item itself (events.Bus.PublishRemote). Items one
// goroutine delivers arrive in its order. Nothing happens when no one here
// follows key.
//
// Subscribers whose reader offers it (push.Here) take the item on the
// caller's goroutine after the lock is released, at most maxHere of them
// (the others are woken): no goroutine to wake and schedule per item.
func (s *Stream[T, A]) Deliver(key int, item T) {
	var here [maxHere]func()
	n := 0
	s.mu.Lock()
	if r := s.relays[key]; r != nil {
		for sb := range r.subs {
			if sb.here != nil && n < maxHere {
				if s.sendLocked(r, sb, item) {
					here[n] = sb.here
					n++
				}
				continue
			}
			s.deliverLocked(r, sb, item)
		}
	}
	s.mu.Unlock()
	for _, h := range here[:n] {
		h()
	}
}

// maxHere bounds the subscribers Deliver serves on its caller's goroutine,
// so that a thread with many viewers does not hold up the provider's
// reader for all of them.
const maxHere = 8

// Config is what makes a Stream of items T, resumed after a cursor A.
type Config[T, A any] struct {
	// Name names the stream in logs ("activity").
	Name string
	// Topic is the bus topic of a key's notices.
	Topic func(key int) string
	// Authorize decides, with the subscriber's context, whether it may
	// follow key, and returns the key's workspace. Its error is the
	// client's answer: NOT_FOUND for outsiders, as queries answer.
	Authorize func(ctx context.Context, key int) (workspace int, err error)
	// Load reads an announced row. It runs once per server for all the
	// subscribers of a key, who are authorised for it, in the platform's
	// context. A NOT_FOUND row is skipped.
	Load func(ctx context.Context, id int) (T, error)
	// Since reads what a subscriber missed: key's items after the cursor,
	// oldest first, at most limit of them.
	Since func(ctx context.Context, key int, after A, limit int) ([]T, error)
	// Identity tells an item from another, so that an item both read by
	// Since and announced live is sent once.
	Identity func(T) string
	// Mutable rows change after they are announced (a service's state):
	// each notice loads afresh. Others (log entries) are loaded once per
	// server and kept for the next relay that needs them.
	Mutable bool
	// Decode, when set, makes the bus messages the items themselves,
	// decoded rather than loaded: for what exists only in flight, such as
	// the pieces of an answer being written (published with PublishItem).
	Decode func(data []byte) (T, error)
	// Follow, when set, replaces Identity for items that extend earlier
	// ones (the text of an answer): every subscriber gets its own filter,
	// through which each item it would receive passes, caught up or live,
	// and which returns what of it is new to that subscriber (false:
	// nothing).
	Follow func() func(T) (T, bool)
}

// Options tune a Stream; the zero value takes the defaults.
type Options struct {
	// Buffer is how many items a subscriber may lag behind before its
	// stream ends (default 16).
	Buffer int
	// MaxMissed is the most items a resumed subscription catches up on;
	// with more missed, it is refused and the client reads the stored
	// list again (default 500).
	MaxMissed int
	// Log receives failed loads and re-authorisations. Default
	// slog.Default().
	Log *slog.Logger
}

// Stream is one kind of subscription. Build it with New; Close it with the
// server.
type Stream[T, A any] struct {
	cfg  Config[T, A]
	opts Options
	bus  events.Bus
	// One load per row per server, even across relays and retries.
	group singleflight.Group
	cache *lru.Cache[int, T]

	mu     sync.Mutex
	relays map[int]*relay[T]

	stopAccess context.CancelFunc
	accessDone chan struct{}
}

type relay[T any] struct {
	key, workspace int
	cancel         context.CancelFunc
	subs           map[*sub[T]]struct{} // guarded by Stream.mu
}

// sub is one subscription. All its fields but ctx and userID are guarded
// by Stream.mu; sends to ch and its close happen under it.
type sub[T any] struct {
	ctx    context.Context
	userID int
	ch     chan T // nil while catching up
	wake   func()
	here   func() // the reader's push.Here: Deliver's, outside the lock
	stop   func() bool
	// While catching up (ch nil), live items wait in pending; lost is set
	// when more came than Buffer.
	pending []T
	lost    bool
	// seen are the items caught up on: their notices may still be on their
	// way, and are skipped. The bus delivers in the order of publishing,
	// so the first unseen item means no more are coming, and ends it.
	seen map[string]bool
	// follow is the subscriber's Config.Follow filter, if any.
	follow func(T) (T, bool)
}

func (s *sub[T]) notify() {
	if s.wake != nil {
		s.wake()
	}
}

// New returns a Stream on bus. It listens for Access signals until Close.
func New[T, A any](bus events.Bus, cfg Config[T, A], opts Options) *Stream[T, A] {
	if opts.Buffer <= 0 {
		opts.Buffer = 16
	}
	if opts.MaxMissed <= 0 {
		opts.MaxMissed = 500
	}
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	cache, _ := lru.New[int, T](1024)
	ctx, cancel := context.WithCancel(context.Background())
	s := &Stream[T, A]{cfg: cfg, opts: opts, bus: bus, cache: cache, relays: map[int]*relay[T]{},
		stopAccess: cancel, accessDone: make(chan struct{})}
	// Listening before New returns: no change is missed by a subscriber
	// that comes right after.
	go s.watchAccess(ctx, bus.Subscribe(ctx, AccessTopic))
	return s
}

// Close stops listening for Access signals. Subscriptions end with their
// contexts (or the bus).
func (s *Stream[T, A]) Close() {
	s.stopAccess()
	<-s.accessDone
}

// Subscribe authorises the viewer of ctx for key and streams its items
// until ctx ends or the stream ends (see the package comment). With after,
// the items after that cursor come first.
func (s *Stream[T, A]) Subscribe(ctx context.Context, key int, after *A) (<-chan T, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	ws, err := s.cfg.Authorize(ctx, key)
	if err != nil {
		return nil, err
	}
	sb := &sub[T]{ctx: ctx, userID: v.UserID}
	if s.cfg.Follow != nil {
		sb.follow = s.cfg.Follow()
	}
	if after == nil {
		sb.ch = make(chan T, s.opts.Buffer)
		sb.wake = push.Accept(ctx, sb.ch)
		sb.here = push.Here(ctx, sb.ch)
	}
	r := s.register(ctx, key, ws, sb)
	if after == nil {
		return sb.ch, nil
	}
	// Registered first: what is announced from now on waits in pending,
	// and what was stored before is read now.
	missed, err := s.cfg.Since(viewer.System(ctx), key, *after, s.opts.MaxMissed+1)
	if err == nil && len(missed) > s.opts.MaxMissed {
		err = errs.E(errs.Conflict, "more than %d items were missed: read the list again, then subscribe", s.opts.MaxMissed)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := r.subs[sb]; !ok {
		return nil, errors.Join(err, context.Cause(ctx)) // ended while catching up
	}
	if err == nil && sb.lost {
		err = errs.E(errs.Conflict, "too much happened while catching up: subscribe again")
	}
	if err != nil {
		s.removeLocked(r, sb)
		return nil, err
	}
	sb.seen = make(map[string]bool, len(missed))
	sb.ch = make(chan T, len(missed)+len(sb.pending)+s.opts.Buffer)
	for _, it := range missed {
		if sb.follow != nil {
			var ok bool
			if it, ok = sb.follow(it); ok {
				sb.ch <- it
			}
			continue
		}
		sb.seen[s.cfg.Identity(it)] = true
		sb.ch <- it
	}
	pending := sb.pending
	sb.pending = nil
	for _, it := range pending {
		s.deliverLocked(r, sb, it)
	}
	sb.wake = push.Accept(ctx, sb.ch)
	sb.here = push.Here(ctx, sb.ch)
	return sb.ch, nil
}

// register adds sb to key's relay, starting the relay (and its bus
// subscription, before anything is read) when it is the first.
func (s *Stream[T, A]) register(ctx context.Context, key, ws int, sb *sub[T]) *relay[T] {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.relays[key]
	if r == nil {
		// Its own lifetime: it must not keep the first subscriber's
		// request (and its context values) alive.
		rctx, cancel := context.WithCancel(context.Background())
		r = &relay[T]{key: key, workspace: ws, cancel: cancel, subs: map[*sub[T]]struct{}{}}
		s.relays[key] = r
		go s.run(rctx, r, s.bus.Subscribe(rctx, s.cfg.Topic(key)))
	}
	r.subs[sb] = struct{}{}
	sb.stop = context.AfterFunc(ctx, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.removeLocked(r, sb)
	})
	return r
}

// endLocked ends sb's stream with err, which the client reads.
func (s *Stream[T, A]) endLocked(r *relay[T], sb *sub[T], err error) {
	if _, ok := r.subs[sb]; ok {
		push.End(sb.ctx, err)
		s.removeLocked(r, sb)
	}
}

// removeLocked ends one subscriber (closing its channel exactly once: only
// the caller that finds it registered closes it) and the relay with its
// last subscriber.
func (s *Stream[T, A]) removeLocked(r *relay[T], sb *sub[T]) {
	if _, ok := r.subs[sb]; !ok {
		return
	}
	delete(r.subs, sb)
	if sb.stop != nil {
		sb.stop()
	}
	if sb.ch != nil {
		close(sb.ch)
		sb.notify()
	}
	if len(r.subs) == 0 && s.relays[r.key] == r {
		delete(s.relays, r.key)
		r.cancel()
	}
}

// run relays one key's notices until the relay is cancelled or the bus
// drops it; then its subscribers' streams end.
func (s *Stream[T, A]) run(ctx context.Context, r *relay[T], msgs <-chan events.Message) {
	defer func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		for sb := range r.subs {
			if ctx.Err() == nil { // the bus dropped the relay
				s.endLocked(r, sb, errs.E(errs.Conflict, "the %s stream fell behind: subscribe again", s.cfg.Name))
			}
			s.removeLocked(r, sb)
		}
		if s.relays[r.key] == r {
			delete(s.relays, r.key)
		}
		r.cancel()
	}()
	for m := range msgs {
		if s.cfg.Decode != nil {
			it, err := s.cfg.Decode(m.Data)
			if err != nil {
				s.opts.Log.Warn("live: undecodable item", "stream", s.cfg.Name, "err", err)
				continue
			}
			s.mu.Lock()
			for sb := range r.subs {
				s.deliverLocked(r, sb, it)
			}
			s.mu.Unlock()
			continue
		}
		var n Notice
		if err := json.Unmarshal(m.Data, &n); err != nil {
			s.opts.Log.Warn("live: undecodable notice", "stream", s.cfg.Name, "err", err)
			continue
		}
		lctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		it, err := s.load(lctx, n.ID)
		cancel()
		if errs.Is(err, errs.NotFound) {
			continue // announced, then gone: nothing to show
		}
		s.mu.Lock()
		if err != nil {
			if ctx.Err() == nil {
				s.opts.Log.Warn("live: loading an announced item", "stream", s.cfg.Name, "id", n.ID, "err", err)
			}
			// Every subscriber of the key would miss it: their streams end
			// with an error, and they resume after what they have.
			for sb := range r.subs {
				s.endLocked(r, sb, fmt.Errorf("live %s: loading item %d: %w", s.cfg.Name, n.ID, err))
			}
			s.mu.Unlock()
			continue
		}
		for sb := range r.subs {
			s.deliverLocked(r, sb, it)
		}
		s.mu.Unlock()
	}
}

// deliverLocked hands it to sb and wakes its reader, or ends sb when it
// cannot keep up.
func (s *Stream[T, A]) deliverLocked(r *relay[T], sb *sub[T], it T) {
	if s.sendLocked(r, sb, it) {
		sb.notify()
	}
}

// sendLocked hands it to sb without waking its reader; true when it went
// to sb's channel (not to pending, not filtered out, not dropped).
func (s *Stream[T, A]) sendLocked(r *relay[T], sb *sub[T], it T) bool {
	if sb.ch == nil {
		if len(sb.pending) < s.opts.Buffer {
			sb.pending = append(sb.pending, it)
		} else {
			sb.lost = true
		}
		return false
	}
	if sb.follow != nil {
		var ok bool
		if it, ok = sb.follow(it); !ok {
			return false
		}
	} else if sb.seen != nil {
		if sb.seen[s.cfg.Identity(it)] {
			return false
		}
		sb.seen = nil
	}
	select {
	case sb.ch <- it:
		return true
	default: // too far behind: dropped, never waited for
		s.endLocked(r, sb, errs.E(errs.Conflict, "the %s stream fell behind: subscribe again", s.cfg.Name))
		return false
	}
}

// load reads a row: once per server, unless it is Mutable.
func (s *Stream[T, A]) load(ctx context.Context, id int) (T, error) {
	if s.cfg.Mutable {
		return s.cfg.Load(viewer.System(ctx), id)
	}
	if it, ok := s.cache.Get(id); ok {
		return it, nil
	}
	v, err, _ := s.group.Do(strconv.Itoa(id), func() (any, error) {
		it, err := s.cfg.Load(viewer.System(context.WithoutCancel(ctx)), id)
		if err != nil {
			return nil, err
		}
		s.cache.Add(id, it)
		return it, nil
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return v.(T), nil
}
