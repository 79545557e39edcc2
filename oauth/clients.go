package oauth

import (
	"context"
	"crypto/subtle"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"

	"github.com/go-oauth2/oauth2/v4"
	liberrors "github.com/go-oauth2/oauth2/v4/errors"

	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/oauthauthorizationcode"
	"github.com/woowtech/woow-paas/ent/oauthclient"
	"github.com/woowtech/woow-paas/ent/oauthdevicecode"
	"github.com/woowtech/woow-paas/ent/oauthgrant"
	"github.com/woowtech/woow-paas/ent/oauthtoken"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/idempotency"
	"github.com/woowtech/woow-paas/names"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
)

// clientInfo is a client as go-oauth2 sees it.
type clientInfo struct{ c *ent.OAuthClient }

func (ci clientInfo) GetID() string     { return ci.c.ClientID }
func (ci clientInfo) GetSecret() string { return "" } // only its hash is kept: see VerifyPassword
func (ci clientInfo) IsPublic() bool    { return ci.c.Public }
func (ci clientInfo) GetUserID() string { return "" }

// GetDomain is what the Manager hands validateRedirect: the registered
// redirect URIs, one per line, and for the Home Assistant client the
// marker of its pattern.
func (ci clientInfo) GetDomain() string {
	uris := ci.c.RedirectUris
	if ci.c.ClientID == HomeAssistantClientID {
		uris = append(slices.Clone(uris), haPatternMarker)
	}
	return strings.Join(uris, "\n")
}

// VerifyPassword compares a presented secret with the stored hash, in
// constant time. A public client has no secret and presents none.
func (ci clientInfo) VerifyPassword(secret string) bool {
	if ci.c.Public {
		return secret == ""
	}
	return ci.c.SecretHash != "" &&
		subtle.ConstantTimeCompare([]byte(auth.HashToken(secret)), []byte(ci.c.SecretHash)) == 1
}

var _ oauth2.ClientPasswordVerifier = clientInfo{}

// haPatternMarker stands, among a client's redirect URIs, for the Home
// Assistant callback pattern. It is not a URI, so it matches no URI
// exactly.
const haPatternMarker = "pattern: http(s)://<host[:port]>" + HomeAssistantCallbackPath

// validateRedirect is the Manager's redirect URI rule: the URI is one of
// the registered ones, character for character (the library's default
// accepts any host ending in the registered one), or, for the Home
// Assistant client, an http(s) origin followed by exactly its path.
func validateRedirect(registered, uri string) error {
	for _, r := range strings.Split(registered, "\n") {
		if r == uri || (r == haPatternMarker && homeAssistantCallback(uri)) {
			return nil
		}
	}
	return liberrors.ErrInvalidRedirectURI
}

// homeAssistantCallback reports whether uri is http(s)://host[:port]
// followed by exactly HomeAssistantCallbackPath: no user info, query or
// fragment, and nothing that parses differently from how it reads (the
// URI rebuilt from its parts must be the URI).
func homeAssistantCallback(uri string) bool {
	if len(uri) > 2000 {
		return false
	}
	u, err := url.Parse(uri)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		u.Path != HomeAssistantCallbackPath || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery {
		return false
	}
	if h := u.Hostname(); h == "" || strings.ContainsAny(h, "\\%") {
		return false
	}
	return u.Scheme+"://"+u.Host+HomeAssistantCallbackPath == uri
}

// clientStore is go-oauth2's view of the clients.
type clientStore struct{ s *Service }

func (cs clientStore) GetByID(ctx context.Context, id string) (oauth2.ClientInfo, error) {
	c, err := cs.s.clientByID(ctx, id)
	if err != nil || c == nil {
		return nil, err
	}
	return clientInfo{c}, nil
}

// clientByID reads a client by its client_id; nil when there is none.
func (s *Service) clientByID(ctx context.Context, id string) (*ent.OAuthClient, error) {
	if id == "" || len(id) > 100 {
		return nil, nil
	}
	c, err := s.client.OAuthClient.Query().Where(oauthclient.ClientID(id)).Only(viewer.System(ctx))
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return c, err
}

// AuthenticateClient checks a client's credentials as the token,
// device, revocation and introspection endpoints receive them: a
// confidential client must present its secret, a public one none.
// Errors: invalid_client.
func (s *Service) AuthenticateClient(ctx context.Context, id, secret string) (*ent.OAuthClient, error) {
	c, err := s.clientByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if c == nil || !(clientInfo{c}).VerifyPassword(secret) {
		return nil, Errorf(InvalidClient, "client authentication failed")
	}
	return c, nil
}

