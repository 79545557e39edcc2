package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"

	"github.com/woowtech/woow-paas/policy"
)

// ChartArchive is a Helm chart archive (.tgz) a platform admin uploaded as
// a template's chart (SPEC section 4). It is stored here, not on a disk,
// so that every replica deploys it, with no network: a template names it
// by digest (chart reference upload://<sha256>). Platform-internal: the
// upload endpoint (package charts) writes it, helmops reads it.
type ChartArchive struct{ ent.Schema }

func (ChartArchive) Fields() []ent.Field {
	return []ent.Field{
		field.String("digest").NotEmpty().MaxRuneLen(64).Unique().Immutable().
			Comment("The archive's SHA-256, in lowercase hex: its chart reference is upload://<digest>."),
		field.String("name").NotEmpty().MaxRuneLen(100).Immutable().
			Comment("The chart's name, from its Chart.yaml."),
		field.String("version").NotEmpty().MaxRuneLen(100).Immutable().
			Comment("The chart's version, from its Chart.yaml."),
		field.Int("size").NonNegative().Immutable().
			Comment("The archive's size in bytes (compressed)."),
		field.Bytes("data").Immutable().
			Comment("The archive as uploaded (gzip-compressed tar)."),
		field.Int("uploaded_by").Optional().Immutable().
			Comment("The platform admin who uploaded it (a user ID; kept if the user is deleted)."),
		field.Time("created_at").Default(now).Immutable().
			Comment("When it was uploaded."),
	}
}

func (ChartArchive) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll),
		schema.Comment("A Helm chart archive a platform admin uploaded as a template's chart, stored so every replica deploys it with no network.")}
}

func (ChartArchive) Policy() ent.Policy { return policy.SystemOnlyPolicy() }
