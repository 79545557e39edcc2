package oauth

import (
	"errors"
	"fmt"

	liberrors "github.com/go-oauth2/oauth2/v4/errors"
)

// Error is an OAuth protocol error (RFC 6749 section 5.2): what the
// token, device, revocation and introspection endpoints answer with.
// oauthhttp decides the HTTP status from Code.
type Error struct {
	Code        string
	Description string
}

func (e *Error) Error() string { return e.Code + ": " + e.Description }

// Errorf is an *Error with a formatted description.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Description: fmt.Sprintf(format, args...)}
}

// The codes of RFC 6749 and RFC 8628.
const (
	InvalidRequest       = "invalid_request"
	InvalidClient        = "invalid_client"
	InvalidGrant         = "invalid_grant"
	InvalidScope         = "invalid_scope"
	UnauthorizedClient   = "unauthorized_client"
	UnsupportedGrantType = "unsupported_grant_type"
	AccessDenied         = "access_denied"
	AuthorizationPending = "authorization_pending"
	SlowDown             = "slow_down"
	ExpiredToken         = "expired_token"
)

// fromLibrary turns what go-oauth2's Manager returned into an *Error; our
// stores' own *Error pass through, anything else stays an internal error.
func fromLibrary(err error) error {
	if err == nil {
		return nil
	}
	if e, ok := errors.AsType[*Error](err); ok {
		return e
	}
	switch err {
	case liberrors.ErrInvalidAuthorizeCode:
		return Errorf(InvalidGrant, "the authorization code is invalid, expired or used")
	case liberrors.ErrInvalidRefreshToken, liberrors.ErrExpiredRefreshToken:
		return Errorf(InvalidGrant, "the refresh token is invalid, expired or used")
	case liberrors.ErrInvalidCodeChallenge:
		return Errorf(InvalidGrant, "the code verifier does not match the code challenge")
	case liberrors.ErrMissingCodeVerifier:
		return Errorf(InvalidGrant, "code_verifier is missing or was not expected")
	case liberrors.ErrInvalidRedirectURI:
		return Errorf(InvalidGrant, "redirect_uri does not match")
	case liberrors.ErrInvalidClient:
		return Errorf(InvalidClient, "client authentication failed")
	}
	return err
}
