package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/woowtech/woow-paas/policy"
)

// OAuthClient is an application that acts for users with OAuth tokens.
// Public clients (the Home Assistant integration) have no secret and must
// use PKCE.
type OAuthClient struct{ ent.Schema }

func (OAuthClient) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (OAuthClient) Fields() []ent.Field {
	return []ent.Field{
		// Named clientId in GraphQL (schema.graphqls), as clients know it.
		field.String("client_id").NotEmpty().MaxRuneLen(100).Unique().Immutable().
			Annotations(entgql.Skip(entgql.SkipType)),
		field.String("secret_hash").Optional().Sensitive().
			Annotations(entgql.Skip()),
		field.String("name").Comment("The name users see on the consent page.").NotEmpty().MaxRuneLen(100),
		field.JSON("redirect_uris", []string{}).Comment("The exact URIs authorization codes may be sent to.").Default([]string{}),
		field.JSON("allowed_scopes", []string{}).Comment("The scopes the client may ask for (see OAuthScope).").Default([]string{}),
		field.JSON("grant_types", []string{}).Comment("The OAuth grant types it may use (authorization_code, refresh_token, urn:ietf:params:oauth:grant-type:device_code, client_credentials).").Default([]string{}),
		field.Bool("public").Comment("Whether it is a public client: no secret, PKCE required.").Default(false),
		field.Int("owner_id").Comment("The ID of the account that registered it; null for the platform's own clients.").Optional().Nillable(),
	}
}

func (OAuthClient) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("owner", User.Type).Comment("The account that registered it; null for the platform's own clients.").Ref("oauth_clients").Field("owner_id").Unique(),
		edge.To("tokens", OAuthToken.Type).Annotations(entgql.Skip()),
		edge.To("codes", OAuthAuthorizationCode.Type).Annotations(entgql.Skip()),
		edge.To("device_codes", OAuthDeviceCode.Type).Annotations(entgql.Skip()),
		edge.To("grants", OAuthGrant.Type).Annotations(entgql.Skip()),
	}
}

func (OAuthClient) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("An application that acts for users with OAuth tokens. Its owner sees and manages it; public clients (the Home Assistant integration) have no secret and must use PKCE."),
		entgql.RelayConnection()}
}

func (OAuthClient) Policy() ent.Policy { return policy.OwnedPolicy() }

// OAuthAuthorizationCode is a one-time code of the authorization code flow.
type OAuthAuthorizationCode struct{ ent.Schema }

func (OAuthAuthorizationCode) Fields() []ent.Field {
	return []ent.Field{
		field.String("code_hash").Sensitive().Unique().Immutable(),
		field.Int("client_id").Immutable(),
		field.Int("user_id").Immutable(),
		field.String("redirect_uri").MaxRuneLen(2000).Immutable(),
		field.JSON("scopes", []string{}).Immutable(),
		field.String("code_challenge").MaxRuneLen(128).Default("").Immutable(),
		field.String("code_challenge_method").MaxRuneLen(10).Default("").Immutable(),
		field.Time("created_at").Default(now).Immutable(),
		field.Time("expires_at").Immutable(),
		field.Time("used_at").Optional().Nillable(),
	}
}

func (OAuthAuthorizationCode) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("client", OAuthClient.Type).Ref("codes").Field("client_id").
			Unique().Required().Immutable(),
		edge.From("user", User.Type).Ref("oauth_codes").Field("user_id").
			Unique().Required().Immutable(),
	}
}

func (OAuthAuthorizationCode) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

func (OAuthAuthorizationCode) Policy() ent.Policy { return policy.SystemOnlyPolicy() }

// OAuthToken is an issued access token with its refresh token. Tokens
// refreshed from one another share a family, so a reused refresh token can
// revoke them all.
type OAuthToken struct{ ent.Schema }

func (OAuthToken) Fields() []ent.Field {
	return []ent.Field{
		field.String("access_hash").Sensitive().Unique().Immutable(),
		field.String("refresh_hash").Sensitive().Optional().Nillable().Unique(),
		field.Int("client_id").Immutable(),
		field.Int("user_id").Optional().Nillable().Immutable(),
		field.JSON("scopes", []string{}).Immutable(),
		field.String("family").MaxRuneLen(64).Immutable(),
		field.Int("authorization_code_id").Optional().Nillable().Immutable(),
		field.Time("created_at").Default(now).Immutable(),
		field.Time("access_expires_at"),
		field.Time("refresh_expires_at").Optional().Nillable(),
		field.Time("refresh_used_at").Optional().Nillable(),
		field.Time("revoked_at").Optional().Nillable(),
		// last_used_at is written at most every few minutes (see package
		// oauth), for the grant's "last used".
		field.Time("last_used_at").Optional().Nillable(),
	}
}

func (OAuthToken) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("client", OAuthClient.Type).Ref("tokens").Field("client_id").
			Unique().Required().Immutable(),
		edge.From("user", User.Type).Ref("oauth_tokens").Field("user_id").
			Unique().Immutable(),
	}
}

func (OAuthToken) Indexes() []ent.Index {
	return []ent.Index{index.Fields("family"), index.Fields("user_id", "client_id"),
		index.Fields("authorization_code_id")}
}

func (OAuthToken) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

func (OAuthToken) Policy() ent.Policy { return policy.SystemOnlyPolicy() }

// OAuthDeviceCode is a pending device authorization (RFC 8628).
type OAuthDeviceCode struct{ ent.Schema }

func (OAuthDeviceCode) Fields() []ent.Field {
	return []ent.Field{
		field.String("device_code_hash").Sensitive().Unique().Immutable(),
		field.String("user_code").MaxRuneLen(16).Unique().Immutable(),
		field.Int("client_id").Immutable(),
		field.JSON("scopes", []string{}).Immutable(),
		field.Time("created_at").Default(now).Immutable(),
		field.Time("expires_at").Immutable(),
		field.Int("interval").Default(5),
		field.Time("last_polled_at").Optional().Nillable(),
		field.Int("user_id").Optional().Nillable(),
		field.Enum("status").Values("pending", "approved", "denied", "consumed").
			Default("pending"),
	}
}

func (OAuthDeviceCode) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("client", OAuthClient.Type).Ref("device_codes").Field("client_id").
			Unique().Required().Immutable(),
		edge.From("user", User.Type).Ref("device_approvals").Field("user_id").Unique(),
	}
}

func (OAuthDeviceCode) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

func (OAuthDeviceCode) Policy() ent.Policy { return policy.SystemOnlyPolicy() }

// OAuthGrant is a user's standing consent to a client: the scopes granted
// so far, when, and when a token of it was last used. Revoking it revokes
// every token the client holds for the user.
type OAuthGrant struct{ ent.Schema }

func (OAuthGrant) Fields() []ent.Field {
	return []ent.Field{
		field.Int("user_id").Immutable(),
		field.Int("client_id").Immutable(),
		field.JSON("scopes", []string{}),
		field.Time("created_at").Default(now).Immutable(),
		field.Time("last_used_at").Optional().Nillable(),
	}
}

func (OAuthGrant) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("oauth_grants").Field("user_id").
			Unique().Required().Immutable(),
		edge.From("client", OAuthClient.Type).Ref("grants").Field("client_id").
			Unique().Required().Immutable(),
	}
}

func (OAuthGrant) Indexes() []ent.Index {
	return []ent.Index{index.Fields("user_id", "client_id").Unique()}
}

func (OAuthGrant) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

func (OAuthGrant) Policy() ent.Policy { return policy.SelfPolicy() }
