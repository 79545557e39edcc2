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
			if v, _ := m.Field(name); hasNUL(v) {
				return nil, errs.InvalidField(name, "must not contain NUL characters")
			}
		}
		return next.Mutate(ctx, m)
	})
}

// hasNUL reports whether v, a field's value, holds a NUL character in a
// string, also inside lists and JSON objects (map keys included: jsonb
// refuses \u0000 anywhere).
func hasNUL(v any) bool {
	switch v := v.(type) {
	case string:
		return strings.IndexByte(v, 0) >= 0
	case []string:
		for _, s := range v {
			if hasNUL(s) {
				return true
			}
		}
	case []any:
		for _, x := range v {
			if hasNUL(x) {
				return true
			}
		}
	case map[string]any:
		for k, x := range v {
			if hasNUL(k) || hasNUL(x) {
				return true
			}
		}
	}
	return false
}

// installTextRules puts refuseNUL on c.
func installTextRules(c *entc.Client) { c.Use(refuseNUL) }
