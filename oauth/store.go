package oauth

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-oauth2/oauth2/v4"
	"github.com/go-oauth2/oauth2/v4/models"

	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/oauthauthorizationcode"
	"github.com/woowtech/woow-paas/ent/oauthdevicecode"
	"github.com/woowtech/woow-paas/ent/oauthtoken"
	"github.com/woowtech/woow-paas/ent/predicate"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
)

// issuance is what one call into the Manager carries from the store's
// reads to its Create: which client was authenticated, and which code,
// refresh token or device code the new token comes from. The Manager's
// interfaces pass only the token, so it travels in the context.
type issuance struct {
	client *ent.OAuthClient
	// scope asked for on refresh ("": the same as before).
	scope string
	// Filled by the store as it reads.
	codeID   int
	prevID   int // the refresh token's row
	family   string
	deviceID int // set by Exchange for the device grant
	userID   int
	// issued is the row Create inserted.
	issued *ent.OAuthToken
}

type issuanceKey struct{}

func withIssuance(ctx context.Context, iss *issuance) context.Context {
	return context.WithValue(ctx, issuanceKey{}, iss)
}

func issuanceOf(ctx context.Context) *issuance {
	iss, _ := ctx.Value(issuanceKey{}).(*issuance)
	return iss
}

// codeGenerator and tokenGenerator are the Manager's generators: 256
// random bits behind a prefix that says what the secret is.
type codeGenerator struct{}

func (codeGenerator) Token(context.Context, *oauth2.GenerateBasic) (string, error) {
	code, _ := newSecret(prefixCode)
	return code, nil
}

type tokenGenerator struct{}

func (tokenGenerator) Token(_ context.Context, _ *oauth2.GenerateBasic, refresh bool) (string, string, error) {
	access, _ := newSecret(prefixAccess)
	r := ""
	if refresh {
		r, _ = newSecret(prefixRefresh)
	}
	return access, r, nil
}

// tokenStore is go-oauth2's token store over ent. It keeps hashes only,
// and it is where the library's gaps close:
//
//   - A code is marked used in the same transaction that inserts the
//     token it buys (Create), with a conditional update: of two
//     concurrent exchanges one wins, and the loser, like any later
//     replay (GetByCode), revokes every token the code issued.
//   - A refresh token is marked used in the same transaction that inserts
//     its successor, the same way; a used one presented again revokes its
//     whole family (every token rotated from the same grant).
//   - RemoveByCode and RemoveByRefresh, which the Manager calls after
//     Create, keep the rows: a used code or refresh token must stay
//     recognisable to detect its reuse. Old rows are purged later
//     (PurgeExpired).
//   - A rotation also ends the old access token, in Create: the Manager
//     would ask RemoveByAccess, but only the hash of an access token is
//     known once issued.
type tokenStore struct{ s *Service }

func (ts tokenStore) Create(ctx context.Context, info oauth2.TokenInfo) error {
	if info.GetCode() != "" {
		return ts.createCode(ctx, info)
	}
	return ts.createToken(ctx, info)
}

func (ts tokenStore) createCode(ctx context.Context, info oauth2.TokenInfo) error {
	iss := issuanceOf(ctx)
	if iss == nil || iss.client == nil || iss.userID == 0 {
		return fmt.Errorf("oauth: a code issued outside Authorize")
	}
	return ts.s.client.OAuthAuthorizationCode.Create().
		SetCodeHash(auth.HashToken(info.GetCode())).
		SetClientID(iss.client.ID).
		SetUserID(iss.userID).
		SetRedirectURI(info.GetRedirectURI()).
		SetScopes(splitScope(info.GetScope())).
		SetCodeChallenge(info.GetCodeChallenge()).
		SetCodeChallengeMethod(string(info.GetCodeChallengeMethod())).
		SetCreatedAt(ts.s.Now()).
		SetExpiresAt(ts.s.Now().Add(CodeTTL)).
		Exec(viewer.System(ctx))
}

