package board

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/woowtech/woow-paas/activity"
	"github.com/woowtech/woow-paas/assistant"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/task"
	"github.com/woowtech/woow-paas/ent/taskstage"
	"github.com/woowtech/woow-paas/ent/workspacemember"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/idempotency"
	"github.com/woowtech/woow-paas/names"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/viewer"
)

// Stages are a project's stages, left to right.
func (s *Service) Stages(ctx context.Context, p *ent.Project) ([]*ent.TaskStage, error) {
	return s.client.TaskStage.Query().Where(taskstage.ProjectID(p.ID)).
		Order(ent.Asc(taskstage.FieldSequence), ent.Asc(taskstage.FieldID)).Limit(MaxStages).All(ctx)
}

// Tasks are a stage's tasks in board order (at most MaxTasksShown).
func (s *Service) Tasks(ctx context.Context, st *ent.TaskStage) ([]*ent.Task, error) {
	return s.client.Task.Query().Where(task.StageID(st.ID)).
		Order(ent.Asc(task.FieldRank), ent.Asc(task.FieldID)).Limit(MaxTasksShown).All(ctx)
}

// Tags are a task's tags (never null).
func Tags(t *ent.Task) []string {
	if t.Tags == nil {
		return []string{}
	}
	return t.Tags
}

// Thread is a task's chat, created on first read by a member who may chat;
// nil for others until then.
func (s *Service) Thread(ctx context.Context, t *ent.Task) (*ent.AIThread, error) {
	th, err := t.QueryThread().Only(ctx)
	if !ent.IsNotFound(err) {
		return th, err
	}
	if policy.Can(ctx, s.client, t.WorkspaceID, policy.Chat) != nil {
		return nil, nil
	}
	title := t.Title
	th, err = s.chats.CreateThread(ctx, assistant.ThreadInput{WorkspaceID: t.WorkspaceID, Title: &title, TaskID: &t.ID, AutoReply: &t.AiAutoReply})
	if errs.Is(err, errs.Invalid) { // made at the same moment by another reader
		return t.QueryThread().Only(ctx)
	}
	return th, err
}

// lockStage holds stage id's row until the transaction ends (PostgreSQL;
// SQLite's writes are serial): the moves into one stage take turns, so
// that each reads the keys the one before wrote.
func (s *Service) lockStage(ctx context.Context, c *ent.Client, id int) (*ent.TaskStage, error) {
	q := c.TaskStage.Query().Where(taskstage.ID(id))
	if s.db.Dialect == "postgres" {
		q.ForUpdate()
	}
	st, err := q.Only(ctx)
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "stage not found")
	}
	return st, err
}

// place returns the key for a task put at index pos of stage (without
// the task itself, skip). When the neighbours leave no room (equal keys,
// or keys grown past MaxRankLen), the stage's other tasks get fresh keys
// first, each announced.
func place(ctx context.Context, c *ent.Client, st *ent.TaskStage, skip, pos int, note func(int, Change, int)) (string, error) {
	var rows []struct {
		ID   int    `json:"id"`
		Rank string `json:"rank"`
	}
	err := c.Task.Query().Where(task.StageID(st.ID), task.IDNEQ(skip)).
		Order(ent.Asc(task.FieldRank), ent.Asc(task.FieldID)).
		Select(task.FieldID, task.FieldRank).Scan(ctx, &rows)
	if err != nil {
		return "", err
	}
	pos = min(max(pos, 0), len(rows))
	bounds := func() (string, string) {
		lo, hi := "", ""
		if pos > 0 {
			lo = rows[pos-1].Rank
		}
		if pos < len(rows) {
			hi = rows[pos].Rank
		}
		return lo, hi
	}
	lo, hi := bounds()
	if (hi == "" || lo < hi) && (pos == 0 || lo != "") {
		if k := Between(lo, hi); len(k) <= MaxRankLen {
			return k, nil
		}
	}
	// Rebalance: every other task of the stage gets a fresh key, with a
	// gap at pos.
	keys := Spread(len(rows) + 1)
	for i, r := range rows {
		k := keys[i]
		if i >= pos {
			k = keys[i+1]
		}
		if err := c.Task.UpdateOneID(r.ID).SetRank(k).Exec(ctx); err != nil {
			return "", err
		}
		note(st.ProjectID, TaskChanged, r.ID)
	}
	return keys[pos], nil
}

