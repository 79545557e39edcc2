package schema

import (
	"regexp"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/woowtech/woow-paas/policy"
)

// handlePattern is what an agent's @handle may look like.
var handlePattern = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)

// Project is a support project with a Kanban board; at most one belongs to
// each cloud service.
type Project struct{ ent.Schema }

func (Project) Mixin() []ent.Mixin {
	return []ent.Mixin{
		TimeMixin{},
		WorkspaceMixin{Ref: "projects", Write: policy.WriteProjects},
	}
}

func (Project) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").Comment("The name, up to 200 characters.").NotEmpty().MaxRuneLen(200).
			Annotations(entgql.OrderField("NAME")),
		field.Text("description").Comment("What the project is for (Markdown); empty when not given.").Default(""),
		field.Int("service_id").Comment("The ID of the service it supports; null for a project of its own.").Optional().Nillable().Unique(),
	}
}

func (Project) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("service", Service.Type).Comment("The service it supports, if any.").Ref("support_project").Field("service_id").Unique(),
		// In board order through schema.graphqls (Project.stages).
		edge.To("stages", TaskStage.Type).Annotations(entgql.Skip()),
		edge.To("tasks", Task.Type).Comment("Its tasks across all stages (stages(...).tasks lists them in board order).").Annotations(entgql.RelayConnection()),
	}
}

func (Project) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("A support project: a Kanban board of stages and tasks, at most one per service. Members read it; from the user role up they change it."),
		entgql.RelayConnection()}
}

// TaskStage is a column of a project's board.
type TaskStage struct{ ent.Schema }

func (TaskStage) Mixin() []ent.Mixin {
	return []ent.Mixin{
		WorkspaceMixin{Ref: "task_stages", Write: policy.WriteProjects},
	}
}

func (TaskStage) Fields() []ent.Field {
	return []ent.Field{
		field.Int("project_id").Comment("The ID of the project (see project).").Immutable(),
		field.String("name").Comment("The column's title, up to 100 characters.").NotEmpty().MaxRuneLen(100),
		field.Int("sequence").Comment("The column's place on the board, from the left.").Default(0).Annotations(entgql.OrderField("SEQUENCE")),
		field.Bool("folded").Comment("Whether the board shows the column folded.").Default(false),
	}
}

func (TaskStage) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("project", Project.Type).Comment("The project.").Ref("stages").Field("project_id").
			Unique().Required().Immutable(),
		// In board order through schema.graphqls (TaskStage.tasks).
		edge.To("tasks", Task.Type).Annotations(entgql.Skip()),
	}
}

func (TaskStage) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("A column of a project's board.")}
}

// Task is a card on a board.
type Task struct{ ent.Schema }

func (Task) Mixin() []ent.Mixin {
	return []ent.Mixin{
		TimeMixin{},
		WorkspaceMixin{Ref: "tasks", Write: policy.WriteProjects},
	}
}

func (Task) Fields() []ent.Field {
	return []ent.Field{
		field.Int("project_id").Comment("The ID of the project (see project).").Immutable(),
		field.Int("stage_id").Comment("The ID of its column (see stage)."),
		field.String("title").Comment("The title, up to 300 characters.").NotEmpty().MaxRuneLen(300),
		field.Text("description").Comment("The details (Markdown); empty when not given.").Default(""),
		field.Int("assignee_id").Comment("The ID of the member it is assigned to; null when nobody.").Optional().Nillable(),
		field.Enum("priority").Comment("How urgent it is.").
			Annotations(enumValues{
				"low":    "Low.",
				"normal": "Normal (the default).",
				"high":   "High.",
				"urgent": "Urgent: first.",
			}).Values("low", "normal", "high", "urgent").Default("normal"),
		// rank orders a stage's tasks (then id): a key between its
		// neighbours' keys, so that a move writes the moved task only
		// (package board).
		field.String("rank").Comment("Its place in its column: tasks sort by rank (a key between its neighbours' keys), then id. Set by createTask and moveTask.").MaxLen(200).Default("").Annotations(entgql.OrderField("RANK")),
		field.Strings("tags").Optional().Annotations(entgql.Skip()),
		field.Time("deadline").Comment("When it is due; null when it is not.").Optional().Nillable(),
		field.Bool("chat_enabled").Comment("Whether the task's chat is meant to be shown (stored for clients; the server does not enforce it).").Default(true),
		field.Bool("ai_auto_reply").Comment("Whether the task's thread, when it is made, has autoReply on (messages that mention no agent get an answer).").Default(false),
	}
}

