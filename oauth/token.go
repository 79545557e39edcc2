package oauth

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"entgo.io/ent/dialect/sql"
	"github.com/go-oauth2/oauth2/v4"

	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/oauthauthorizationcode"
	"github.com/woowtech/woow-paas/ent/oauthdevicecode"
	"github.com/woowtech/woow-paas/ent/oauthgrant"
	"github.com/woowtech/woow-paas/ent/oauthtoken"
	"github.com/woowtech/woow-paas/ent/predicate"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/revocation"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
)

// TokenRequest is a token endpoint request (RFC 6749 section 4, RFC 8628
// section 3.4), the client's credentials as presented.
type TokenRequest struct {
	GrantType              string
	ClientID, ClientSecret string
	Code, RedirectURI      string
	CodeVerifier           string
	RefreshToken           string
	Scope                  string
	DeviceCode             string
}

// TokenResponse is a successful token response (RFC 6749 section 5.1).
type TokenResponse struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
	RefreshToken string `json:"refresh_token,omitempty"`
	Scope        string `json:"scope"`
}

// Exchange answers the token endpoint: it authenticates the client, then
// issues a token for the grant. Errors are *Error (RFC 6749 section 5.2).
func (s *Service) Exchange(ctx context.Context, req TokenRequest) (*TokenResponse, error) {
	c, err := s.AuthenticateClient(ctx, req.ClientID, req.ClientSecret)
	if err != nil {
		return nil, err
	}
	if slices.Contains([]string{GrantAuthorizationCode, GrantRefreshToken, GrantDeviceCode}, req.GrantType) &&
		!allows(c, req.GrantType) {
		return nil, Errorf(UnauthorizedClient, "this client may not use the %s grant", req.GrantType)
	}
	iss := &issuance{client: c}
	ctx = withIssuance(ctx, iss)
	tgr := &oauth2.TokenGenerateRequest{ClientID: c.ClientID, ClientSecret: req.ClientSecret}
	var ti oauth2.TokenInfo
	switch req.GrantType {
	case GrantAuthorizationCode:
		if req.Code == "" || req.RedirectURI == "" {
			return nil, Errorf(InvalidRequest, "code and redirect_uri are required")
		}
		if req.CodeVerifier != "" && (len(req.CodeVerifier) < 43 || len(req.CodeVerifier) > 128 || !unreserved(req.CodeVerifier)) {
			return nil, Errorf(InvalidGrant, "code_verifier must be 43 to 128 unreserved characters")
		}
		tgr.Code, tgr.RedirectURI, tgr.CodeVerifier = req.Code, req.RedirectURI, req.CodeVerifier
		ti, err = s.manager.GenerateAccessToken(ctx, oauth2.AuthorizationCode, tgr)
	case GrantRefreshToken:
		if req.RefreshToken == "" {
			return nil, Errorf(InvalidRequest, "refresh_token is required")
		}
		if len(req.Scope) > 1000 {
			return nil, Errorf(InvalidScope, "the scope is too long")
		}
		iss.scope = strings.Join(splitScope(req.Scope), " ")
		tgr.Refresh, tgr.Scope = req.RefreshToken, iss.scope
		ti, err = s.manager.RefreshAccessToken(ctx, tgr)
	case GrantClientCredentials:
		if c.Public || !allows(c, GrantClientCredentials) {
			return nil, Errorf(UnauthorizedClient, "client_credentials is for confidential clients registered for it")
		}
		scopes, serr := grantable(c, req.Scope)
		if serr != nil {
			return nil, Errorf(InvalidScope, "%s", errs.Public(serr).Message)
		}
		tgr.Scope = strings.Join(scopes, " ")
		ti, err = s.manager.GenerateAccessToken(ctx, oauth2.ClientCredentials, tgr)
	case GrantDeviceCode:
		d, perr := s.pollDevice(ctx, c, req.DeviceCode)
		if perr != nil {
			return nil, perr
		}
		iss.deviceID, iss.userID = d.ID, *d.UserID
		tgr.UserID, tgr.Scope = strconv.Itoa(*d.UserID), strings.Join(d.Scopes, " ")
		// The Manager has no device grant: it issues through the password
		// grant's configuration (a refresh token with it). The password
		// grant itself is never offered (see the default case).
		ti, err = s.manager.GenerateAccessToken(ctx, oauth2.PasswordCredentials, tgr)
	case "":
		return nil, Errorf(InvalidRequest, "grant_type is required")
	default:
		return nil, Errorf(UnsupportedGrantType, "grant_type %q is not supported", truncate(req.GrantType, 100))
	}
	if err != nil {
		return nil, fromLibrary(err)
	}
	return &TokenResponse{
		AccessToken:  ti.GetAccess(),
		TokenType:    "Bearer",
		ExpiresIn:    int(ti.GetAccessExpiresIn() / time.Second),
		RefreshToken: ti.GetRefresh(),
		Scope:        ti.GetScope(),
	}, nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// touchEvery limits how often using a token writes its last use.
const touchEvery = 5 * time.Minute

// Authenticate returns the viewer of an access token, bounded by its
// scopes; nil for anything else (unknown, expired, revoked, a token
// without a user, a disabled account). One statement reads the token and
// its user.
func (s *Service) Authenticate(ctx context.Context, token string) (*viewer.Viewer, error) {
	if !IsAccessToken(token) || len(token) > 200 {
		return nil, nil
	}
	sys := viewer.System(ctx)
	now := s.Now()
	var found []struct {
		ID            int        `json:"id"`
		UserID        int        `json:"user_id"`
		ClientID      int        `json:"client_id"`
		Scopes        string     `json:"scopes"`
		LastUsedAt    *time.Time `json:"last_used_at"`
		PlatformAdmin bool       `json:"platform_admin"`
	}
	err := s.client.OAuthToken.Query().
		Where(oauthtoken.AccessHash(auth.HashToken(token)), oauthtoken.RevokedAtIsNil(),
			oauthtoken.AccessExpiresAtGT(now), oauthtoken.UserIDNotNil()).
		Modify(func(q *sql.Selector) {
			u := sql.Table(user.Table)
			q.Join(u).On(q.C(oauthtoken.FieldUserID), u.C(user.FieldID)).
				Where(sql.EQ(u.C(user.FieldDisabled), false)).
				Select(q.C(oauthtoken.FieldID), q.C(oauthtoken.FieldUserID), q.C(oauthtoken.FieldClientID),
					q.C(oauthtoken.FieldScopes), q.C(oauthtoken.FieldLastUsedAt), u.C(user.FieldPlatformAdmin))
		}).
		Scan(sys, &found)
	if err != nil || len(found) != 1 {
		return nil, err
	}
	t := found[0]
	scopes := []string{}
	if err := json.Unmarshal([]byte(t.Scopes), &scopes); err != nil {
		return nil, err
	}
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > touchEvery {
		s.touch(ctx, t.ID, t.UserID, t.ClientID, now)
	}
	return &viewer.Viewer{UserID: t.UserID, PlatformAdmin: t.PlatformAdmin, TokenID: t.ID, Scopes: scopes}, nil
}

// touch records a token's use (and its grant's); failing is only logged.
func (s *Service) touch(ctx context.Context, tokenID, userID, clientID int, now time.Time) {
	sys := viewer.System(ctx)
	err := s.client.OAuthToken.UpdateOneID(tokenID).SetLastUsedAt(now).Exec(sys)
	if err == nil {
		_, err = s.client.OAuthGrant.Update().
			Where(oauthgrant.UserID(userID), oauthgrant.ClientID(clientID)).
			SetLastUsedAt(now).Save(sys)
	}
	if err != nil {
		s.log.WarnContext(ctx, "recording a token's use", "err", err)
	}
}

// ValidTokens is the revocation.Checker of access tokens: which of ids are
// unrevoked, unexpired, and of an enabled account.
func (s *Service) ValidTokens(ctx context.Context, ids []int) ([]int, error) {
	return s.client.OAuthToken.Query().
		Where(oauthtoken.IDIn(ids...), oauthtoken.RevokedAtIsNil(), oauthtoken.AccessExpiresAtGT(s.Now()),
			oauthtoken.HasUserWith(user.Disabled(false))).
		IDs(viewer.System(ctx))
}

// RevokeUser revokes every token of a user (a disabled account, a reset
// password) and ends what they opened; the user's unused codes and
// approved device codes go with them, so nothing issued before can buy a
// token afterwards.
func (s *Service) RevokeUser(ctx context.Context, userID int) error {
	var ended []int
	err := store.WithTx(viewer.System(ctx), s.client, func(tx *ent.Tx) error {
		var err error
		ended, err = s.revokeIssued(ctx, tx, userID, nil)
		return err
	})
	s.ended(ctx, ended)
	return err
}

// revokeIssued revokes, in tx, what was issued to userID (for one client
// when c is set): live tokens, whose ids it returns for ended once
// committed, unused codes and approved device codes.
func (s *Service) revokeIssued(ctx context.Context, tx *ent.Tx, userID int, c *ent.OAuthClient) ([]int, error) {
	sys := viewer.System(ctx)
	now := s.Now()
	tokens := []predicate.OAuthToken{oauthtoken.UserID(userID)}
	codes := []predicate.OAuthAuthorizationCode{oauthauthorizationcode.UserID(userID), oauthauthorizationcode.UsedAtIsNil()}
	devices := []predicate.OAuthDeviceCode{oauthdevicecode.UserID(userID), oauthdevicecode.StatusEQ(oauthdevicecode.StatusApproved)}
	if c != nil {
		tokens = append(tokens, oauthtoken.ClientID(c.ID))
		codes = append(codes, oauthauthorizationcode.ClientID(c.ID))
		devices = append(devices, oauthdevicecode.ClientID(c.ID))
	}
	ended, err := revokeWhere(sys, tx.Client(), now, tokens...)
	if err != nil {
		return nil, err
	}
	if _, err := tx.OAuthAuthorizationCode.Update().Where(codes...).SetUsedAt(now).Save(sys); err != nil {
		return nil, err
	}
	_, err = tx.OAuthDeviceCode.Update().Where(devices...).SetStatus(oauthdevicecode.StatusDenied).Save(sys)
	return ended, err
}

// Revoke is the revocation endpoint (RFC 7009) for an authenticated
// client: an access token ends with its row, a refresh token with its
// whole family. A token that is unknown, or another client's, is ignored
// (the answer is the same, so it tells nothing).
func (s *Service) Revoke(ctx context.Context, c *ent.OAuthClient, token string) error {
	sys := viewer.System(ctx)
	var where = oauthtoken.AccessHash(auth.HashToken(token))
	if strings.HasPrefix(token, prefixRefresh) {
		t, err := s.client.OAuthToken.Query().
			Where(oauthtoken.RefreshHash(auth.HashToken(token)), oauthtoken.ClientID(c.ID)).
			Select(oauthtoken.FieldFamily).Only(sys)
		if ent.IsNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		where = oauthtoken.Family(t.Family)
	}
	ids, err := revokeWhere(sys, s.client, s.Now(), where, oauthtoken.ClientID(c.ID))
	s.ended(ctx, ids)
	return err
}

// Introspection is an introspection response (RFC 7662 section 2.2).
type Introspection struct {
	Active    bool   `json:"active"`
	Scope     string `json:"scope,omitempty"`
	ClientID  string `json:"client_id,omitempty"`
	Username  string `json:"username,omitempty"`
	Subject   string `json:"sub,omitempty"`
	TokenType string `json:"token_type,omitempty"`
	Expires   int64  `json:"exp,omitempty"`
	IssuedAt  int64  `json:"iat,omitempty"`
	Issuer    string `json:"iss,omitempty"`
}

// Introspect is the introspection endpoint (RFC 7662) for an
// authenticated client: it describes that client's own tokens; anything
// else, or anything not active, is {"active": false}.
func (s *Service) Introspect(ctx context.Context, c *ent.OAuthClient, token string) (*Introspection, error) {
	inactive := &Introspection{}
	if len(token) > 200 {
		return inactive, nil
	}
	sys := viewer.System(ctx)
	now := s.Now()
	q := s.client.OAuthToken.Query().Where(oauthtoken.ClientID(c.ID), oauthtoken.RevokedAtIsNil())
	refresh := strings.HasPrefix(token, prefixRefresh)
	if refresh {
		q.Where(oauthtoken.RefreshHash(auth.HashToken(token)), oauthtoken.RefreshUsedAtIsNil(), oauthtoken.RefreshExpiresAtGT(now))
	} else {
		q.Where(oauthtoken.AccessHash(auth.HashToken(token)), oauthtoken.AccessExpiresAtGT(now))
	}
	t, err := q.WithUser(func(uq *ent.UserQuery) { uq.Select(user.FieldEmail, user.FieldDisabled) }).Only(sys)
	if ent.IsNotFound(err) {
		return inactive, nil
	}
	if err != nil {
		return nil, err
	}
	if u := t.Edges.User; t.UserID != nil && (u == nil || u.Disabled) {
		return inactive, nil
	}
	out := &Introspection{Active: true, Scope: strings.Join(t.Scopes, " "), ClientID: c.ClientID,
		TokenType: "Bearer", Expires: t.AccessExpiresAt.Unix(), IssuedAt: t.CreatedAt.Unix(), Issuer: s.Issuer()}
	if refresh {
		out.TokenType = "refresh_token"
		out.Expires = t.RefreshExpiresAt.Unix()
	}
	if t.UserID != nil {
		out.Subject = strconv.Itoa(*t.UserID)
		out.Username = t.Edges.User.Email
	}
	return out, nil
}

// keepUsed is how long used codes and spent or revoked tokens stay after
// they could have been used, so that a replay is still recognised.
const keepUsed = 24 * time.Hour

// PurgeExpired deletes codes, device codes and tokens that can no longer
// be used nor replayed. It returns how many rows went.
func (s *Service) PurgeExpired(ctx context.Context) (int, error) {
	sys := viewer.System(ctx)
	cutoff := s.Now().Add(-keepUsed)
	n1, err := s.client.OAuthAuthorizationCode.Delete().Where(oauthauthorizationcode.ExpiresAtLT(cutoff)).Exec(sys)
	if err != nil {
		return 0, err
	}
	n2, err := s.client.OAuthDeviceCode.Delete().Where(oauthdevicecode.ExpiresAtLT(cutoff)).Exec(sys)
	if err != nil {
		return n1, err
	}
	// A token row goes when neither half can be used: its access token
	// expired and its refresh token (if any) expired, long enough ago.
	n3, err := s.client.OAuthToken.Delete().Where(
		oauthtoken.AccessExpiresAtLT(cutoff),
		oauthtoken.Or(oauthtoken.RefreshExpiresAtIsNil(), oauthtoken.RefreshExpiresAtLT(cutoff)),
	).Exec(sys)
	return n1 + n2 + n3, err
}

// Bind makes ctx end, with revocation.ErrEnded as its cause, when v's
// access token is revoked or expires (on any replica); release unbinds
// it. A viewer without a token is not bound.
func (s *Service) Bind(ctx context.Context, v *viewer.Viewer) (_ context.Context, release func()) {
	if v.TokenID == 0 {
		return ctx, func() {}
	}
	return s.revoked.Bind(ctx, revocation.Credential{Kind: revocation.OAuthToken, ID: v.TokenID})
}

// Recheck ends the contexts bound to v's token when it is no longer
// valid (it may have ended between authenticating and binding).
func (s *Service) Recheck(ctx context.Context, v *viewer.Viewer) error {
	if v.TokenID == 0 {
		return nil
	}
	valid, err := s.ValidTokens(ctx, []int{v.TokenID})
	if err != nil {
		return err
	}
	if len(valid) == 0 {
		s.revoked.End(revocation.Credential{Kind: revocation.OAuthToken, ID: v.TokenID})
	}
	return nil
}

// IsAccessToken reports whether a bearer token is one of this server's
// access tokens (httpauth.Tokens).
func (s *Service) IsAccessToken(token string) bool { return IsAccessToken(token) }
