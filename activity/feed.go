package activity

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/sync/singleflight"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/hook"
	"github.com/woowtech/woow-paas/ent/workspace"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/events"
	"github.com/woowtech/woow-paas/push"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
)

// Topic is the bus topic of a workspace's activity feed.
func Topic(workspaceID int) string { return fmt.Sprintf("workspace.%d.activity", workspaceID) }

// Notice is what travels on the bus: a reference to the stored entry and
// what subscribers need to decide about it without loading it.
type Notice struct {
	ID          int    `json:"id"`
	WorkspaceID int    `json:"ws"`
	Verb        string `json:"verb"`
	SubjectType string `json:"st,omitempty"`
	SubjectID   int    `json:"sid,omitempty"`
}

// PublishHook publishes every new activity entry after its transaction
// commits (at once outside a transaction), so subscribers never hear of a
// change that was rolled back. Install it with client.ActivityEvent.Use.
func PublishHook(bus events.Bus, log *slog.Logger) ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.ActivityEventFunc(func(ctx context.Context, m *ent.ActivityEventMutation) (ent.Value, error) {
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return v, err
			}
			ev := v.(*ent.ActivityEvent)
			publish := func() {
				n := Notice{ID: ev.ID, WorkspaceID: ev.WorkspaceID, Verb: ev.Verb, SubjectType: ev.SubjectType}
				if ev.SubjectID != nil {
					n.SubjectID = *ev.SubjectID
				}
				data, _ := json.Marshal(n)
				if err := bus.Publish(context.WithoutCancel(ctx), Topic(ev.WorkspaceID), data); err != nil {
					log.WarnContext(ctx, "publishing activity", "err", err, "activity_id", ev.ID)
				}
			}
			if store.InSQLTx(ctx) {
				store.AfterCommit(ctx, publish)
			} else if tx, err := m.Tx(); err == nil {
				tx.OnCommit(func(next ent.Committer) ent.Committer {
					return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
						err := next.Commit(ctx, tx)
						if err == nil {
							publish()
						}
						return err
					})
				})
			} else {
				publish()
			}
			return v, nil
		})
	}, ent.OpCreate)
}

// Feed streams a workspace's new activity to its members.
//
// Each server has one relay per watched workspace: it receives the
// workspace's notices from the bus, loads each entry once, and hands the
// same entry to every subscriber there. A subscriber costs a small channel,
// not a goroutine, and a fan-out decodes and loads once, not once per
// subscriber. A reader that puts a push.Waker in the subscription's context
// is woken after each entry and at the end, so it needs no goroutine
// waiting on the channel either.
type Feed struct {
	client *ent.Client
	bus    events.Bus
	// One load per entry per server even across relays and retries.
	group singleflight.Group
	cache *lru.Cache[int, *ent.ActivityEvent]

	mu     sync.Mutex
	relays map[int]*relay
}

// subscriberBuffer is how many entries a subscriber may lag behind before
// it is dropped (its stream ends; clients resubscribe and re-read the feed).
const subscriberBuffer = 16

type relay struct {
	workspaceID int
	cancel      context.CancelFunc
	subs        map[*feedSub]struct{} // guarded by Feed.mu
}

type feedSub struct {
	ch     chan *ent.ActivityEvent
	userID int
	stop   func() bool
	// wake, when the reader asked for it (see package push), is called
	// after every send to ch and after closing it.
	wake func()
}

// notify wakes the subscriber's reader, if it wants to be woken.
func (s *feedSub) notify() {
	if s.wake != nil {
		s.wake()
	}
}

// NewFeed returns a Feed on client and bus.
func NewFeed(client *ent.Client, bus events.Bus) *Feed {
	cache, _ := lru.New[int, *ent.ActivityEvent](1024)
	return &Feed{client: client, bus: bus, cache: cache, relays: map[int]*relay{}}
}

