package store

import (
	"context"
	"strings"

	"entgo.io/ent"

	entc "github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/errs"
)

// refuseNUL is installed on every client: no string field is written with
// a NUL character. PostgreSQL refuses NUL in text (an INTERNAL error
// there, while SQLite stores it), so both databases must refuse it alike,
// before the statement. The GraphQL edge refuses NUL in any input first,
// naming the argument; this is the rule for every other writer (jobs,
// REST, OAuth forms).
func refuseNUL(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		for _, name := range m.Fields() {
			v, _ := m.Field(name)
			if s, ok := v.(string); ok && strings.IndexByte(s, 0) >= 0 {
				return nil, errs.InvalidField(name, "must not contain NUL characters")
			}
		}
		return next.Mutate(ctx, m)
	})
}

// installTextRules puts refuseNUL on c.
func installTextRules(c *entc.Client) { c.Use(refuseNUL) }
