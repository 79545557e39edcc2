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
		field.String("name").Comment("The display name, up to 100 characters.").NotEmpty().MaxRuneLen(100).
			Annotations(entgql.OrderField("NAME")),
		field.String("slug").Comment("The workspace's address in the web app (/workspaces/<slug>), unique and fixed at creation.").NotEmpty().MaxRuneLen(120).Unique().Immutable().
			Annotations(entgql.OrderField("SLUG")),
		field.String("description").Comment("What the workspace is for, up to 2000 characters; empty when not given.").MaxRuneLen(2000).Default(""),
		field.Enum("state").Comment("active, or archived: read-only for good (archiveWorkspace).").
			Annotations(enumValues{
				"active":   "In use: members may change what their role allows.",
				"archived": "Read-only: visible to its members, nothing in it changes and it takes no new members.",
			}).Values("active", "archived").Default("active"),
		field.Int("owner_id").Comment("The ID of the owner (see owner)."),
	}
}

func (Workspace) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("owner", User.Type).Comment("The one member with the owner role: only he may archive the workspace or transfer ownership.").Ref("owned_workspaces").Field("owner_id").
			Unique().Required(),
		edge.To("members", WorkspaceMember.Type).Comment("The members and their roles.").
			Annotations(entgql.RelayConnection()),
		// No where-input predicates on invitations: a filter's subquery
		// (workspaces(where: {hasInvitationsWith: ...})) is not narrowed
		// by the invitations' read policy, and would let any member probe
		// them. Admins list them with Workspace.pendingInvitations.
		edge.To("invitations", Invitation.Type).Comment("Invitations to join, answered or not. Only admins and the owner see them (empty for anyone else); see also pendingInvitations.").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipWhereInput)),
		edge.To("services", Service.Type).Comment("The services deployed here, in every state (gone ones included).").
			Annotations(entgql.RelayConnection()),
		edge.To("service_revisions", ServiceRevision.Type).Annotations(entgql.Skip()),
		edge.To("service_events", ServiceEvent.Type).Annotations(entgql.Skip()),
		edge.To("smart_homes", SmartHome.Type).Comment("The Home Assistant installations reached through this workspace's tunnels.").
			Annotations(entgql.RelayConnection()),
		edge.To("projects", Project.Type).Comment("The support projects (Kanban boards), at most one per service.").
			Annotations(entgql.RelayConnection()),
		edge.To("task_stages", TaskStage.Type).Annotations(entgql.Skip()),
		edge.To("tasks", Task.Type).Annotations(entgql.Skip()),
		edge.To("ai_threads", AIThread.Type).Comment("The assistant conversations of the workspace.").
			Annotations(entgql.RelayConnection(), entgql.MapsTo("threads")),
		edge.To("ai_messages", AIMessage.Type).Annotations(entgql.Skip()),
		edge.To("activity_events", ActivityEvent.Type).Annotations(entgql.Skip()),
	}
}

func (Workspace) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("A team's space: its members, the services they deploy, smart homes, projects and assistant threads. Everything belongs to exactly one workspace; a viewer sees only the workspaces he is a member of."),
		entgql.RelayConnection()}
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
		field.Int("user_id").Comment("The member's account ID (see user).").Immutable(),
		field.Enum("role").Comment("A member's role in a workspace: what the member may do there. Each role may do all that the roles below it may.").
			Annotations(enumValues{
				"owner": "The one member who may archive the workspace and transfer its ownership; and all an admin may.",
				"admin": "May rename the workspace, manage members and invitations, deploy and operate services and manage smart homes; and all a user may.",
				"user":  "May chat with the assistant and change projects, stages and tasks; and all a guest may.",
				"guest": "May read the workspace: its members, services, smart homes, projects, threads and activity.",
			}).GoType(role.Role("")).Annotations(entgql.Type("Role")).
			Annotations(entgql.OrderField("ROLE")),
		field.Int("invited_by_id").Optional().Nillable().Immutable().
			Annotations(entgql.Skip()),
		field.Time("invited_at").Comment("When the member was invited; null for the workspace's creator.").Optional().Nillable().Immutable(),
	}
}

func (WorkspaceMember) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Comment("The member's account.").Ref("memberships").Field("user_id").
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
	return []schema.Annotation{
		schema.Comment("One account's membership of one workspace, with its role."),
		entgql.RelayConnection()}
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
		field.String("email").Comment("The invited address (lower-cased).").MaxRuneLen(254).NotEmpty(),
		field.Enum("role").Comment("The role the invitee gets on accepting: what the member may do in the workspace.").GoType(role.Role("")).Annotations(entgql.Type("Role")),
		// Replaced when an admin asks for a new link (the old one stops
		// working).
		field.String("token_hash").Sensitive().Unique().
			Annotations(entgql.Skip()),
		field.Int("invited_by_id").Optional().Nillable().Immutable().
			Annotations(entgql.Skip()),
		// The account that accepted or declined it.
		field.Int("user_id").Optional().Nillable().
			Annotations(entgql.Skip()),
		field.Time("expires_at").Comment("When the invitation stops being valid (UTC); a new link moves it."),
		field.Time("accepted_at").Comment("When it was accepted; null while it was not.").Optional().Nillable(),
		field.Time("declined_at").Comment("When it was declined; null while it was not.").Optional().Nillable(),
		field.Time("cancelled_at").Comment("When an admin cancelled it; null while nobody did.").Optional().Nillable(),
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
	return []schema.Annotation{
		schema.Comment("An invitation to join a workspace with a role. Nobody joins without accepting: an account with the invited address sees it among its pending invitations; anyone else follows the single-use link while signed in."),
		entgql.RelayConnection()}
}
