package resolvers

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/privacy"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/viewer"
)

func TestClassifyError(t *testing.T) {
	db := storetest.Open(t)
	ctx := viewer.System(context.Background())

	// Real errors from the data layer.
	_, notFound := db.Client.User.Get(ctx, 424242)
	if notFound == nil {
		t.Fatal("Get of a missing user succeeded")
	}
	mk := func(email string) error {
		return db.Client.User.Create().SetEmail(email).SetName("n").SetPasswordHash("h").Exec(ctx)
	}
	if err := mk("a@example.com"); err != nil {
		t.Fatal(err)
	}
	constraint := mk("a@example.com")
	if constraint == nil {
		t.Fatal("duplicate email was accepted")
	}
	validation := mk("") // email is NotEmpty
	if validation == nil {
		t.Fatal("empty email was accepted")
	}

	tests := []struct {
		name      string
		err       error
		wantCode  errs.Code // "" means nil
		wantField string
	}{
		{"not found", notFound, errs.NotFound, ""},
		{"wrapped not found", fmt.Errorf("loading: %w", notFound), errs.NotFound, ""},
		{"constraint", constraint, errs.Conflict, ""},
		{"validation", validation, errs.Invalid, "email"},
		{"privacy deny", privacy.Denyf("no"), errs.Forbidden, ""},
		{"plain", errors.New("disk on fire"), "", ""},
		{"nil", nil, "", ""},
		{"domain error is not the data layer's", errs.E(errs.Forbidden, "x"), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ClassifyError(tt.err)
			if tt.wantCode == "" {
				if got != nil {
					t.Fatalf("ClassifyError(%v) = %v, want nil", tt.err, got)
				}
				return
			}
			if got == nil {
				t.Fatalf("ClassifyError(%v) = nil, want %s", tt.err, tt.wantCode)
			}
			if got.Code != tt.wantCode || got.Field != tt.wantField {
				t.Errorf("ClassifyError(%v) = %s field %q, want %s field %q", tt.err, got.Code, got.Field, tt.wantCode, tt.wantField)
			}
		})
	}

	// The kinds the test relies on really are what ent says.
	if !ent.IsNotFound(notFound) || !ent.IsConstraintError(constraint) || !ent.IsValidationError(validation) {
		t.Errorf("fixtures: notFound=%T constraint=%T validation=%T", notFound, constraint, validation)
	}
}