// allows reports whether c was registered for grant type gt.
func allows(c *ent.OAuthClient, gt string) bool { return slices.Contains(c.GrantTypes, gt) }

// ClientInput is what a user registers a client with.
type ClientInput struct {
	Name         string
	RedirectURIs []string
	Scopes       []string
	Public       bool
	// IdempotencyKey is the client's key for this create ("": none; see
	// package idempotency).
	IdempotencyKey string
}

// Limits on what a client registers.
const (
	maxRedirectURIs = 10
	maxURILen       = 2000
)

// validate checks in and returns the client's name, trimmed. The name is
// shown on the consent page, so it follows the rule of every name
// (package names): a U+202E there would disguise who asks for access.
func (in ClientInput) validate() (string, error) {
	name, err := names.Required("name", "client name", in.Name, 100)
	if err != nil {
		return "", err
	}
	if len(in.RedirectURIs) == 0 || len(in.RedirectURIs) > maxRedirectURIs {
		return "", errs.InvalidField("redirectUris", "register between 1 and %d redirect URIs", maxRedirectURIs)
	}
	for i, raw := range in.RedirectURIs {
		if err := checkRedirectURI(raw); err != nil {
			return "", errs.InvalidField(fmt.Sprintf("redirectUris.%d", i), "%s", err)
		}
	}
	if len(in.Scopes) == 0 || len(in.Scopes) > len(policy.Scopes) {
		return "", errs.InvalidField("scopes", "choose between 1 and %d scopes", len(policy.Scopes))
	}
	for _, sc := range in.Scopes {
		if !policy.KnownScope(sc) {
			return "", errs.InvalidField("scopes", "unknown scope %q", sc)
		}
	}
	return name, nil
}

// checkRedirectURI is the rule for a registered redirect URI (RFC 9700
// section 4.1): absolute, no fragment, https or http on a loopback host
// (a native app's), or a private-use scheme (com.example.app:/callback).
func checkRedirectURI(raw string) error {
	if len(raw) > maxURILen {
		return fmt.Errorf("at most %d characters", maxURILen)
	}
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() {
		return fmt.Errorf("not an absolute URI")
	}
	if u.Fragment != "" || strings.Contains(raw, "#") {
		return fmt.Errorf("a redirect URI has no fragment")
	}
	if u.User != nil {
		return fmt.Errorf("a redirect URI has no user info")
	}
	switch u.Scheme {
	case "https":
		if u.Host == "" {
			return fmt.Errorf("no host")
		}
	case "http":
		h := u.Hostname()
		if ip := net.ParseIP(h); h != "localhost" && (ip == nil || !ip.IsLoopback()) {
			return fmt.Errorf("use https (plain http only for a loopback address)")
		}
	case "javascript", "data", "file", "vbscript":
		return fmt.Errorf("scheme %q is not allowed", u.Scheme)
	default:
		if !strings.Contains(u.Scheme, ".") {
			return fmt.Errorf("a private-use scheme is a reversed domain name (com.example.app)")
		}
	}
	return nil
}

// firstParty refuses OAuth tokens: consenting, approving devices and
// managing clients and grants take the user's own session.
func firstParty(ctx context.Context) (*viewer.Viewer, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	if v.TokenID != 0 {
		return nil, errs.E(errs.Forbidden, "this needs your own sign-in, not an application's token")
	}
	return v, nil
}