// createToken inserts an access (and refresh) token, consuming what it was
// issued for in the same transaction.
func (ts tokenStore) createToken(ctx context.Context, info oauth2.TokenInfo) error {
	iss := issuanceOf(ctx)
	if iss == nil || iss.client == nil {
		return fmt.Errorf("oauth: a token issued outside Exchange")
	}
	sys := viewer.System(ctx)
	now := ts.s.Now()
	var revoked []int
	var reuse *Error
	err := store.WithTx(sys, ts.s.client, func(tx *ent.Tx) error {
		switch {
		case iss.codeID != 0:
			n, err := tx.OAuthAuthorizationCode.Update().
				Where(oauthauthorizationcode.ID(iss.codeID), oauthauthorizationcode.UsedAtIsNil()).
				SetUsedAt(now).Save(sys)
			if err != nil {
				return err
			}
			if n == 0 { // a concurrent exchange won
				ids, err := revokeWhere(sys, tx.Client(), now, oauthtoken.AuthorizationCodeID(iss.codeID))
				revoked, reuse = ids, Errorf(InvalidGrant, "the authorization code was already used; the tokens it issued are revoked")
				return err
			}
		case iss.prevID != 0:
			// The refresh token is spent and its access token ends with
			// it (the successor replaces both).
			n, err := tx.OAuthToken.Update().
				Where(oauthtoken.ID(iss.prevID), oauthtoken.RefreshUsedAtIsNil(), oauthtoken.RevokedAtIsNil()).
				SetRefreshUsedAt(now).SetAccessExpiresAt(now).Save(sys)
			if err != nil {
				return err
			}
			if n == 0 {
				ids, err := revokeWhere(sys, tx.Client(), now, oauthtoken.Family(iss.family))
				revoked, reuse = ids, Errorf(InvalidGrant, "the refresh token was already used; every token of its grant is revoked")
				return err
			}
			revoked = []int{iss.prevID}
		case iss.deviceID != 0:
			n, err := tx.OAuthDeviceCode.Update().
				Where(oauthdevicecode.ID(iss.deviceID), oauthdevicecode.StatusEQ(oauthdevicecode.StatusApproved)).
				SetStatus(oauthdevicecode.StatusConsumed).Save(sys)
			if err != nil {
				return err
			}
			if n == 0 {
				reuse = Errorf(InvalidGrant, "the device code was already used")
				return nil
			}
		}
		family := iss.family
		if family == "" {
			family, _ = auth.NewToken()
		}
		create := tx.OAuthToken.Create().
			SetAccessHash(auth.HashToken(info.GetAccess())).
			SetClientID(iss.client.ID).
			SetScopes(splitScope(info.GetScope())).
			SetFamily(family).
			SetCreatedAt(now).
			SetAccessExpiresAt(now.Add(info.GetAccessExpiresIn()))
		if info.GetRefresh() != "" {
			create.SetRefreshHash(auth.HashToken(info.GetRefresh())).
				SetRefreshExpiresAt(now.Add(info.GetRefreshExpiresIn()))
		}
		if iss.userID != 0 {
			create.SetUserID(iss.userID)
		}
		if iss.codeID != 0 {
			create.SetAuthorizationCodeID(iss.codeID)
		}
		t, err := create.Save(sys)
		iss.issued = t
		return err
	})
	if err != nil {
		return err
	}
	ts.s.ended(ctx, revoked)
	if reuse != nil {
		return reuse
	}
	return nil
}

// revokeWhere revokes the live tokens matching where (one conditional
// update, so none inserted meanwhile escapes half-done) and returns their
// ids, for ended once committed.
func revokeWhere(ctx context.Context, c *ent.Client, now time.Time, where ...predicate.OAuthToken) ([]int, error) {
	n, err := c.OAuthToken.Update().
		Where(append(where, oauthtoken.RevokedAtIsNil())...).
		SetRevokedAt(now).Save(ctx)
	if err != nil || n == 0 {
		return nil, err
	}
	return c.OAuthToken.Query().Where(append(where, oauthtoken.RevokedAt(now))...).IDs(ctx)
}

// RemoveByCode keeps the code: Create marked it used (see tokenStore).
func (tokenStore) RemoveByCode(context.Context, string) error { return nil }

// RemoveByRefresh keeps the row: Create marked its refresh token used.
func (tokenStore) RemoveByRefresh(context.Context, string) error { return nil }

// RemoveByAccess is never called (IsRemoveAccess is off: Create ends the
// replaced access token); it revokes the token all the same.
func (ts tokenStore) RemoveByAccess(ctx context.Context, access string) error {
	sys := viewer.System(ctx)
	ids, err := revokeWhere(sys, ts.s.client, ts.s.Now(), oauthtoken.AccessHash(auth.HashToken(access)))
	ts.s.ended(ctx, ids)
	return err
}

