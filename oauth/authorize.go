package oauth

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/go-oauth2/oauth2/v4"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/errs"
)

// AuthorizeRequest is an authorization request (RFC 6749 section 4.1.1,
// RFC 7636) as the consent page passes it on.
type AuthorizeRequest struct {
	ResponseType        string // "" counts as "code" (the GraphQL inputs have none)
	ClientID            string
	RedirectURI         string
	Scope               string
	State               string
	CodeChallenge       string
	CodeChallengeMethod string
}

// Reasons a request is refused that the authorization endpoint must not
// redirect (RFC 6749 section 4.1.2.1): the redirect URI cannot be trusted.
const (
	ReasonUnknownClient = "invalid_client"
	ReasonBadRedirect   = "invalid_redirect_uri"
)

// Redirectable reports whether an error of CheckAuthorize for req may go
// back to the client's redirect URI without the user acting; if not, the
// user sees it. A URI the client did not register (the Home Assistant
// client's, which only matches a pattern) is never redirected to
// unprompted: the server would be an open redirect (RFC 9700 section
// 4.11). After the user denies on the consent page, it is.
func Redirectable(err error, redirectRegistered bool) bool {
	e := errs.Public(err)
	return redirectRegistered && e.Code == errs.Invalid && e.Reason != ReasonUnknownClient && e.Reason != ReasonBadRedirect
}

// RegisteredRedirect reports whether clientID registered uri exactly.
func (s *Service) RegisteredRedirect(ctx context.Context, clientID, uri string) (bool, error) {
	c, err := s.clientByID(ctx, clientID)
	if err != nil || c == nil {
		return false, err
	}
	return slices.Contains(c.RedirectUris, uri), nil
}

// CheckAuthorize checks an authorization request and returns what the
// consent page shows. Errors are BAD_USER_INPUT with the OAuth error code
// as their Reason: ReasonUnknownClient and ReasonBadRedirect (never
// redirected), else invalid_request, invalid_scope,
// unsupported_response_type or unauthorized_client.
func (s *Service) CheckAuthorize(ctx context.Context, req AuthorizeRequest) (*Consent, error) {
	c, scopes, err := s.checkAuthorize(ctx, req)
	if err != nil {
		return nil, err
	}
	u, _ := url.Parse(req.RedirectURI)
	return &Consent{ClientID: c.ClientID, ClientName: c.Name, Scopes: describe(scopes), RedirectHost: u.Host,
		RegisteredRedirect: slices.Contains(c.RedirectUris, req.RedirectURI)}, nil
}

func (s *Service) checkAuthorize(ctx context.Context, req AuthorizeRequest) (*ent.OAuthClient, []string, error) {
	c, err := s.clientByID(ctx, req.ClientID)
	if err != nil {
		return nil, nil, err
	}
	if c == nil {
		return nil, nil, refuse(ReasonUnknownClient, "clientId", "unknown client")
	}
	if validateRedirect(clientInfo{c}.GetDomain(), req.RedirectURI) != nil {
		return nil, nil, refuse(ReasonBadRedirect, "redirectUri", "the redirect URI is not registered for this client")
	}
	if req.ResponseType != "" && req.ResponseType != "code" {
		return nil, nil, refuse("unsupported_response_type", "responseType", "only response_type=code is supported")
	}
	if !allows(c, GrantAuthorizationCode) {
		return nil, nil, refuse(UnauthorizedClient, "clientId", "this client may not use the authorization code flow")
	}
	scopes, err := grantable(c, req.Scope)
	if err != nil {
		return nil, nil, err
	}
	if err := checkChallenge(c, req.CodeChallenge, req.CodeChallengeMethod); err != nil {
		return nil, nil, err
	}
	if len(req.State) > 2000 {
		return nil, nil, refuse(InvalidRequest, "state", "state is longer than 2000 characters")
	}
	return c, scopes, nil
}

func refuse(reason, field, msg string) *errs.Error {
	return &errs.Error{Code: errs.Invalid, Reason: reason, Field: field, Message: msg}
}

