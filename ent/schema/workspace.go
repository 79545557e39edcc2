package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/role"
)

// Workspace is the tenant: everything a team deploys and works on belongs
// to exactly one workspace.
type Workspace struct{ ent.Schema }

func (Workspace) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (Workspace) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxRuneLen(100).
			Annotations(entgql.OrderField("NAME")),
		field.String("slug").NotEmpty().MaxRuneLen(120).Unique().Immutable().
			Annotations(entgql.OrderField("SLUG")),
		field.String("description").MaxRuneLen(2000).Default(""),
		field.Enum("state").Values("active", "archived").Default("active"),
		field.Int("owner_id"),
	}
}

func (Workspace) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("owner", User.Type).Ref("owned_workspaces").Field("owner_id").
			Unique().Required(),
		edge.To("members", WorkspaceMember.Type).
			Annotations(entgql.RelayConnection()),
		// No where-input predicates on invitations: a filter's subquery
		// (workspaces(where: {hasInvitationsWith: ...})) is not narrowed
		// by the invitations' read policy, and would let any member probe
		// them. Admins list them with Workspace.pendingInvitations.
		edge.To("invitations", Invitation.Type).
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipWhereInput)),
		edge.To("services", Service.Type).
			Annotations(entgql.RelayConnection()),
		edge.To("service_revisions", ServiceRevision.Type).Annotations(entgql.Skip()),
		edge.To("service_events", ServiceEvent.Type).Annotations(entgql.Skip()),
		edge.To("smart_homes", SmartHome.Type).
			Annotations(entgql.RelayConnection()),
		edge.To("projects", Project.Type).
			Annotations(entgql.RelayConnection()),
		edge.To("task_stages", TaskStage.Type).Annotations(entgql.Skip()),
		edge.To("tasks", Task.Type).Annotations(entgql.Skip()),
		edge.To("ai_threads", AIThread.Type).
			Annotations(entgql.RelayConnection(), entgql.MapsTo("threads")),
		edge.To("ai_messages", AIMessage.Type).Annotations(entgql.Skip()),
		edge.To("activity_events", ActivityEvent.Type).Annotations(entgql.Skip()),
	}
}

func (Workspace) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

func (Workspace) Policy() ent.Policy { return policy.WorkspaceEntityPolicy() }

// WorkspaceMember is one account's role in one workspace.
type WorkspaceMember struct{ ent.Schema }

func (WorkspaceMember) Mixin() []ent.Mixin {
	return []ent.Mixin{
		TimeMixin{},
		// Writes are governed by MemberPolicy.
		WorkspaceMixin{Ref: "members"},
	}
}

func (WorkspaceMember) Fields() []ent.Field {
	return []ent.Field{
		field.Int("user_id").Immutable(),
		field.Enum("role").GoType(role.Role("")).Annotations(entgql.Type("Role")).
			Annotations(entgql.OrderField("ROLE")),
		field.Int("invited_by_id").Optional().Nillable().Immutable().
			Annotations(entgql.Skip()),
		field.Time("invited_at").Optional().Nillable().Immutable(),
	}
}

func (WorkspaceMember) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("memberships").Field("user_id").
			Unique().Required().Immutable(),
	}
}

func (WorkspaceMember) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("workspace_id", "user_id").Unique(),
		// The viewer's workspaces: every tenancy filter starts from the
		// viewer's memberships, so this is what keeps it an index lookup.
		index.Fields("user_id", "workspace_id"),
		// At most one owner per workspace, guaranteed by the database; the
		// workspaces package keeps it at exactly one.
		index.Fields("workspace_id").Unique().
			Annotations(entsql.IndexWhere("role = 'owner'")).
			StorageKey("workspacemember_one_owner"),
	}
}

func (WorkspaceMember) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

func (WorkspaceMember) Policy() ent.Policy { return policy.MemberPolicy() }

// Invitation asks someone to join a workspace. Nobody joins without
// accepting: an account that existed when it was sent (User) sees it among
// its pending invitations and accepts or declines; anyone else follows the
// single-use link (a random token, only its hash kept) while signed in.
type Invitation struct{ ent.Schema }

func (Invitation) Mixin() []ent.Mixin {
	return []ent.Mixin{
		TimeMixin{},
		// Only the workspace's admins and owner see its invitations (the
		// emails of people who are not members yet); the invitee's own
		// view goes through package workspaces.
		WorkspaceMixin{Ref: "invitations", Read: policy.ReadInvitations, Write: policy.ManageMembers},
	}
}

func (Invitation) Fields() []ent.Field {
	return []ent.Field{
		field.String("email").MaxRuneLen(254).NotEmpty(),
		field.Enum("role").GoType(role.Role("")).Annotations(entgql.Type("Role")),
		// Replaced when an admin asks for a new link (the old one stops
		// working).
		field.String("token_hash").Sensitive().Unique().
			Annotations(entgql.Skip()),
		field.Int("invited_by_id").Optional().Nillable().Immutable().
			Annotations(entgql.Skip()),
		// The account that accepted or declined it.
		field.Int("user_id").Optional().Nillable().
			Annotations(entgql.Skip()),
		field.Time("expires_at"),
		field.Time("accepted_at").Optional().Nillable(),
		field.Time("declined_at").Optional().Nillable(),
		field.Time("cancelled_at").Optional().Nillable(),
	}
}

func (Invitation) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("invitations").Field("user_id").
			Unique().Annotations(entgql.Skip()),
	}
}

func (Invitation) Indexes() []ent.Index {
	return []ent.Index{index.Fields("email"), index.Fields("user_id")}
}

func (Invitation) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
