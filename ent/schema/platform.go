package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"

	"github.com/woowtech/woow-paas/policy"
)

// PlatformSetting is one platform-wide setting a platform admin changed
// (package settings): its key and its value as JSON. A setting without a
// row has its default; one fixed by an environment variable ignores its
// row. Read and written through package settings only.
type PlatformSetting struct{ ent.Schema }

func (PlatformSetting) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (PlatformSetting) Fields() []ent.Field {
	return []ent.Field{
		field.String("key").NotEmpty().MaxLen(100).Unique().Immutable(),
		field.Text("value").MaxLen(4096),
	}
}

func (PlatformSetting) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(), schema.Comment("A platform-wide setting a platform admin changed (package settings).")}
}

func (PlatformSetting) Policy() ent.Policy { return policy.AdminOnlyPolicy() }