func (Task) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("project", Project.Type).Comment("The project.").Ref("tasks").Field("project_id").
			Unique().Required().Immutable(),
		edge.From("stage", TaskStage.Type).Comment("Its column.").Ref("tasks").Field("stage_id").
			Unique().Required(),
		edge.From("assignee", User.Type).Comment("The member it is assigned to, if any.").Ref("assigned_tasks").Field("assignee_id").Unique(),
		// Created on first read by schema.graphqls's Task.thread.
		edge.To("thread", AIThread.Type).Unique().Annotations(entgql.Skip()),
	}
}

func (Task) Indexes() []ent.Index {
	return []ent.Index{index.Fields("stage_id", "rank")}
}

func (Task) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("A card on a project's board."),
		entgql.RelayConnection()}
}

// ActivityEvent is an entry of a workspace's activity feed, written in the
// same transaction as the change it tells about.
type ActivityEvent struct{ ent.Schema }

func (ActivityEvent) Mixin() []ent.Mixin {
	return []ent.Mixin{
		WorkspaceMixin{Ref: "activity_events", Write: policy.RecordActivity, AppendOnly: true},
	}
}

func (ActivityEvent) Fields() []ent.Field {
	return []ent.Field{
		field.Int("actor_id").Comment("The ID of the account that acted; null for the platform's own jobs, or when the account is gone.").Optional().Nillable().Immutable().Annotations(shared()),
		field.String("verb").Comment("What happened, as a dotted name (workspace.updated, service.deployed, member.invited, ...).").NotEmpty().MaxRuneLen(100).Immutable().Annotations(shared()),
		field.String("subject_type").Comment("The type of the thing it happened to: Workspace, User, Invitation, Service, SmartHome, Project, Task or AIThread.").MaxRuneLen(50).Default("").Immutable().Annotations(shared()),
		field.Int("subject_id").Comment("The database row number of the thing it happened to (not a global ID); null when there is none.").Optional().Nillable().Immutable().Annotations(shared()),
		field.String("summary").Comment("What happened, in English words, for the feed.").MaxRuneLen(500).Immutable().Annotations(shared()),
		field.JSON("params", map[string]string{}).Comment("The parts the summary is made of, by name, for a client that words the sentence itself (in its own language): the names (name, actor, template, project, host, from, to), role words (role, was: guest, user, admin or owner), revision, a failure's reason (as the summary has it) and the flags previous and descriptionChanged (\"true\"). Which a verb has is fixed per verb; null on entries written before they were recorded.").
			Optional().Immutable().Annotations(entgql.Type("StringMap"), shared()),
		field.Time("created_at").Comment("When it happened (UTC).").Default(now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT"), shared()),
	}
}

func (ActivityEvent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("actor", User.Type).Comment("The account that acted; null for the platform's own jobs, or when it is gone.").Ref("activities").Field("actor_id").
			Unique().Immutable(),
	}
}

func (ActivityEvent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("workspace_id", "created_at")}
}

func (ActivityEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("An entry of a workspace's activity feed (activityFeed): who did what, written in the same transaction as the change it tells about. Members read the feed."),
		entgql.RelayConnection()}
}

// Setting is one platform setting (domain, Kubernetes, Cloudflare, open
// registration). Environment variables override stored values.
type Setting struct{ ent.Schema }

func (Setting) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (Setting) Fields() []ent.Field {
	return []ent.Field{
		field.String("key").NotEmpty().MaxRuneLen(100).Unique().Immutable(),
		field.Text("value").Default(""),
		// Secret values (API tokens) are encrypted and never exposed.
		field.Bool("secret").Default(false),
	}
}

func (Setting) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

func (Setting) Policy() ent.Policy { return policy.AdminOnlyPolicy() }

// EventPayload holds an event bus message too large for a PostgreSQL
// NOTIFY (8000 bytes): the notification carries its id, each replica loads
// it, and it is deleted after a few minutes. Platform-internal.
type EventPayload struct{ ent.Schema }

func (EventPayload) Fields() []ent.Field {
	return []ent.Field{
		field.String("topic").NotEmpty().MaxRuneLen(200),
		field.Bytes("data"),
		field.Time("created_at").Default(now).Immutable(),
	}
}

func (EventPayload) Indexes() []ent.Index {
	return []ent.Index{index.Fields("created_at")}
}

func (EventPayload) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

func (EventPayload) Policy() ent.Policy { return policy.SystemOnlyPolicy() }