// CreateStage adds a stage at position (default last). The same
// idempotency key again answers with the stage the first request made
// (see package idempotency).
func (s *Service) CreateStage(ctx context.Context, projectID int, name string, position *int, idempotencyKey *string) (*ent.TaskStage, error) {
	key := ""
	if idempotencyKey != nil {
		key = *idempotencyKey
	}
	var out *ent.TaskStage
	err := s.write(ctx, func(ctx context.Context, c *ent.Client, note func(int, Change, int)) error {
		p, err := editProject(ctx, c, projectID)
		if err != nil {
			return err
		}
		if err := idempotency.Check("idempotencyKey", key); err != nil { // once authorised
			return err
		}
		if id, err := idempotency.Earlier(ctx, c, "createTaskStage", key); err != nil || id != 0 {
			if err == nil {
				out, err = c.TaskStage.Get(ctx, id)
			}
			return err
		}
		n, err := names.Required("name", "stage name", name, 100)
		if err != nil {
			return err
		}
		stages, err := s.Stages(ctx, p)
		if err != nil {
			return err
		}
		if len(stages) >= MaxStages {
			return errs.E(errs.Conflict, "a project has at most %d stages", MaxStages)
		}
		pos := len(stages)
		if position != nil {
			if err := checkPosition(*position); err != nil {
				return err
			}
			pos = min(*position, len(stages))
		}
		st, err := c.TaskStage.Create().SetWorkspaceID(p.WorkspaceID).SetProjectID(p.ID).SetName(n).Save(ctx)
		if err != nil {
			return err
		}
		if err := resequence(ctx, c, slices.Insert(stages, pos, st), st.ID, note); err != nil {
			return err
		}
		if err := idempotency.Remember(ctx, c, "createTaskStage", key, st.ID); err != nil {
			return err
		}
		out, err = c.TaskStage.Get(ctx, st.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// resequence numbers stages in their order, announcing each renumbered
// one and always.
func resequence(ctx context.Context, c *ent.Client, stages []*ent.TaskStage, always int, note func(int, Change, int)) error {
	for i, st := range stages {
		if st.Sequence != i {
			if err := c.TaskStage.UpdateOneID(st.ID).SetSequence(i).Exec(ctx); err != nil {
				return err
			}
		} else if st.ID != always {
			continue
		}
		note(st.ProjectID, StageChanged, st.ID)
	}
	return nil
}

// UpdateStage renames, folds or unfolds a stage.
func (s *Service) UpdateStage(ctx context.Context, id int, name *string, folded *bool) (*ent.TaskStage, error) {
	var out *ent.TaskStage
	err := s.write(ctx, func(ctx context.Context, c *ent.Client, note func(int, Change, int)) error {
		st, err := editStage(ctx, c, id)
		if err != nil {
			return err
		}
		u := st.Update()
		if name != nil {
			n, err := names.Required("name", "stage name", *name, 100)
			if err != nil {
				return err
			}
			u.SetName(n)
		}
		if folded != nil {
			u.SetFolded(*folded)
		}
		if out, err = u.Save(ctx); err != nil {
			return err
		}
		note(st.ProjectID, StageChanged, st.ID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// MoveStage puts a stage at index position of its board.
func (s *Service) MoveStage(ctx context.Context, id, position int) (*ent.TaskStage, error) {
	var out *ent.TaskStage
	err := s.write(ctx, func(ctx context.Context, c *ent.Client, note func(int, Change, int)) error {
		st, err := editStage(ctx, c, id)
		if err != nil {
			return err
		}
		if err := checkPosition(position); err != nil {
			return err
		}
		stages, err := c.TaskStage.Query().Where(taskstage.ProjectID(st.ProjectID)).
			Order(ent.Asc(taskstage.FieldSequence), ent.Asc(taskstage.FieldID)).All(ctx)
		if err != nil {
			return err
		}
		stages = slices.DeleteFunc(stages, func(x *ent.TaskStage) bool { return x.ID == id })
		stages = slices.Insert(stages, min(position, len(stages)), st)
		if err := resequence(ctx, c, stages, id, note); err != nil {
			return err
		}
		out, err = c.TaskStage.Get(ctx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// DeleteStage deletes a stage: an empty one, or one whose tasks go to the
// end of moveTo (a stage of the same project).
func (s *Service) DeleteStage(ctx context.Context, id int, moveTo *int) (int, error) {
	err := s.write(ctx, func(ctx context.Context, c *ent.Client, note func(int, Change, int)) error {
		st, err := editStage(ctx, c, id)
		if err != nil {
			return err
		}
		tasks, err := c.Task.Query().Where(task.StageID(id)).Order(ent.Asc(task.FieldRank), ent.Asc(task.FieldID)).All(ctx)
		if err != nil {
			return err
		}
		if len(tasks) > 0 {
			if moveTo == nil {
				return errs.InvalidField("moveTasksTo", "the stage has %d tasks: say which stage they go to", len(tasks))
			}
			to, err := c.TaskStage.Get(ctx, *moveTo)
			if ent.IsNotFound(err) || (err == nil && (to.ProjectID != st.ProjectID || to.ID == id)) {
				return errs.InvalidField("moveTasksTo", "choose another stage of this project")
			}
			if err != nil {
				return err
			}
			if to, err = s.lockStage(ctx, c, to.ID); err != nil {
				return err
			}
			ranks, err := c.Task.Query().Where(task.StageID(to.ID)).Order(ent.Desc(task.FieldRank)).Limit(1).
				Select(task.FieldRank).Strings(ctx)
			if err != nil {
				return err
			}
			last := ""
			if len(ranks) > 0 {
				last = ranks[0]
			}
			if len(last) > MaxRankLen/2 { // room for the whole column after it
				if last, err = place(ctx, c, to, 0, 1<<30, note); err != nil {
					return err
				}
			}
			for _, t := range tasks {
				last = Between(last, "")
				if err := t.Update().SetStageID(to.ID).SetRank(last).Exec(ctx); err != nil {
					return err
				}
				note(t.ProjectID, TaskChanged, t.ID)
			}
		}
		if err := c.TaskStage.DeleteOneID(id).Exec(ctx); err != nil {
			return err
		}
		note(st.ProjectID, StageDeleted, id)
		return nil
	})
	return id, err
}

// TaskInput is what createTask and updateTask take; nil leaves a field as
// it is.
type TaskInput struct {
	ProjectID, StageID int
	Title, Description *string
	Position           *int
	IdempotencyKey     *string
	AssigneeID         *int
	ClearAssignee      bool
	Deadline           *time.Time
	ClearDeadline      bool
	Priority           *task.Priority
	Tags               []string
}

// CreateTask adds a task to a stage of a project, at position (default
// last).
func (s *Service) CreateTask(ctx context.Context, in TaskInput) (*ent.Task, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	key := ""
	if in.IdempotencyKey != nil {
		key = *in.IdempotencyKey
	}
	var out *ent.Task
	err = s.write(ctx, func(ctx context.Context, c *ent.Client, note func(int, Change, int)) error {
		p, err := editProject(ctx, c, in.ProjectID)
		if err != nil {
			return err
		}
		if err := idempotency.Check("idempotencyKey", key); err != nil { // once authorised
			return err
		}
		if id, err := idempotency.Earlier(ctx, c, "createTask", key); err != nil || id != 0 {
			if err == nil {
				out, err = c.Task.Get(ctx, id)
			}
			return err
		}
		st, err := s.lockStage(ctx, c, in.StageID)
		if errs.Is(err, errs.NotFound) || (err == nil && st.ProjectID != p.ID) {
			return errs.InvalidField("stageId", "the stage is not on this project's board")
		}
		if err != nil {
			return err
		}
		create := c.Task.Create().SetWorkspaceID(p.WorkspaceID).SetProjectID(p.ID).SetStageID(st.ID)
		if in.Title == nil {
			in.Title = new(string)
		}
		if err := s.checkTask(ctx, c, p.WorkspaceID, in, create.Mutation()); err != nil {
			return err
		}
		pos := 1 << 30
		if in.Position != nil {
			if err := checkPosition(*in.Position); err != nil {
				return err
			}
			pos = *in.Position
		}
		rank, err := place(ctx, c, st, 0, pos, note)
		if err != nil {
			return err
		}
		if out, err = create.SetRank(rank).Save(ctx); err != nil {
			return err
		}
		note(p.ID, TaskChanged, out.ID)
		if err := idempotency.Remember(ctx, c, "createTask", key, out.ID); err != nil {
			return err
		}
		_, err = activity.Record(ctx, c, activity.Entry{WorkspaceID: p.WorkspaceID, ActorID: v.UserID, Verb: "task.created",
			SubjectType: "Task", SubjectID: out.ID, Summary: "Task " + out.Title + " added to " + p.Name,
			Params: map[string]string{"name": out.Title, "project": p.Name}})
		return err
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// checkTask validates the fields in sets and puts them on m.
func (s *Service) checkTask(ctx context.Context, c *ent.Client, ws int, in TaskInput, m *ent.TaskMutation) error {
	if in.Title != nil {
		t, err := names.Required("title", "task title", *in.Title, 300)
		if err != nil {
			return err
		}
		m.SetTitle(t)
	}
	if in.Description != nil {
		d, err := names.Text("description", "description", *in.Description, 20000)
		if err != nil {
			return err
		}
		m.SetDescription(d)
	}
	switch {
	case in.ClearAssignee:
		m.ClearAssigneeID()
	case in.AssigneeID != nil:
		ok, err := c.WorkspaceMember.Query().Where(workspacemember.WorkspaceID(ws), workspacemember.UserID(*in.AssigneeID)).
			Exist(viewer.System(ctx))
		if err != nil {
			return err
		}
		if !ok {
			return errs.InvalidField("assigneeId", "the assignee must be a member of the workspace")
		}
		m.SetAssigneeID(*in.AssigneeID)
	}
	switch {
	case in.ClearDeadline:
		m.ClearDeadline()
	case in.Deadline != nil:
		if in.Deadline.Year() < 2000 || in.Deadline.Year() > 9999 {
			return errs.InvalidField("deadline", "a due date between the years 2000 and 9999")
		}
		m.SetDeadline(in.Deadline.UTC())
	}
	if in.Priority != nil {
		m.SetPriority(*in.Priority)
	}
	if in.Tags != nil {
		if len(in.Tags) > MaxTags {
			return errs.InvalidField("tags", "a task has at most %d tags", MaxTags)
		}
		tags := make([]string, 0, len(in.Tags))
		for _, t := range in.Tags {
			t, err := names.Required("tags", "tag", t, 50)
			if err != nil {
				return err
			}
			if !slices.ContainsFunc(tags, func(x string) bool { return strings.EqualFold(x, t) }) {
				tags = append(tags, t)
			}
		}
		m.SetTags(tags)
	}
	return nil
}

// UpdateTask changes a task's fields (members from user up).
func (s *Service) UpdateTask(ctx context.Context, id int, in TaskInput) (*ent.Task, error) {
	var out *ent.Task
	err := s.write(ctx, func(ctx context.Context, c *ent.Client, note func(int, Change, int)) error {
		t, err := editTask(ctx, c, id)
		if err != nil {
			return err
		}
		u := t.Update()
		if err := s.checkTask(ctx, c, t.WorkspaceID, in, u.Mutation()); err != nil {
			return err
		}
		if out, err = u.Save(ctx); err != nil {
			return err
		}
		note(t.ProjectID, TaskChanged, id)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// MoveTask puts a task at index position of a stage of its project; only
// the task is written (but for a rare rebalance).
func (s *Service) MoveTask(ctx context.Context, id, stageID, position int) (*ent.Task, error) {
	var out *ent.Task
	err := s.write(ctx, func(ctx context.Context, c *ent.Client, note func(int, Change, int)) error {
		t, err := editTask(ctx, c, id)
		if err != nil {
			return err
		}
		if err := checkPosition(position); err != nil {
			return err
		}
		st, err := s.lockStage(ctx, c, stageID)
		if errs.Is(err, errs.NotFound) || (err == nil && st.ProjectID != t.ProjectID) {
			return errs.InvalidField("stageId", "the stage is not on this task's board")
		}
		if err != nil {
			return err
		}
		rank, err := place(ctx, c, st, id, position, note)
		if err != nil {
			return err
		}
		if out, err = t.Update().SetStageID(st.ID).SetRank(rank).Save(ctx); err != nil {
			return err
		}
		note(t.ProjectID, TaskChanged, id)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// DeleteTask deletes a task and its chat (members from user up).
func (s *Service) DeleteTask(ctx context.Context, id int) (int, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return 0, err
	}
	err = s.write(ctx, func(ctx context.Context, c *ent.Client, note func(int, Change, int)) error {
		t, err := editTask(ctx, c, id)
		if err != nil {
			return err
		}
		if err := deleteChats(ctx, c, task.ID(id)); err != nil {
			return err
		}
		if err := c.Task.DeleteOneID(id).Exec(ctx); err != nil {
			return err
		}
		note(t.ProjectID, TaskDeleted, id)
		_, err = activity.Record(ctx, c, activity.Entry{WorkspaceID: t.WorkspaceID, ActorID: v.UserID, Verb: "task.deleted",
			SubjectType: "Task", SubjectID: id, Summary: "Task " + t.Title + " deleted",
			Params: map[string]string{"name": t.Title}})
		return err
	})
	return id, err
}

// EventTask is the task a TASK_CHANGED event shows, read with the
// subscriber's rights (nil when gone since).
func (s *Service) EventTask(ctx context.Context, e *Event) (*ent.Task, error) {
	if e.Change != TaskChanged {
		return nil, nil
	}
	return orNil(s.client.Task.Get(ctx, e.Ref))
}

// EventStage is the stage a STAGE_CHANGED event shows.
func (s *Service) EventStage(ctx context.Context, e *Event) (*ent.TaskStage, error) {
	if e.Change != StageChanged {
		return nil, nil
	}
	return orNil(s.client.TaskStage.Get(ctx, e.Ref))
}

// EventProject is the project a PROJECT_CHANGED event shows.
func (s *Service) EventProject(ctx context.Context, e *Event) (*ent.Project, error) {
	if e.Change != ProjectChanged {
		return nil, nil
	}
	return orNil(s.client.Project.Get(ctx, e.Ref))
}

// DeletedID names what a *_DELETED event removed.
func DeletedID(e *Event) *int {
	if !e.Deleted() {
		return nil
	}
	return &e.Ref
}

func orNil[T any](v *T, err error) (*T, error) {
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return v, err
}