// Subscribe authorises the viewer for the workspace (NOT_FOUND for
// outsiders, as for queries) and then streams its new entries until ctx
// ends. The stream ends when the viewer leaves or is removed, and when the
// viewer cannot keep up.
func (f *Feed) Subscribe(ctx context.Context, workspaceID int) (<-chan *ent.ActivityEvent, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	ws, err := f.client.Workspace.Get(ctx, workspaceID)
	if err != nil {
		if ent.IsNotFound(err) {
			return nil, errs.E(errs.NotFound, "workspace not found")
		}
		return nil, err
	}
	if ws.State == workspace.StateArchived {
		return nil, errs.E(errs.Conflict, "the workspace is archived: nothing happens in it any more")
	}
	ch := make(chan *ent.ActivityEvent, subscriberBuffer)
	s := &feedSub{ch: ch, userID: v.UserID, wake: push.Accept(ctx, ch)}
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.relays[workspaceID]
	if r == nil {
		// Its own lifetime: it must not keep the first subscriber's
		// request (and its context values) alive.
		rctx, cancel := context.WithCancel(context.Background())
		r = &relay{workspaceID: workspaceID, cancel: cancel, subs: map[*feedSub]struct{}{}}
		f.relays[workspaceID] = r
		go f.run(rctx, r, f.bus.Subscribe(rctx, Topic(workspaceID)))
	}
	r.subs[s] = struct{}{}
	s.stop = context.AfterFunc(ctx, func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.removeLocked(r, s)
	})
	return s.ch, nil
}

// removeLocked ends one subscriber (closing its channel exactly once: only
// the caller that finds it registered closes it) and the relay with its
// last subscriber.
func (f *Feed) removeLocked(r *relay, s *feedSub) {
	if _, ok := r.subs[s]; !ok {
		return
	}
	delete(r.subs, s)
	if s.stop != nil {
		s.stop()
	}
	close(s.ch)
	s.notify()
	if len(r.subs) == 0 && f.relays[r.workspaceID] == r {
		delete(f.relays, r.workspaceID)
		r.cancel()
	}
}

// run relays one workspace's notices until the relay is cancelled or the
// bus drops it; then its subscribers' streams end.
func (f *Feed) run(ctx context.Context, r *relay, msgs <-chan events.Message) {
	defer func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		for s := range r.subs {
			f.removeLocked(r, s)
		}
		if f.relays[r.workspaceID] == r {
			delete(f.relays, r.workspaceID)
		}
		r.cancel()
	}()
	for m := range msgs {
		var n Notice
		if err := json.Unmarshal(m.Data, &n); err != nil || n.WorkspaceID != r.workspaceID {
			continue
		}
		lctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		ev, err := f.load(lctx, n.ID)
		cancel()
		if err != nil || ev.WorkspaceID != r.workspaceID {
			continue
		}
		// Membership ended: so does that member's stream, after the entry
		// telling so. An archived workspace has nothing more to tell:
		// every stream ends.
		left := n.Verb == "member.removed" || n.Verb == "member.left"
		archived := n.Verb == "workspace.archived"
		f.mu.Lock()
		for s := range r.subs {
			select {
			case s.ch <- ev:
				s.notify()
			default: // too far behind: dropped, never waited for
				f.removeLocked(r, s)
				continue
			}
			if archived || (left && n.SubjectID == s.userID) {
				f.removeLocked(r, s)
			}
		}
		f.mu.Unlock()
	}
}

// load reads an entry once per server. The subscription has been
// authorised for the entry's workspace, and the topic carries only that
// workspace's entries, so the shared read uses the system context.
func (f *Feed) load(ctx context.Context, id int) (*ent.ActivityEvent, error) {
	if ev, ok := f.cache.Get(id); ok {
		return ev, nil
	}
	v, err, _ := f.group.Do(strconv.Itoa(id), func() (any, error) {
		ev, err := f.client.ActivityEvent.Get(viewer.System(context.WithoutCancel(ctx)), id)
		if err != nil {
			return nil, err
		}
		f.cache.Add(id, ev)
		return ev, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*ent.ActivityEvent), nil
}
