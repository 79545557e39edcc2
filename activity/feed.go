package activity

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"

	"entgo.io/ent/dialect/sql"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/activityevent"
	"github.com/woowtech/woow-paas/ent/hook"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/ent/workspace"
	"github.com/woowtech/woow-paas/ent/workspacemember"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/events"
	"github.com/woowtech/woow-paas/live"
	"github.com/woowtech/woow-paas/store"
)

// Topic is the bus topic of a workspace's activity feed.
func Topic(workspaceID int) string { return fmt.Sprintf("workspace.%d.activity", workspaceID) }

// PublishHook announces every new activity entry after its transaction
// commits, so subscribers never hear of a change that was rolled back.
// Install it with client.ActivityEvent.Use.
func PublishHook(bus events.Bus, log *slog.Logger) ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.ActivityEventFunc(func(ctx context.Context, m *ent.ActivityEventMutation) (ent.Value, error) {
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return v, err
			}
			ev := v.(*ent.ActivityEvent)
			store.OnCommit(ctx, m, func() {
				if err := live.Publish(ctx, bus, Topic(ev.WorkspaceID), ev.ID); err != nil {
					log.WarnContext(ctx, "publishing activity", "err", err, "activity_id", ev.ID)
				}
			})
			return v, nil
		})
	}, ent.OpCreate)
}

// Feed streams a workspace's new activity to its members: a live.Stream
// whose cursor is the id of the last entry the subscriber has.
type Feed = live.Stream[*ent.ActivityEvent, int]

// NewFeed returns the activity Feed on client and bus. A subscription is
// refused to outsiders (NOT_FOUND, as for queries) and for an archived
// workspace (CONFLICT: nothing happens in it any more), and ends when
// either becomes true.
func NewFeed(client *ent.Client, bus events.Bus, log *slog.Logger) *Feed {
	return live.New(bus, live.Config[*ent.ActivityEvent, int]{
		Name:  "activity",
		Topic: Topic,
		Authorize: func(ctx context.Context, ws int) (int, error) {
			w, err := client.Workspace.Get(ctx, ws)
			if ent.IsNotFound(err) {
				return 0, errs.E(errs.NotFound, "workspace not found")
			}
			if err != nil {
				return 0, err
			}
			if w.State == workspace.StateArchived {
				return 0, errs.E(errs.Conflict, "the workspace is archived: nothing happens in it any more")
			}
			return ws, nil
		},
		Load: func(ctx context.Context, id int) (*ent.ActivityEvent, error) {
			return loadEntry(ctx, client, id)
		},
		Since: func(ctx context.Context, ws, after, limit int) ([]*ent.ActivityEvent, error) {
			return client.ActivityEvent.Query().
				Where(activityevent.WorkspaceID(ws), activityevent.IDGT(after)).
				Order(ent.Asc(activityevent.FieldID)).Limit(limit).All(ctx)
		},
		Identity: func(ev *ent.ActivityEvent) string { return strconv.Itoa(ev.ID) },
	}, live.Options{Log: log})
}

// loadEntry reads an announced entry once for every subscriber (as the
// platform), with the edges a payload follows loaded, so that rendering
// it for a thousand subscribers reads nothing more. Only edges every
// subscriber may see are loaded: its workspace (every subscriber is a
// member: the stream re-authorises them) and its actor while the actor
// is a member of that workspace too. An actor who has left is visible to
// some subscribers (those who share another workspace with them) and not
// to others, so that edge stays unloaded and each subscriber reads it
// through the privacy rules.
func loadEntry(ctx context.Context, client *ent.Client, id int) (*ent.ActivityEvent, error) {
	q := func() *ent.ActivityEventQuery {
		return client.ActivityEvent.Query().Where(activityevent.ID(id)).WithWorkspace()
	}
	ev, err := q().WithActor(func(q *ent.UserQuery) {
		q.Where(func(s *sql.Selector) {
			m, e := sql.Table(workspacemember.Table), sql.Table(activityevent.Table)
			s.Where(sql.Exists(sql.Select(m.C(workspacemember.FieldID)).From(m).
				Join(e).On(e.C(activityevent.FieldWorkspaceID), m.C(workspacemember.FieldWorkspaceID)).
				Where(sql.And(
					sql.ColumnsEQ(m.C(workspacemember.FieldUserID), s.C(user.FieldID)),
					sql.EQ(e.C(activityevent.FieldID), id),
				))))
		})
	}).Only(ctx)
	if err == nil && ev.ActorID != nil && ev.Edges.Actor == nil {
		// The actor has left: read again without the edge.
		ev, err = q().Only(ctx)
	}
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "no activity entry %d", id)
	}
	return ev, err
}
