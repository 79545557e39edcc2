package assistant

import (
	"context"
	"fmt"
	"github.com/woowtech/woow-paas/activity"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/aimessage"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/idempotency"
	"github.com/woowtech/woow-paas/names"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/viewer"
)

// ThreadInput is what createThread and updateThread take; nil leaves a
// field as it is (on create: its default). WorkspaceID and IdempotencyKey
// are for create only.
type ThreadInput struct {
	WorkspaceID    int
	Title          *string
	DefaultAgentID *int
	AutoReply      *bool
	TaskID         *int
	IdempotencyKey *string
}

// CreateThread opens a thread in a workspace (members from user up). The
// same idempotency key again answers with the thread the first request
// made (see package idempotency).
func (s *Service) CreateThread(ctx context.Context, in ThreadInput) (*ent.AIThread, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	var out *ent.AIThread
	err = s.tx(ctx, func(ctx context.Context, c *ent.Client) error {
		if _, err := c.Workspace.Get(ctx, in.WorkspaceID); ent.IsNotFound(err) {
			return errs.E(errs.NotFound, "workspace not found")
		} else if err != nil {
			return err
		}
		if err := policy.Can(ctx, c, in.WorkspaceID, policy.Chat); err != nil {
			return err
		}
		key := deref(in.IdempotencyKey)
		if err := idempotency.Check("idempotencyKey", key); err != nil { // once authorised
			return err
		}
		if id, err := idempotency.Earlier(ctx, c, "createThread", key); err != nil || id != 0 {
			if err == nil {
				out, err = c.AIThread.Get(ctx, id)
			}
			return err
		}
		create := c.AIThread.Create().SetWorkspaceID(in.WorkspaceID).SetCreatedByID(v.UserID)
		if err := checkThread(ctx, c, in.WorkspaceID, in, create.Mutation()); err != nil {
			return err
		}
		if out, err = create.Save(ctx); err != nil {
			return taskTaken(err)
		}
		if err := idempotency.Remember(ctx, c, "createThread", key, out.ID); err != nil {
			return err
		}
		_, err = activity.Record(ctx, c, activity.Entry{
			WorkspaceID: out.WorkspaceID, ActorID: v.UserID, Verb: "thread.created",
			SubjectType: "AIThread", SubjectID: out.ID, Summary: "Thread " + threadName(out) + " started",
			Params: map[string]string{"name": threadName(out)},
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil // read in the transaction: its edges load outside it
}

// UpdateThread changes a thread's title, default agent, auto-reply or
// task (members from user up).
func (s *Service) UpdateThread(ctx context.Context, id int, in ThreadInput) (*ent.AIThread, error) {
	var out *ent.AIThread
	err := s.tx(ctx, func(ctx context.Context, c *ent.Client) error {
		cur, err := thread(ctx, c, id)
		if err != nil {
			return err
		}
		if err := policy.Can(ctx, c, cur.WorkspaceID, policy.Chat); err != nil {
			return err
		}
		u := cur.Update()
		if err := checkThread(ctx, c, cur.WorkspaceID, in, u.Mutation()); err != nil {
			return err
		}
		out, err = u.Save(ctx)
		return taskTaken(err)
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil // read in the transaction: its edges load outside it
}

// DeleteThread removes a thread and its messages: its creator or a
// workspace admin may.
func (s *Service) DeleteThread(ctx context.Context, id int) (int, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return 0, err
	}
	err = s.tx(ctx, func(ctx context.Context, c *ent.Client) error {
		cur, err := thread(ctx, c, id)
		if err != nil {
			return err
		}
		if err := mayDelete(ctx, c, v.UserID, cur); err != nil {
			return err
		}
		if _, err := c.AIMessage.Delete().Where(aimessage.ThreadID(id)).Exec(ctx); err != nil {
			return err
		}
		if err := c.AIThread.DeleteOneID(id).Exec(ctx); err != nil {
			return err
		}
		_, err = activity.Record(ctx, c, activity.Entry{
			WorkspaceID: cur.WorkspaceID, ActorID: v.UserID, Verb: "thread.deleted",
			SubjectType: "AIThread", SubjectID: cur.ID, Summary: "Thread " + threadName(cur) + " deleted",
			Params: map[string]string{"name": threadName(cur)},
		})
		return err
	})
	return id, err
}

// taskTaken: a task has one thread.
func taskTaken(err error) error {
	if ent.IsConstraintError(err) {
		return errs.InvalidField("taskId", "the task has a thread already")
	}
	return err
}

func thread(ctx context.Context, c *ent.Client, id int) (*ent.AIThread, error) {
	t, err := c.AIThread.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "thread not found")
	}
	return t, err
}

func threadName(t *ent.AIThread) string {
	if t.Title == "" {
		return fmt.Sprintf("#%d", t.ID)
	}
	return "“" + t.Title + "”"
}

// checkThread validates in (for a thread of workspace ws) and sets its
// fields on m.
func checkThread(ctx context.Context, c *ent.Client, ws int, in ThreadInput, m *ent.AIThreadMutation) error {
	if in.Title != nil {
		title, err := names.Optional("title", "title", *in.Title, 200)
		if err != nil {
			return err
		}
		m.SetTitle(title)
	}
	if in.DefaultAgentID != nil {
		a, err := c.AIAgent.Get(ctx, *in.DefaultAgentID)
		if ent.IsNotFound(err) || (err == nil && !a.Active) {
			return errs.InvalidField("defaultAgentId", "no such agent")
		}
		if err != nil {
			return err
		}
		m.SetDefaultAgentID(a.ID)
	}
	if in.AutoReply != nil {
		m.SetAutoReply(*in.AutoReply)
	}
	if in.TaskID != nil {
		// Read through the privacy layer: another workspace's task does
		// not exist.
		t, err := c.Task.Get(ctx, *in.TaskID)
		if ent.IsNotFound(err) || (err == nil && t.WorkspaceID != ws) {
			return errs.InvalidField("taskId", "no such task in this workspace")
		}
		if err != nil {
			return err
		}
		m.SetTaskID(t.ID)
	}
	return nil
}

// mayDelete: a thread is deleted by a member who may chat and is its
// author, or by a workspace admin.
func mayDelete(ctx context.Context, c *ent.Client, user int, t *ent.AIThread) error {
	if err := policy.Can(ctx, c, t.WorkspaceID, policy.Chat); err != nil {
		return err
	}
	if t.CreatedByID == nil || *t.CreatedByID != user {
		if err := policy.Can(ctx, c, t.WorkspaceID, policy.UpdateWorkspace); err != nil {
			return errs.E(errs.Forbidden, "only the thread's author or a workspace admin may delete it")
		}
	}
	return nil
}

// CanDeleteThread reports whether the viewer may delete t (the same rule
// as DeleteThread).
func (s *Service) CanDeleteThread(ctx context.Context, t *ent.AIThread) bool {
	v := viewer.FromContext(ctx)
	return v != nil && mayDelete(ctx, s.client, v.UserID, t) == nil
}