// grantable is the scope a client may be given for a request: the scopes
// asked for, each known and allowed to the client; none asked for means
// all the client's.
func grantable(c *ent.OAuthClient, scope string) ([]string, error) {
	if len(scope) > 1000 {
		return nil, refuse(InvalidScope, "scope", "the scope is too long")
	}
	asked := dedupe(splitScope(scope))
	if len(asked) == 0 {
		return slices.Clone(c.AllowedScopes), nil
	}
	for _, sc := range asked {
		if !slices.Contains(c.AllowedScopes, sc) {
			return nil, refuse(InvalidScope, "scope", "scope "+strconv.Quote(sc)+" is not available to this client")
		}
	}
	return asked, nil
}

// checkChallenge is the PKCE rule (RFC 7636, RFC 9700): a public client
// must send an S256 challenge; anyone sending one sends S256 (plain
// would hand the verifier to whoever sees the request).
func checkChallenge(c *ent.OAuthClient, challenge, method string) error {
	if challenge == "" {
		if c.Public {
			return refuse(InvalidRequest, "codeChallenge", "a public client must send a PKCE code_challenge (S256)")
		}
		if method != "" {
			return refuse(InvalidRequest, "codeChallenge", "code_challenge_method without code_challenge")
		}
		return nil
	}
	if method != string(oauth2.CodeChallengeS256) {
		return refuse(InvalidRequest, "codeChallengeMethod", "code_challenge_method must be S256")
	}
	// base64url of a SHA-256: 43 characters.
	if len(challenge) != 43 || !unreserved(challenge) {
		return refuse(InvalidRequest, "codeChallenge", "code_challenge is not a base64url SHA-256")
	}
	return nil
}

// unreserved reports whether s holds only RFC 3986 unreserved characters,
// the alphabet of PKCE verifiers and challenges.
func unreserved(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~') {
			return false
		}
	}
	return true
}

// Authorize answers the consent page for the viewer: approved, it issues
// a code and records the grant; denied, it sends access_denied. It
// returns where to send the browser. Errors: those of CheckAuthorize,
// FORBIDDEN for an OAuth token (consent takes the user's own sign-in).
func (s *Service) Authorize(ctx context.Context, req AuthorizeRequest, approve bool) (string, error) {
	v, err := firstParty(ctx)
	if err != nil {
		return "", err
	}
	c, scopes, err := s.checkAuthorize(ctx, req)
	if err != nil {
		return "", err
	}
	if !approve {
		return RedirectError(req.RedirectURI, AccessDenied, "the user denied the request", req.State), nil
	}
	ctx = withIssuance(ctx, &issuance{client: c, userID: v.UserID})
	ti, err := s.manager.GenerateAuthToken(ctx, oauth2.Code, &oauth2.TokenGenerateRequest{
		ClientID:            c.ClientID,
		UserID:              strconv.Itoa(v.UserID),
		RedirectURI:         req.RedirectURI,
		Scope:               strings.Join(scopes, " "),
		CodeChallenge:       req.CodeChallenge,
		CodeChallengeMethod: oauth2.CodeChallengeMethod(req.CodeChallengeMethod),
	})
	if err != nil {
		return "", fromLibrary(err)
	}
	if err := s.recordGrant(ctx, v.UserID, c.ID, scopes); err != nil {
		return "", err
	}
	return withParams(req.RedirectURI, "code", ti.GetCode(), "state", req.State), nil
}

// RedirectError is where an authorization error goes: the redirect URI
// with error, error_description and state (RFC 6749 section 4.1.2.1).
func RedirectError(redirectURI, code, description, state string) string {
	return withParams(redirectURI, "error", code, "error_description", description, "state", state)
}

// withParams adds query parameters (those with a value) to uri.
func withParams(uri string, kv ...string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return uri // checked before: cannot happen
	}
	q := u.Query()
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			q.Set(kv[i], kv[i+1])
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}
