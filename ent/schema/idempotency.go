package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/woowtech/woow-paas/policy"
)

// IdempotencyKey remembers what a create mutation sent with a client's
// idempotency key made, so that the same request sent twice (a double
// click, a retry after a lost answer) makes it once. Only the platform
// reads and writes it (package idempotency).
type IdempotencyKey struct{ ent.Schema }

func (IdempotencyKey) Fields() []ent.Field {
	return []ent.Field{
		field.Int("user_id").Immutable(),
		// Operation is the mutation ("createWorkspace").
		field.String("operation").NotEmpty().MaxLen(50).Immutable(),
		field.String("key").NotEmpty().MaxLen(100).Immutable(),
		// ResultID is the id of what the request made.
		field.Int("result_id").Immutable(),
		field.Time("created_at").Default(now).Immutable(),
	}
}

func (IdempotencyKey) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("user_id", "operation", "key").Unique(),
		index.Fields("created_at"),
	}
}

func (IdempotencyKey) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

func (IdempotencyKey) Policy() ent.Policy { return policy.SystemOnlyPolicy() }
