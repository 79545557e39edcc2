package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"entgo.io/ent/schema/mixin"

	"github.com/woowtech/woow-paas/policy"
)

// now is the default for every time column: times are UTC (SPEC section 2).
func now() time.Time { return time.Now().UTC() }

// TimeMixin records when a row was created and last changed. Neither is
// ever input; both are @shared (plain columns).
type TimeMixin struct{ mixin.Schema }

func (TimeMixin) Fields() []ent.Field {
	notInput := entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)
	return []ent.Field{
		field.Time("created_at").Comment("When it was created (UTC).").Default(now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT"), notInput, shared()),
		field.Time("updated_at").Comment("When it last changed (UTC).").Default(now).UpdateDefault(now).
			Annotations(notInput, shared()),
	}
}

// WorkspaceMixin makes an entity workspace-scoped: a required, immutable
// workspace edge and the privacy policy that confines every query and
// mutation to the viewer's workspaces. Write is the permission that
// creates or changes the entity; Read, when set, the permission that sees
// it (policy.ReadWorkspace otherwise); Ref names the edge back from
// Workspace.
type WorkspaceMixin struct {
	mixin.Schema
	Ref   string
	Read  policy.Permission
	Write policy.Permission
	// AppendOnly entities (the activity feed) are created, never changed
	// or deleted by a viewer; they may be added to an archived workspace.
	AppendOnly bool
}

func (m WorkspaceMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Int("workspace_id").Comment("The ID of the workspace it belongs to, for good.").Immutable().Annotations(shared()),
	}
}

func (m WorkspaceMixin) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("workspace", Workspace.Type).Ref(m.Ref).Comment("The workspace it belongs to.").
			Field("workspace_id").Unique().Required().Immutable(),
	}
}

func (m WorkspaceMixin) Indexes() []ent.Index {
	return []ent.Index{index.Fields("workspace_id")}
}

func (m WorkspaceMixin) Policy() ent.Policy {
	if m.AppendOnly {
		return policy.AppendOnlyPolicy(m.Write)
	}
	read := m.Read
	if read == 0 {
		read = policy.ReadWorkspace
	}
	return policy.WorkspacePolicy(read, m.Write)
}
