package board

import (
	"context"
	"encoding/json"
	"log/slog"
	"strconv"

	"github.com/woowtech/woow-paas/activity"
	"github.com/woowtech/woow-paas/assistant"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/aimessage"
	"github.com/woowtech/woow-paas/ent/aithread"
	"github.com/woowtech/woow-paas/ent/predicate"
	"github.com/woowtech/woow-paas/ent/project"
	"github.com/woowtech/woow-paas/ent/service"
	"github.com/woowtech/woow-paas/ent/task"
	"github.com/woowtech/woow-paas/ent/taskstage"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/events"
	"github.com/woowtech/woow-paas/idempotency"
	"github.com/woowtech/woow-paas/live"
	"github.com/woowtech/woow-paas/names"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
)

// Limits of a board.
const (
	// MaxTasksShown is the most tasks TaskStage.tasks lists.
	MaxTasksShown = 1000
	// MaxStages is the most stages a project may have.
	MaxStages = 50
	MaxTags   = 20
)

// DefaultStages are a new project's stages.
var DefaultStages = []string{"To do", "In progress", "Done"}

// Service is the board domain.
type Service struct {
	db      *store.DB
	client  *ent.Client
	bus     events.Bus
	chats   *assistant.Service
	log     *slog.Logger
	changes *live.Stream[*Event, int]
}

// New returns the board service; task chats are threads of chats.
func New(db *store.DB, bus events.Bus, chats *assistant.Service, log *slog.Logger) *Service {
	s := &Service{db: db, client: db.Client, bus: bus, chats: chats, log: log}
	s.changes = live.New(bus, live.Config[*Event, int]{
		Name:  "board",
		Topic: topic,
		Authorize: func(ctx context.Context, id int) (int, error) {
			p, err := getProject(ctx, s.client, id)
			if err != nil {
				return 0, err
			}
			return p.WorkspaceID, nil
		},
		Decode: func(data []byte) (*Event, error) {
			var e Event
			return &e, json.Unmarshal(data, &e)
		},
		Identity: func(e *Event) string { return string(e.Change) + strconv.Itoa(e.Ref) },
	}, live.Options{Buffer: 256, Log: log})
	return s
}

// Close stops the board stream's listening.
func (s *Service) Close() { s.changes.Close() }

func topic(project int) string { return "project." + strconv.Itoa(project) + ".board" }

// Subscribe follows a project's board (projectBoard).
func (s *Service) Subscribe(ctx context.Context, project int) (<-chan *Event, error) {
	return s.changes.Subscribe(ctx, project, nil)
}

// change is a board change to announce once its transaction commits.
type change struct {
	project int
	Event
}

// write runs fn in one transaction and announces its changes after the
// commit.
func (s *Service) write(ctx context.Context, fn func(ctx context.Context, c *ent.Client, note func(project int, ch Change, ref int)) error) error {
	var notes []change
	err := store.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		notes = notes[:0]
		return fn(ctx, tx.Client(), func(project int, ch Change, ref int) {
			notes = append(notes, change{project, Event{Change: ch, Ref: ref}})
		})
	})
	if err != nil {
		return err
	}
	for _, n := range notes {
		if err := live.PublishItem(ctx, s.bus, topic(n.project), n.Event); err != nil {
			s.log.WarnContext(ctx, "board: announcing a change", "project_id", n.project, "change", n.Change, "err", err)
		}
	}
	return nil
}

func getProject(ctx context.Context, c *ent.Client, id int) (*ent.Project, error) {
	p, err := c.Project.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "project not found")
	}
	return p, err
}

// editProject, editStage and editTask read a row through the privacy
// layer (another workspace's does not exist) and check that the viewer
// may change it (members from user up).
func editProject(ctx context.Context, c *ent.Client, id int) (*ent.Project, error) {
	p, err := getProject(ctx, c, id)
	if err != nil {
		return nil, err
	}
	return p, policy.Can(ctx, c, p.WorkspaceID, policy.WriteProjects)
}

func editStage(ctx context.Context, c *ent.Client, id int) (*ent.TaskStage, error) {
	st, err := getStage(ctx, c, id)
	if err != nil {
		return nil, err
	}
	return st, policy.Can(ctx, c, st.WorkspaceID, policy.WriteProjects)
}

func editTask(ctx context.Context, c *ent.Client, id int) (*ent.Task, error) {
	t, err := getTask(ctx, c, id)
	if err != nil {
		return nil, err
	}
	return t, policy.Can(ctx, c, t.WorkspaceID, policy.WriteProjects)
}

func checkPosition(p int) error {
	if p < 0 {
		return errs.InvalidField("position", "a position counts from 0")
	}
	return nil
}

func getStage(ctx context.Context, c *ent.Client, id int) (*ent.TaskStage, error) {
	st, err := c.TaskStage.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "stage not found")
	}
	return st, err
}

func getTask(ctx context.Context, c *ent.Client, id int) (*ent.Task, error) {
	t, err := c.Task.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "task not found")
	}
	return t, err
}

// CanEdit reports whether the viewer may change ws's projects.
func (s *Service) CanEdit(ctx context.Context, ws int) bool {
	return policy.Can(ctx, s.client, ws, policy.WriteProjects) == nil
}

// ProjectInput is what createProject and updateProject take; nil leaves
// a field as it is.
type ProjectInput struct {
	WorkspaceID    int
	Name           *string
	Description    *string
	ServiceID      *int
	IdempotencyKey *string
}

