package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/woowtech/woow-paas/policy"
)

// User is an account. Emails are stored lower-cased, so unique means
// unique regardless of case.
type User struct{ ent.Schema }

func (User) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("email").Comment("The sign-in address, lower-cased, unique regardless of case.").MaxRuneLen(254).NotEmpty().Unique().
			Annotations(entgql.OrderField("EMAIL")),
		field.String("name").Comment("The display name; empty when not given.").MaxRuneLen(200).Default("").
			Annotations(entgql.OrderField("NAME")),
		field.String("password_hash").Sensitive().
			Annotations(entgql.Skip()),
		// When the account proved it receives mail at its address (by
		// following a link e-mailed there); cleared when the address
		// changes. Invitations sent to an address show in the app only
		// to an account that proved it.
		field.Time("email_verified_at").Comment("When the account proved it receives mail at its address (by following a link e-mailed there); null until then, and again after the address changes. Invitations to an address show in the app only to an account that proved it.").Optional().Nillable(),
		field.Bool("platform_admin").Comment("Whether the account administers the platform: the marketplace, AI providers and accounts. The first account registered is one.").Default(false),
		field.Bool("disabled").Comment("Whether a platform admin disabled the account: it cannot sign in, and its sessions and tokens stopped working.").Default(false),
		field.String("locale").Comment("The language the web app speaks to this account: en or zh-TW; empty to follow the browser. API error messages stay English, with codes the app translates.").MaxLen(10).Default(""),
		field.Time("last_login_at").Comment("When the account last signed in; null if it never did.").Optional().Nillable(),
	}
}

func (User) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("memberships", WorkspaceMember.Type).Annotations(entgql.Skip()),
		edge.To("sessions", Session.Type).Annotations(entgql.Skip()),
		edge.To("invitations", Invitation.Type).Annotations(entgql.Skip()),
		edge.To("password_resets", PasswordReset.Type).Annotations(entgql.Skip()),
		edge.To("email_verifications", EmailVerification.Type).Annotations(entgql.Skip()),
		edge.To("owned_workspaces", Workspace.Type).Annotations(entgql.Skip()),
		edge.To("oauth_clients", OAuthClient.Type).Annotations(entgql.Skip()),
		edge.To("oauth_tokens", OAuthToken.Type).Annotations(entgql.Skip()),
		edge.To("oauth_codes", OAuthAuthorizationCode.Type).Annotations(entgql.Skip()),
		edge.To("device_approvals", OAuthDeviceCode.Type).Annotations(entgql.Skip()),
		edge.To("oauth_grants", OAuthGrant.Type).Annotations(entgql.Skip()),
		edge.To("threads_created", AIThread.Type).Annotations(entgql.Skip()),
		edge.To("messages", AIMessage.Type).Annotations(entgql.Skip()),
		edge.To("assigned_tasks", Task.Type).Annotations(entgql.Skip()),
		edge.To("activities", ActivityEvent.Type).Annotations(entgql.Skip()),
	}
}

func (User) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("An account. Other accounts show only their name and e-mail, and only to members of a workspace they share."),
		entgql.RelayConnection()}
}

func (User) Policy() ent.Policy { return policy.UserPolicy() }

// Session is a signed-in browser. Only the SHA-256 of its token is stored.
type Session struct{ ent.Schema }

func (Session) Fields() []ent.Field {
	return []ent.Field{
		field.String("token_hash").Sensitive().Unique().Immutable(),
		field.Int("user_id").Immutable(),
		field.Time("created_at").Default(now).Immutable(),
		field.Time("expires_at"),
		field.Time("last_seen_at").Default(now),
		field.String("user_agent").MaxRuneLen(512).Default(""),
	}
}

func (Session) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("sessions").Field("user_id").
			Unique().Required().Immutable(),
	}
}

func (Session) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

func (Session) Policy() ent.Policy { return policy.SystemOnlyPolicy() }

// PasswordReset is a single-use link, e-mailed to an account's address, that
// sets a new password. Only the SHA-256 of its token is stored.
type PasswordReset struct{ ent.Schema }

func (PasswordReset) Fields() []ent.Field {
	return []ent.Field{
		field.String("token_hash").Sensitive().Unique().Immutable(),
		field.Int("user_id").Immutable(),
		field.Time("created_at").Default(now).Immutable(),
		field.Time("expires_at").Immutable(),
		field.Time("used_at").Optional().Nillable(),
	}
}

func (PasswordReset) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("password_resets").Field("user_id").
			Unique().Required().Immutable(),
	}
}

func (PasswordReset) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

func (PasswordReset) Policy() ent.Policy { return policy.SystemOnlyPolicy() }

// EmailVerification is a single-use link e-mailed to an address; following
// it proves that the account receives mail there. Only the SHA-256 of its
// token is stored.
type EmailVerification struct{ ent.Schema }

func (EmailVerification) Fields() []ent.Field {
	return []ent.Field{
		field.String("token_hash").Sensitive().Unique().Immutable(),
		field.Int("user_id").Immutable(),
		// The address the link went to: it verifies only that one.
		field.String("email").MaxRuneLen(254).Immutable(),
		field.Time("created_at").Default(now).Immutable(),
		field.Time("expires_at").Immutable(),
		field.Time("used_at").Optional().Nillable(),
	}
}

func (EmailVerification) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("email_verifications").Field("user_id").
			Unique().Required().Immutable(),
	}
}

func (EmailVerification) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

func (EmailVerification) Policy() ent.Policy { return policy.SystemOnlyPolicy() }
