// Package activity writes the workspace activity feed (SPEC section 2,
// ActivityEvent). An entry is written with the same client, so inside the
// same transaction, as the change it tells about.
package activity

import (
	"context"
	"strings"

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
	// Summary is the human sentence shown in the feed, in English.
	Summary string
	// Params are the parts Summary is made of, by name ("name", "role",
	// "reason"…), so that a client can say the sentence in its own
	// language. Each value is at most ParamMax characters.
	Params map[string]string
}

// ParamMax bounds a param's value: the longest name (a workspace's, a
// task's title) fits; a failure's reason is clipped with Clip to what
// the summary keeps of it.
const ParamMax = 500

// summaryMax is the summary's limit (the schema's MaxRuneLen).
const summaryMax = 500

// Clip shortens a summary's tail the way Record shortens the summary:
// given what the summary says before it, the tail as the stored summary
// ends, so that prefix+Clip(prefix, tail) is the stored summary ("" when
// the prefix alone fills it).
func Clip(prefix, tail string) string {
	t, ok := strings.CutPrefix(clipRunes(prefix+tail, summaryMax), prefix)
	if !ok {
		return ""
	}
	return t
}

// clipRunes cuts s to max characters, marking the cut with "...".
func clipRunes(s string, max int) string {
	if r := []rune(s); len(r) > max {
		return string(r[:max-3]) + "..."
	}
	return s
}

// Record writes e with c (a transactional client when the change runs in a
// transaction).
func Record(ctx context.Context, c *ent.Client, e Entry) (*ent.ActivityEvent, error) {
	e.Summary = clipRunes(e.Summary, summaryMax)
	q := c.ActivityEvent.Create().
		SetWorkspaceID(e.WorkspaceID).
		SetVerb(e.Verb).
		SetSubjectType(e.SubjectType).
		SetSummary(e.Summary)
	// Without params the entry reads as one written before there were
	// any (null): clients show its summary.
	if len(e.Params) > 0 {
		params := make(map[string]string, len(e.Params))
		for k, v := range e.Params {
			params[k] = clipRunes(v, ParamMax)
		}
		q.SetParams(params)
	}
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
