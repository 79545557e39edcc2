package live

import (
	"context"
	"encoding/json"
	"log/slog"
	"time"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/hook"
	"github.com/woowtech/woow-paas/ent/workspacemember"
	"github.com/woowtech/woow-paas/events"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
)

// AccessTopic is the bus topic of Access signals.
const AccessTopic = "access.changed"

// Access says that who may see what in a workspace has changed: a
// member's role changed or their membership ended (UserID), or the
// workspace itself changed state or owner (UserID 0: everyone there).
// Streams then authorise their subscribers there again. It is a signal,
// not the decision: the decision is the stream's Authorize, asked again.
type Access struct {
	WorkspaceID int `json:"ws"`
	UserID      int `json:"user,omitempty"`
}

// AccessHook announces Access after the commit of every change to a
// membership (role, removal) or to a workspace's state or owner, whoever
// makes it. Install it on the client's WorkspaceMember and Workspace hooks
// (see Install).
func AccessHook(bus events.Bus, log *slog.Logger) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			signals, err := accessOf(ctx, m)
			if err != nil {
				return nil, err
			}
			v, err := next.Mutate(ctx, m)
			if err != nil || len(signals) == 0 {
				return v, err
			}
			tm, ok := m.(interface{ Tx() (*ent.Tx, error) })
			if !ok {
				return v, nil
			}
			store.OnCommit(ctx, tm, func() {
				for _, a := range signals {
					data, _ := json.Marshal(a)
					if err := bus.Publish(context.WithoutCancel(ctx), AccessTopic, data); err != nil {
						log.WarnContext(ctx, "publishing an access change", "err", err, "workspace_id", a.WorkspaceID)
					}
				}
			})
			return v, nil
		})
	}
}

// Install puts AccessHook on c.
func Install(c *ent.Client, bus events.Bus, log *slog.Logger) {
	h := AccessHook(bus, log)
	c.WorkspaceMember.Use(hook.On(h, ent.OpUpdate|ent.OpUpdateOne|ent.OpDelete|ent.OpDeleteOne))
	c.Workspace.Use(hook.On(h, ent.OpUpdate|ent.OpUpdateOne|ent.OpDelete|ent.OpDeleteOne))
}

// accessOf lists whom m's change concerns, read before it is made (a
// deleted membership cannot be read after).
func accessOf(ctx context.Context, m ent.Mutation) ([]Access, error) {
	sys := viewer.System(ctx)
	switch m := m.(type) {
	case *ent.WorkspaceMemberMutation:
		if m.Op().Is(ent.OpUpdate|ent.OpUpdateOne) && len(m.Fields()) == 1 && m.Fields()[0] == workspacemember.FieldUpdatedAt {
			return nil, nil
		}
		ids, err := m.IDs(sys)
		if err != nil || len(ids) == 0 {
			return nil, err
		}
		rows, err := m.Client().WorkspaceMember.Query().Where(workspacemember.IDIn(ids...)).All(sys)
		if err != nil {
			return nil, err
		}
		out := make([]Access, len(rows))
		for i, r := range rows {
			out[i] = Access{WorkspaceID: r.WorkspaceID, UserID: r.UserID}
		}
		return out, nil
	case *ent.WorkspaceMutation:
		_, state := m.State()
		_, owner := m.OwnerID()
		if m.Op().Is(ent.OpUpdate|ent.OpUpdateOne) && !state && !owner {
			return nil, nil
		}
		ids, err := m.IDs(sys)
		out := make([]Access, len(ids))
		for i, id := range ids {
			out[i] = Access{WorkspaceID: id}
		}
		return out, err
	}
	return nil, nil
}

// watchAccess authorises again the subscribers an Access signal concerns,
// until ctx ends; a subscription the bus drops (it fell behind) is made
// again.
func (s *Stream[T, A]) watchAccess(ctx context.Context, msgs <-chan events.Message) {
	defer close(s.accessDone)
	for ctx.Err() == nil {
		for m := range msgs {
			var a Access
			if err := json.Unmarshal(m.Data, &a); err != nil {
				s.opts.Log.Warn("live: undecodable access signal", "err", err)
				continue
			}
			s.recheck(a)
		}
		select {
		case <-ctx.Done():
		case <-time.After(100 * time.Millisecond):
			msgs = s.bus.Subscribe(ctx, AccessTopic)
		}
	}
}

// recheck asks Authorize again for every subscriber a concerns, once per
// viewer and key, off the bus's goroutine, and ends the streams it
// refuses.
func (s *Stream[T, A]) recheck(a Access) {
	type target struct {
		r  *relay[T]
		sb *sub[T]
	}
	var targets []target
	s.mu.Lock()
	for _, r := range s.relays {
		if r.workspace != a.WorkspaceID {
			continue
		}
		for sb := range r.subs {
			if a.UserID == 0 || sb.userID == a.UserID {
				targets = append(targets, target{r, sb})
			}
		}
	}
	s.mu.Unlock()
	if len(targets) == 0 {
		return
	}
	go func() {
		type asked struct{ user, key int }
		answers := map[asked]error{}
		for _, t := range targets {
			q := asked{t.sb.userID, t.r.key}
			err, ok := answers[q]
			if !ok {
				if t.sb.ctx.Err() != nil {
					continue
				}
				_, err = s.cfg.Authorize(t.sb.ctx, t.r.key)
				answers[q] = err
			}
			if err != nil && t.sb.ctx.Err() == nil {
				s.mu.Lock()
				s.endLocked(t.r, t.sb, err)
				s.mu.Unlock()
			}
		}
	}()
}
