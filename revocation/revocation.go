// Package revocation carries the end of a credential (a session, an OAuth
// access token) to every server replica and ends what was opened
// with it: requests in flight, SSE streams and WebSocket connections.
//
// A credential's end is final the moment its row is deleted; what this
// package adds is that nothing keeps running on it. The code that deletes
// credentials calls Publish after its transaction commits; every replica's
// Watcher hears it on the event bus (LISTEN/NOTIFY across replicas on
// PostgreSQL) and cancels the contexts that Bind derived for those
// credentials, with an UNAUTHENTICATED *errs.Error as the cause, which the
// WebSocket transport turns into close code 4401. Notices can be lost (a
// replica reconnecting to PostgreSQL misses what was sent meanwhile, a
// watcher that falls behind is dropped by the bus), so the watcher also
// asks the database, every SweepEvery and after every resubscription,
// which of the credentials it watches are still valid.
package revocation

import (
	"context"
	"encoding/json"
	"log/slog"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/events"
)

// Topic is the bus topic of revocation notices.
const Topic = "credentials.revoked"

// Kind is a kind of credential; IDs are unique within a kind.
type Kind string

// Session is a first-party session (package accounts).
const Session Kind = "session"

// OAuthToken is an OAuth access token (package oauth).
const OAuthToken Kind = "oauth_token"

// Credential names one credential.
type Credential struct {
	Kind Kind
	ID   int
}

// notice is what travels on the bus: the ids of revoked credentials, by
// kind.
type notice map[Kind][]int

// maxIDsPerNotice keeps a notice well under NOTIFY's payload limit (the bus
// would spill a larger one to a table, which works but costs a read per
// replica).
const maxIDsPerNotice = 500

// ErrEnded is the cause of a context whose credential has ended.
var ErrEnded = errs.E(errs.Unauthenticated, "your session has ended; sign in again")

// Checker tells which of ids (credentials of one kind) are still valid:
// present, not expired, their account not disabled. Errors leave the
// credentials watched.
type Checker func(ctx context.Context, ids []int) (valid []int, err error)

// Watcher cancels the contexts bound to credentials when they end. The zero
// value is not usable: use New.
type Watcher struct {
	bus    events.Bus
	check  map[Kind]Checker
	log    *slog.Logger
	period time.Duration

	mu      sync.Mutex
	watches map[Credential]map[*watch]struct{}
}

type watch struct {
	ctx    context.Context
	cancel context.CancelCauseFunc
}

// SweepEvery is how often a Watcher checks its credentials against the
// database, in case a notice was lost.
const SweepEvery = time.Minute

// New returns a Watcher on bus. checks validate each kind's credentials
// for the periodic sweep; a kind without one is only ended by notices.
func New(bus events.Bus, checks map[Kind]Checker, log *slog.Logger) *Watcher {
	if log == nil {
		log = slog.Default()
	}
	return &Watcher{bus: bus, check: maps.Clone(checks), log: log, period: SweepEvery,
		watches: map[Credential]map[*watch]struct{}{}}
}

// Bind returns a context derived from ctx that is cancelled, with ErrEnded
// as its cause, when c ends, and a release to call when it is no longer
// needed (a request's handler returning). It costs no goroutine and no
// callback on ctx: a WebSocket keeps its binding for hours, and a
// callback costs a few hundred bytes per socket. A binding never released
// is dropped by the first sweep after its context ends.
func (w *Watcher) Bind(ctx context.Context, c Credential) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	wt := &watch{ctx: ctx, cancel: cancel}
	w.mu.Lock()
	set := w.watches[c]
	if set == nil {
		set = map[*watch]struct{}{}
		w.watches[c] = set
	}
	set[wt] = struct{}{}
	w.mu.Unlock()
	return ctx, func() {
		w.mu.Lock()
		if set := w.watches[c]; set != nil {
			delete(set, wt)
			if len(set) == 0 {
				delete(w.watches, c)
			}
		}
		w.mu.Unlock()
		cancel(context.Canceled)
	}
}