// CreateClient registers a client owned by the viewer and returns it with
// its secret (shown once; "" for a public client). A confidential client
// may use the authorization code, refresh token and client credentials
// grants; a public one the code (with PKCE), refresh and device grants.
// The same idempotency key again answers with the client the first
// request made and no secret (only its hash is kept; RotateSecret makes a
// new one).
func (s *Service) CreateClient(ctx context.Context, in ClientInput) (*ent.OAuthClient, string, error) {
	v, err := firstParty(ctx)
	if err != nil {
		return nil, "", err
	}
	if err := idempotency.Check("idempotencyKey", in.IdempotencyKey); err != nil {
		return nil, "", err
	}
	var (
		out    *ent.OAuthClient
		secret string
	)
	err = store.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		id, err := idempotency.Earlier(ctx, tx.Client(), "createOAuthClient", in.IdempotencyKey)
		if err != nil || id != 0 {
			if err == nil {
				out, err = tx.OAuthClient.Query().Where(oauthclient.ID(id), oauthclient.OwnerID(v.UserID)).Only(ctx)
			}
			return err
		}
		name, err := in.validate()
		if err != nil {
			return err
		}
		cid, _ := auth.NewToken()
		create := tx.OAuthClient.Create().
			SetClientID("wpc-" + strings.ToLower(cid[:20])).
			SetName(name).
			SetRedirectUris(in.RedirectURIs).
			SetAllowedScopes(dedupe(in.Scopes)).
			SetPublic(in.Public).
			SetOwnerID(v.UserID)
		if in.Public {
			create.SetGrantTypes([]string{GrantAuthorizationCode, GrantRefreshToken, GrantDeviceCode})
		} else {
			var hash string
			secret, hash = newSecret(prefixSecret)
			create.SetSecretHash(hash).
				SetGrantTypes([]string{GrantAuthorizationCode, GrantRefreshToken, GrantClientCredentials})
		}
		if out, err = create.Save(ctx); err != nil {
			return err
		}
		return idempotency.Remember(ctx, tx.Client(), "createOAuthClient", in.IdempotencyKey, out.ID)
	})
	if ent.IsNotFound(err) {
		return nil, "", errs.E(errs.NotFound, "OAuth client not found") // deleted since
	}
	if err != nil {
		return nil, "", err
	}
	return out.Unwrap(), secret, nil
}

// RotateSecret gives a confidential client of the viewer a new secret;
// the old one stops working at once. Errors: NOT_FOUND (not the viewer's),
// CONFLICT for a public client.
func (s *Service) RotateSecret(ctx context.Context, id int) (*ent.OAuthClient, string, error) {
	if _, err := firstParty(ctx); err != nil {
		return nil, "", err
	}
	c, err := s.ownClient(ctx, id)
	if err != nil {
		return nil, "", err
	}
	if c.Public {
		return nil, "", errs.E(errs.Conflict, "a public client has no secret")
	}
	secret, hash := newSecret(prefixSecret)
	c, err = c.Update().SetSecretHash(hash).Save(ctx)
	if err != nil {
		return nil, "", err
	}
	return c, secret, nil
}

// DeleteClient deletes a client of the viewer with its codes, tokens and
// grants; its tokens stop working at once.
func (s *Service) DeleteClient(ctx context.Context, id int) error {
	if _, err := firstParty(ctx); err != nil {
		return err
	}
	c, err := s.ownClient(ctx, id)
	if err != nil {
		return err
	}
	var ended []int
	err = store.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		sys := viewer.System(ctx)
		ids, err := tx.OAuthToken.Query().Where(oauthtoken.ClientID(c.ID), oauthtoken.RevokedAtIsNil()).IDs(sys)
		if err != nil {
			return err
		}
		ended = ids
		if _, err := tx.OAuthToken.Delete().Where(oauthtoken.ClientID(c.ID)).Exec(sys); err != nil {
			return err
		}
		if _, err := tx.OAuthAuthorizationCode.Delete().Where(oauthauthorizationcode.ClientID(c.ID)).Exec(sys); err != nil {
			return err
		}
		if _, err := tx.OAuthDeviceCode.Delete().Where(oauthdevicecode.ClientID(c.ID)).Exec(sys); err != nil {
			return err
		}
		if _, err := tx.OAuthGrant.Delete().Where(oauthgrant.ClientID(c.ID)).Exec(sys); err != nil {
			return err
		}
		// The viewer's context: the privacy rules decide this one.
		return tx.OAuthClient.DeleteOneID(c.ID).Exec(ctx)
	})
	if err != nil {
		return err
	}
	s.ended(ctx, ended)
	return nil
}

// ownClient reads a client the viewer may change: their own (platform
// admins see every client but change only their own). NOT_FOUND otherwise.
func (s *Service) ownClient(ctx context.Context, id int) (*ent.OAuthClient, error) {
	v := viewer.FromContext(ctx)
	c, err := s.client.OAuthClient.Query().Where(oauthclient.ID(id), oauthclient.OwnerID(v.UserID)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "OAuth client not found")
	}
	return c, err
}

// Clients is the viewer's clients query (platform admins: all), for the
// GraphQL connection.
func (s *Service) Clients(ctx context.Context) (*ent.OAuthClientQuery, error) {
	if _, err := firstParty(ctx); err != nil {
		return nil, err
	}
	return s.client.OAuthClient.Query(), nil
}

func dedupe(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
