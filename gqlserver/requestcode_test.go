package gqlserver

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// presentedCode is the extensions.code a client sees for err.
func presentedCode(t *testing.T, err *gqlerror.Error) string {
	t.Helper()
	code, _ := presentRequestCodes(graphql.DefaultErrorPresenter)(context.Background(), err).Extensions["code"].(string)
	return code
}

// TestRequestErrors: the refusals of the limits are request errors for
// the transports (HTTP 400 under application/graphql-response+json, see
// transport.go; a WebSocket "error" message) and show
// their own codes, without this package writing to gqlgen's global
// registry of error kinds. It fails if a gqlgen upgrade stops treating
// GRAPHQL_VALIDATION_FAILED as a request error.
func TestRequestErrors(t *testing.T) {
	codes := []string{CodeDepthLimit, CodeAliasLimit, CodeFieldLimit, codeComplexityLimit, CodeBadRequest}
	for _, code := range codes {
		// Nobody registered the code: as a plain code it is a user error.
		plain := gqlerror.List{{Message: "x", Extensions: map[string]any{"code": code}}}
		if errcode.GetErrorKind(plain) != errcode.KindUser {
			t.Errorf("%s is in gqlgen's registry of error kinds", code)
		}

		err := requestError(code, gqlerror.Errorf("refused"))
		if errcode.GetErrorKind(gqlerror.List{err}) != errcode.KindProtocol {
			t.Errorf("%s: the transports do not see a request error", code)
		}
		if got := presentedCode(t, err); got != code {
			t.Errorf("presented with code %q, want %q", got, code)
		}
		// Presenting leaves the error as the transports read it.
		if err.Extensions["code"] != errcode.ValidationFailed || err.Err != requestCode(code) {
			t.Errorf("%s: presenting changed the error: %+v", code, err)
		}
	}

	// Other errors pass through unchanged.
	other := gqlerror.Errorf("invalid")
	errcode.Set(other, errcode.ValidationFailed)
	if got := presentedCode(t, other); got != errcode.ValidationFailed {
		t.Errorf("a validation error presented with code %q", got)
	}
}