// prune drops the bindings whose context has ended.
func (w *Watcher) prune() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for c, set := range w.watches {
		for wt := range set {
			if wt.ctx.Err() != nil {
				delete(set, wt)
			}
		}
		if len(set) == 0 {
			delete(w.watches, c)
		}
	}
}

// Watching counts the live contexts bound to c, for tests.
func (w *Watcher) Watching(c Credential) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for wt := range w.watches[c] {
		if wt.ctx.Err() == nil {
			n++
		}
	}
	return n
}

// end cancels every context bound to the credentials.
func (w *Watcher) end(cs []Credential) {
	var ended []*watch
	w.mu.Lock()
	for _, c := range cs {
		for wt := range w.watches[c] {
			ended = append(ended, wt)
		}
		delete(w.watches, c)
	}
	w.mu.Unlock()
	for _, wt := range ended {
		wt.cancel(ErrEnded)
	}
}

// End ends the contexts bound to c on this replica only: for a credential
// found ended without a notice (see accounts' stillValid).
func (w *Watcher) End(c Credential) { w.end([]Credential{c}) }

// Publish tells every replica (this one included, at once) that the
// credentials of kind with ids have ended. Call it after the transaction
// that deleted them commits.
func (w *Watcher) Publish(ctx context.Context, kind Kind, ids []int) error {
	if len(ids) == 0 {
		return nil
	}
	cs := make([]Credential, len(ids))
	for i, id := range ids {
		cs[i] = Credential{kind, id}
	}
	w.end(cs)
	for chunk := range slices.Chunk(ids, maxIDsPerNotice) {
		data, err := json.Marshal(notice{kind: chunk})
		if err != nil {
			return err
		}
		if err := w.bus.Publish(ctx, Topic, data); err != nil {
			return err
		}
	}
	return nil
}

// Run receives notices until ctx ends, and sweeps every SweepEvery and
// whenever it had to subscribe again (notices may have been missed).
func (w *Watcher) Run(ctx context.Context) {
	t := time.NewTicker(w.period)
	defer t.Stop()
	for ctx.Err() == nil {
		msgs := w.bus.Subscribe(ctx, Topic)
		w.receive(ctx, msgs, t.C)
		if ctx.Err() == nil {
			// Dropped by the bus: what came meanwhile is lost.
			w.sweep(ctx)
			select {
			case <-ctx.Done():
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
}

func (w *Watcher) receive(ctx context.Context, msgs <-chan events.Message, tick <-chan time.Time) {
	for {
		select {
		case m, ok := <-msgs:
			if !ok {
				return
			}
			var n notice
			if err := json.Unmarshal(m.Data, &n); err != nil {
				w.log.Warn("revocation: bad notice", "err", err)
				continue
			}
			var cs []Credential
			for kind, ids := range n {
				for _, id := range ids {
					cs = append(cs, Credential{kind, id})
				}
			}
			w.end(cs)
		case <-tick:
			w.sweep(ctx)
		case <-ctx.Done():
			return
		}
	}
}

// sweep drops ended bindings and ends the watched credentials that the
// database no longer holds valid.
func (w *Watcher) sweep(ctx context.Context) {
	w.prune()
	byKind := map[Kind][]int{}
	w.mu.Lock()
	for c := range w.watches {
		byKind[c.Kind] = append(byKind[c.Kind], c.ID)
	}
	w.mu.Unlock()
	for kind, ids := range byKind {
		check := w.check[kind]
		if check == nil {
			continue
		}
		for chunk := range slices.Chunk(ids, maxIDsPerNotice) {
			cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
			valid, err := check(cctx, chunk)
			cancel()
			if err != nil {
				if ctx.Err() == nil {
					w.log.Warn("revocation: checking credentials", "kind", kind, "err", err)
				}
				continue
			}
			keep := make(map[int]bool, len(valid))
			for _, id := range valid {
				keep[id] = true
			}
			var ended []Credential
			for _, id := range chunk {
				if !keep[id] {
					ended = append(ended, Credential{kind, id})
				}
			}
			w.end(ended)
		}
	}
}
