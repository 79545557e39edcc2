// Package oauth is Woow PaaS's OAuth 2.0 authorization server (SPEC
// section 7): the authorization code flow with PKCE, the device
// authorization grant (RFC 8628), refresh token rotation, client
// credentials, revocation (RFC 7009), introspection (RFC 7662), and the
// clients and grants users manage. Package oauthhttp is its HTTP edge;
// the GraphQL resolvers call it for the consent and device pages.
//
// It builds on github.com/go-oauth2/oauth2/v4: its Manager issues codes
// and tokens, exchanges codes (checking the redirect URI and PKCE) and
// rotates refresh tokens, through the client and token stores here. The
// stores keep only SHA-256 hashes of codes, tokens and client secrets,
// and close the library's gaps (see store.go): an exact redirect URI
// match, S256 only, a reused code revoking what it issued, a reused
// refresh token revoking its family, both atomically. The library has no
// device, revocation or introspection support: those are written here.
package oauth

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/go-oauth2/oauth2/v4"
	"github.com/go-oauth2/oauth2/v4/manage"

	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/oauthclient"
	"github.com/woowtech/woow-paas/events"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/revocation"
	"github.com/woowtech/woow-paas/viewer"
)

// Lifetimes (SPEC section 7; RFC 8628 for the device code).
const (
	CodeTTL         = 10 * time.Minute
	AccessTTL       = time.Hour
	RefreshTTL      = 30 * 24 * time.Hour
	DeviceCodeTTL   = 10 * time.Minute
	DevicePollEvery = 5 * time.Second
)

// Grant types, as clients spell them.
const (
	GrantAuthorizationCode = "authorization_code"
	GrantRefreshToken      = "refresh_token"
	GrantClientCredentials = "client_credentials"
	GrantDeviceCode        = "urn:ietf:params:oauth:grant-type:device_code"
)

// HomeAssistantClientID is the seeded public client of the Home Assistant
// integration. Its redirect URI is the user's own Home Assistant: any
// http(s) host with exactly the path HomeAssistantCallbackPath.
const (
	HomeAssistantClientID     = "woow-ha-smart-home"
	HomeAssistantCallbackPath = "/auth/external/woow/callback"
)

// Token prefixes: what a token is shows in its first characters (secret
// scanners and our own routing of bearer tokens use them).
const (
	prefixAccess  = "wpa_"
	prefixRefresh = "wpr_"
	prefixCode    = "wpc_"
	prefixDevice  = "wpd_"
	prefixSecret  = "wps_"
)

// IsAccessToken reports whether a bearer token is one of ours (by its
// prefix) rather than a session token.
func IsAccessToken(token string) bool { return strings.HasPrefix(token, prefixAccess) }

// newSecret returns a random secret with prefix and its stored hash.
func newSecret(prefix string) (secret, hash string) {
	tok, _ := auth.NewToken()
	secret = prefix + tok
	return secret, auth.HashToken(secret)
}

// Config is what the server needs besides the database.
type Config struct {
	// PublicURL is the web app's address: the issuer, and the base of the
	// device page's address.
	PublicURL string
	// Revoked is told of every token that ends, to end what it opened on
	// every replica.
	Revoked *revocation.Watcher
	Log     *slog.Logger
}

// Service is the authorization server.
type Service struct {
	client  *ent.Client
	cfg     Config
	manager *manage.Manager
	revoked *revocation.Watcher
	log     *slog.Logger
	// userCodes limits wrong device user codes per user, against guessing.
	userCodes *auth.Limiter
	// Now is the clock; tests move it.
	Now func() time.Time
}

// New returns the server on client.
func New(client *ent.Client, cfg Config) *Service {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Revoked == nil {
		cfg.Revoked = revocation.New(events.NewHub(0), nil, cfg.Log)
	}
	cfg.PublicURL = strings.TrimRight(cfg.PublicURL, "/")
	s := &Service{client: client, cfg: cfg, revoked: cfg.Revoked, log: cfg.Log,
		Now: func() time.Time { return time.Now().UTC() }}
	s.userCodes = auth.NewLimiter(auth.LimiterConfig{Failures: 10, Window: 15 * time.Minute,
		Now: func() time.Time { return s.Now() }})
	s.manager = s.newManager()
	return s
}

// newManager configures go-oauth2's Manager: our stores, our token
// generator, our redirect URI rule and the lifetimes above.
func (s *Service) newManager() *manage.Manager {
	m := manage.NewManager()
	m.MapClientStorage(clientStore{s})
	m.MapTokenStorage(tokenStore{s})
	m.MapAuthorizeGenerate(codeGenerator{})
	m.MapAccessGenerate(tokenGenerator{})
	m.SetValidateURIHandler(validateRedirect)
	m.SetAuthorizeCodeExp(CodeTTL)
	withRefresh := &manage.Config{AccessTokenExp: AccessTTL, RefreshTokenExp: RefreshTTL, IsGenerateRefresh: true}
	m.SetAuthorizeCodeTokenCfg(withRefresh)
	// The Manager knows no device grant: a device token is issued through
	// the password grant's configuration (this server never offers the
	// password grant itself; see Exchange).
	m.SetPasswordTokenCfg(withRefresh)
	m.SetClientTokenCfg(&manage.Config{AccessTokenExp: AccessTTL})
	m.SetRefreshTokenCfg(&manage.RefreshingConfig{
		AccessTokenExp: AccessTTL, RefreshTokenExp: RefreshTTL,
		IsGenerateRefresh: true, IsResetRefreshTime: true,
		IsRemoveAccess: false, IsRemoveRefreshing: true,
	})
	return m
}

// Metadata is the authorization server's metadata (RFC 8414); oauthhttp
// adds the endpoints' addresses.
func Metadata() (grants, scopes []string) {
	grants = []string{GrantAuthorizationCode, GrantRefreshToken, GrantClientCredentials, GrantDeviceCode}
	for _, sc := range policy.Scopes {
		scopes = append(scopes, sc.Name)
	}
	return grants, scopes
}

// Issuer is the server's issuer identifier (its public URL).
func (s *Service) Issuer() string { return s.cfg.PublicURL }

// Seed creates the Home Assistant client, once.
func (s *Service) Seed(ctx context.Context) error {
	sys := viewer.System(ctx)
	ok, err := s.client.OAuthClient.Query().Where(oauthclient.ClientID(HomeAssistantClientID)).Exist(sys)
	if err != nil || ok {
		return err
	}
	return s.client.OAuthClient.Create().
		SetClientID(HomeAssistantClientID).
		SetName("Home Assistant (Woow Smart Home)").
		SetPublic(true).
		SetRedirectUris([]string{}).
		SetAllowedScopes([]string{policy.ScopeWorkspaceRead, policy.ScopeSmartHomeRead, policy.ScopeSmartHomeTunnel,
			policy.ScopeSecurityAccessRead, policy.ScopeSecurityAccessTunnel}).
		SetGrantTypes([]string{GrantAuthorizationCode, GrantRefreshToken, GrantDeviceCode}).
		Exec(sys)
}

// ended tells every replica that the tokens with ids were revoked, so
// that requests and subscriptions opened with them stop.
func (s *Service) ended(ctx context.Context, ids []int) {
	if len(ids) == 0 {
		return
	}
	if err := s.revoked.Publish(context.WithoutCancel(ctx), revocation.OAuthToken, ids); err != nil {
		s.log.WarnContext(ctx, "publishing revoked tokens", "err", err, "count", len(ids))
	}
}

// ensure the library's interfaces are met.
var (
	_ oauth2.ClientStore = clientStore{}
	_ oauth2.TokenStore  = tokenStore{}
)
