package resolvers

import (
	"errors"

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
		return errs.InvalidField(ve.Name, "invalid %s", ve.Name)
	case ent.IsConstraintError(err):
		return errs.E(errs.Conflict, "this conflicts with an existing record")
	case errors.Is(err, privacy.Deny):
		return errs.E(errs.Forbidden, "not allowed")
	}
	return nil
}
