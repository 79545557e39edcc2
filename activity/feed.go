package activity

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/sync/singleflight"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/hook"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/events"
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
type Feed struct {
	client *ent.Client
	bus    events.Bus
	// One load per entry per server, however many subscribers: the first
	// loads, the rest share it.
	group singleflight.Group
	cache *lru.Cache[int, *ent.ActivityEvent]
}

// NewFeed returns a Feed on client and bus.
func NewFeed(client *ent.Client, bus events.Bus) *Feed {
	cache, _ := lru.New[int, *ent.ActivityEvent](1024)
	return &Feed{client: client, bus: bus, cache: cache}
}

// Subscribe authorises the viewer for the workspace (NOT_FOUND for
// outsiders, as for queries) and then streams its new entries until ctx
// ends. The stream ends when the viewer leaves or is removed, and when the
// viewer cannot keep up (the bus drops slow subscribers).
func (f *Feed) Subscribe(ctx context.Context, workspaceID int) (<-chan *ent.ActivityEvent, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, errs.E(errs.Unauthenticated, "sign in first")
	}
	if _, err := f.client.Workspace.Get(ctx, workspaceID); err != nil {
		if ent.IsNotFound(err) {
			return nil, errs.E(errs.NotFound, "workspace not found")
		}
		return nil, err
	}
	msgs := f.bus.Subscribe(ctx, Topic(workspaceID))
	out := make(chan *ent.ActivityEvent, 1)
	go func() {
		defer close(out)
		for m := range msgs {
			var n Notice
			if err := json.Unmarshal(m.Data, &n); err != nil || n.WorkspaceID != workspaceID {
				continue
			}
			ev, err := f.load(ctx, n.ID)
			if err != nil || ev.WorkspaceID != workspaceID {
				continue
			}
			select {
			case out <- ev:
			case <-ctx.Done():
				return
			}
			// Membership ended: so does the stream. (The entry telling so
			// is the last one the viewer sees.)
			if (n.Verb == "member.removed" || n.Verb == "member.left") && n.SubjectID == v.UserID {
				return
			}
		}
	}()
	return out, nil
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
