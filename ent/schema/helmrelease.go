package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/woowtech/woow-paas/policy"
)

// HelmRelease is one revision of a Helm release, stored by our own Helm
// storage driver (package helmops) when no cluster keeps it: in dry-run
// mode releases are recorded here, so history, rollback and restarts work
// the same as against a cluster. Platform-internal.
type HelmRelease struct{ ent.Schema }

func (HelmRelease) Fields() []ent.Field {
	return []ent.Field{
		// Key is <namespace>/<Helm storage key>: Helm keys
		// (sh.helm.release.v1.<name>.v<version>) are unique per namespace only.
		field.String("key").NotEmpty().MaxRuneLen(300).Unique(),
		field.String("namespace").NotEmpty().MaxRuneLen(63),
		field.String("name").NotEmpty().MaxRuneLen(53),
		field.Int("version"),
		field.String("status").MaxRuneLen(50).Default(""),
		field.String("owner").MaxRuneLen(50).Default("helm"),
		field.JSON("labels", map[string]string{}).Default(map[string]string{}),
		// Body is the release as Helm's drivers encode it (gzip, base64).
		field.Text("body"),
		field.Time("created_at").Default(now).Immutable(),
		field.Time("modified_at").Default(now).UpdateDefault(now),
	}
}

func (HelmRelease) Indexes() []ent.Index {
	return []ent.Index{index.Fields("namespace", "name", "version").Unique()}
}

func (HelmRelease) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

func (HelmRelease) Policy() ent.Policy { return policy.SystemOnlyPolicy() }