// CreateProject starts a project with DefaultStages (members from user
// up); with a service, the service's support project.
func (s *Service) CreateProject(ctx context.Context, in ProjectInput) (*ent.Project, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	key := ""
	if in.IdempotencyKey != nil {
		key = *in.IdempotencyKey
	}
	var out *ent.Project
	err = s.write(ctx, func(ctx context.Context, c *ent.Client, note func(int, Change, int)) error {
		if _, err := c.Workspace.Get(ctx, in.WorkspaceID); ent.IsNotFound(err) {
			return errs.E(errs.NotFound, "workspace not found")
		} else if err != nil {
			return err
		}
		if err := policy.Can(ctx, c, in.WorkspaceID, policy.WriteProjects); err != nil {
			return err
		}
		if err := idempotency.Check("idempotencyKey", key); err != nil { // once authorised
			return err
		}
		if id, err := idempotency.Earlier(ctx, c, "createProject", key); err != nil || id != 0 {
			if err == nil {
				out, err = c.Project.Get(ctx, id)
			}
			return err
		}
		create := c.Project.Create().SetWorkspaceID(in.WorkspaceID)
		if err := checkProject(in, create.Mutation(), true); err != nil {
			return err
		}
		if in.ServiceID != nil {
			svc, err := c.Service.Query().Where(service.ID(*in.ServiceID), service.WorkspaceID(in.WorkspaceID)).Only(ctx)
			if ent.IsNotFound(err) {
				return errs.InvalidField("serviceId", "no such service in this workspace")
			}
			if err != nil {
				return err
			}
			if n, err := c.Project.Query().Where(project.ServiceID(svc.ID)).Count(viewer.System(ctx)); err != nil {
				return err
			} else if n > 0 {
				return errs.InvalidField("serviceId", "the service %s has a support project already", svc.Name)
			}
			create.SetServiceID(svc.ID)
		}
		p, err := create.Save(ctx)
		if ent.IsConstraintError(err) {
			return errs.InvalidField("serviceId", "the service has a support project already")
		}
		if err != nil {
			return err
		}
		for i, name := range DefaultStages {
			if _, err := c.TaskStage.Create().SetWorkspaceID(p.WorkspaceID).SetProjectID(p.ID).SetName(name).SetSequence(i).Save(ctx); err != nil {
				return err
			}
		}
		if err := idempotency.Remember(ctx, c, "createProject", key, p.ID); err != nil {
			return err
		}
		out = p
		_, err = activity.Record(ctx, c, activity.Entry{WorkspaceID: p.WorkspaceID, ActorID: v.UserID, Verb: "project.created",
			SubjectType: "Project", SubjectID: p.ID, Summary: "Project " + p.Name + " started",
			Params: map[string]string{"name": p.Name}})
		return err
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

func checkProject(in ProjectInput, m *ent.ProjectMutation, create bool) error {
	if in.Name != nil || create {
		name := ""
		if in.Name != nil {
			name = *in.Name
		}
		n, err := names.Required("name", "project name", name, 200)
		if err != nil {
			return err
		}
		m.SetName(n)
	}
	if in.Description != nil {
		d, err := names.Text("description", "description", *in.Description, 10000)
		if err != nil {
			return err
		}
		m.SetDescription(d)
	}
	return nil
}

// UpdateProject renames or describes a project (members from user up).
func (s *Service) UpdateProject(ctx context.Context, id int, in ProjectInput) (*ent.Project, error) {
	var out *ent.Project
	err := s.write(ctx, func(ctx context.Context, c *ent.Client, note func(int, Change, int)) error {
		p, err := editProject(ctx, c, id)
		if err != nil {
			return err
		}
		u := p.Update()
		if err := checkProject(in, u.Mutation(), false); err != nil {
			return err
		}
		if out, err = u.Save(ctx); err != nil {
			return err
		}
		note(id, ProjectChanged, id)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// DeleteProject deletes a project with its stages, tasks and their chats
// (workspace admins).
func (s *Service) DeleteProject(ctx context.Context, id int) (int, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return 0, err
	}
	err = s.write(ctx, func(ctx context.Context, c *ent.Client, note func(int, Change, int)) error {
		p, err := getProject(ctx, c, id)
		if err != nil {
			return err
		}
		if err := policy.Can(ctx, c, p.WorkspaceID, policy.UpdateWorkspace); err != nil {
			return errs.E(errs.Forbidden, "only a workspace admin may delete a project")
		}
		if err := deleteChats(ctx, c, task.ProjectID(id)); err != nil {
			return err
		}
		if _, err := c.Task.Delete().Where(task.ProjectID(id)).Exec(ctx); err != nil {
			return err
		}
		if _, err := c.TaskStage.Delete().Where(taskstage.ProjectID(id)).Exec(ctx); err != nil {
			return err
		}
		if err := c.Project.DeleteOneID(id).Exec(ctx); err != nil {
			return err
		}
		note(id, ProjectDeleted, id)
		_, err = activity.Record(ctx, c, activity.Entry{WorkspaceID: p.WorkspaceID, ActorID: v.UserID, Verb: "project.deleted",
			SubjectType: "Project", SubjectID: id, Summary: "Project " + p.Name + " deleted",
			Params: map[string]string{"name": p.Name}})
		return err
	})
	return id, err
}

// deleteChats deletes the chats (threads and their messages) of the
// tasks matching where; an answer being written there stops.
func deleteChats(ctx context.Context, c *ent.Client, where ...predicate.Task) error {
	ids, err := c.AIThread.Query().Where(aithread.HasTaskWith(where...)).IDs(ctx)
	if err != nil || len(ids) == 0 {
		return err
	}
	if _, err := c.AIMessage.Delete().Where(aimessage.ThreadIDIn(ids...)).Exec(ctx); err != nil {
		return err
	}
	_, err = c.AIThread.Delete().Where(aithread.IDIn(ids...)).Exec(ctx)
	return err
}
