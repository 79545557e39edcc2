// Package activity writes the workspace activity feed (SPEC section 2,
// ActivityEvent). An entry is written with the same client, so inside the
// same transaction, as the change it tells about.
package activity

import (
	"context"

	"entgo.io/contrib/entgql"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/activityevent"
	"github.com/woowtech/woow-paas/errs"
)

// Entry is one thing that happened in a workspace.
type Entry struct {
	WorkspaceID int
	// ActorID is the user who did it; 0 for the platform itself.
	ActorID int
	// Verb is a stable, machine-readable name ("member.joined").
	Verb        string
	SubjectType string
	SubjectID   int
	// Summary is the human sentence shown in the feed.
	Summary string
}

// Record writes e with c (a transactional client when the change runs in a
// transaction).
func Record(ctx context.Context, c *ent.Client, e Entry) (*ent.ActivityEvent, error) {
	if r := []rune(e.Summary); len(r) > 500 {
		e.Summary = string(r[:497]) + "..."
	}
	q := c.ActivityEvent.Create().
		SetWorkspaceID(e.WorkspaceID).
		SetVerb(e.Verb).
		SetSubjectType(e.SubjectType).
		SetSummary(e.Summary)
	if e.ActorID != 0 {
		q.SetActorID(e.ActorID)
	}
	if e.SubjectID != 0 {
		q.SetSubjectID(e.SubjectID)
	}
	return q.Save(ctx)
}

// NewestFirst orders a feed page by time, newest first. A function, not a
// shared option, so no caller can change the order for the others.
func NewestFirst() ent.ActivityEventPaginateOption {
	return ent.WithActivityEventOrder(&ent.ActivityEventOrder{
		Direction: entgql.OrderDirectionDesc,
		Field:     ent.ActivityEventOrderFieldCreatedAt,
	})
}

// Of returns the query of a workspace's feed: NOT_FOUND when the viewer
// cannot see the workspace (an empty list would hint that it exists).
func Of(ctx context.Context, c *ent.Client, workspaceID int) (*ent.ActivityEventQuery, error) {
	if _, err := c.Workspace.Get(ctx, workspaceID); err != nil {
		if ent.IsNotFound(err) {
			return nil, errs.E(errs.NotFound, "workspace not found")
		}
		return nil, err
	}
	return c.ActivityEvent.Query().Where(activityevent.WorkspaceID(workspaceID)), nil
}
