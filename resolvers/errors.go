package resolvers

import (
	"errors"
	"strings"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/privacy"
	"github.com/woowtech/woow-paas/errs"
)

// ClassifyError translates the data layer's errors that reach the edge
// without a domain code: a row the viewer cannot see is NOT_FOUND (the
// same answer as a row that does not exist), a schema validation names its
// field, a unique constraint is a CONFLICT, a privacy denial FORBIDDEN.
// Anything else stays internal.
func ClassifyError(err error) *errs.Error {
	var ve *ent.ValidationError
	switch {
	case ent.IsNotFound(err):
		return errs.E(errs.NotFound, "not found")
	case errors.As(err, &ve):
		name := camel(ve.Name)
		return errs.InvalidField(name, "invalid %s", name)
	case ent.IsConstraintError(err):
		return errs.E(errs.Conflict, "this conflicts with an existing record")
	case errors.Is(err, privacy.Deny):
		return errs.E(errs.Forbidden, "not allowed")
	}
	return nil
}

// camel turns an ent field name into its GraphQL input name:
// chart_ref -> chartRef.
func camel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}