// GetByCode returns an unused, unexpired code of the authenticated
// client. A used one is a replay: every token it issued is revoked.
func (ts tokenStore) GetByCode(ctx context.Context, code string) (oauth2.TokenInfo, error) {
	iss := issuanceOf(ctx)
	sys := viewer.System(ctx)
	c, err := ts.s.client.OAuthAuthorizationCode.Query().
		Where(oauthauthorizationcode.CodeHash(auth.HashToken(code))).Only(sys)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if iss == nil || iss.client == nil || c.ClientID != iss.client.ID {
		return nil, nil
	}
	if c.UsedAt != nil {
		ids, err := revokeWhere(sys, ts.s.client, ts.s.Now(), oauthtoken.AuthorizationCodeID(c.ID))
		ts.s.ended(ctx, ids)
		if err != nil {
			return nil, err
		}
		return nil, Errorf(InvalidGrant, "the authorization code was already used; the tokens it issued are revoked")
	}
	if !c.ExpiresAt.After(ts.s.Now()) {
		return nil, nil
	}
	iss.codeID, iss.userID = c.ID, c.UserID
	t := models.NewToken()
	t.SetClientID(iss.client.ClientID)
	t.SetUserID(strconv.Itoa(c.UserID))
	t.SetRedirectURI(c.RedirectURI)
	t.SetScope(strings.Join(c.Scopes, " "))
	t.SetCode(code)
	// The Manager checks expiry against its own clock; ours decided above.
	t.SetCodeCreateAt(time.Now())
	t.SetCodeExpiresIn(CodeTTL)
	t.SetCodeChallenge(c.CodeChallenge)
	t.SetCodeChallengeMethod(oauth2.CodeChallengeMethod(c.CodeChallengeMethod))
	return t, nil
}

// GetByRefresh returns a live refresh token of the authenticated client,
// checking the scope asked for is within it. A used one is a replay: its
// whole family is revoked.
func (ts tokenStore) GetByRefresh(ctx context.Context, refresh string) (oauth2.TokenInfo, error) {
	iss := issuanceOf(ctx)
	sys := viewer.System(ctx)
	t, err := ts.s.client.OAuthToken.Query().
		Where(oauthtoken.RefreshHash(auth.HashToken(refresh))).Only(sys)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if iss == nil || iss.client == nil || t.ClientID != iss.client.ID {
		return nil, nil
	}
	if t.RefreshUsedAt != nil {
		ids, err := revokeWhere(sys, ts.s.client, ts.s.Now(), oauthtoken.Family(t.Family))
		ts.s.ended(ctx, ids)
		if err != nil {
			return nil, err
		}
		return nil, Errorf(InvalidGrant, "the refresh token was already used; every token of its grant is revoked")
	}
	if t.RevokedAt != nil || t.RefreshExpiresAt == nil || !t.RefreshExpiresAt.After(ts.s.Now()) {
		return nil, nil
	}
	if iss.scope != "" {
		for _, sc := range splitScope(iss.scope) {
			if !slices.Contains(t.Scopes, sc) {
				return nil, Errorf(InvalidScope, "a refreshed token cannot have scope %q, which was not granted", sc)
			}
		}
	}
	iss.prevID, iss.family = t.ID, t.Family
	if t.UserID != nil {
		iss.userID = *t.UserID
	}
	ti := models.NewToken()
	ti.SetClientID(iss.client.ClientID)
	if t.UserID != nil {
		ti.SetUserID(strconv.Itoa(*t.UserID))
	}
	ti.SetScope(strings.Join(t.Scopes, " "))
	ti.SetAccess("") // never known: only its hash is stored
	ti.SetRefresh(refresh)
	ti.SetRefreshCreateAt(time.Now())
	ti.SetRefreshExpiresIn(RefreshTTL)
	return ti, nil
}

// GetByAccess is not how this server authenticates requests (see
// Authenticate: one joined read, no Manager); the library's interface
// wants it.
func (ts tokenStore) GetByAccess(context.Context, string) (oauth2.TokenInfo, error) {
	return nil, nil
}

// splitScope splits a space-separated scope parameter, dropping empties.
func splitScope(s string) []string { return strings.Fields(s) }
