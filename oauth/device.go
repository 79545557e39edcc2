package oauth

import (
	"context"
	"crypto/rand"
	"strconv"
	"strings"
	"time"

	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/oauthdevicecode"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/viewer"
)

// DeviceAuthorization is the device authorization response (RFC 8628
// section 3.2).
type DeviceAuthorization struct {
	DeviceCode              string `json:"device_code"`
	UserCode                string `json:"user_code"`
	VerificationURI         string `json:"verification_uri"`
	VerificationURIComplete string `json:"verification_uri_complete"`
	ExpiresIn               int    `json:"expires_in"`
	Interval                int    `json:"interval"`
}

// userCodeAlphabet has no vowels (no words) and no look-alikes (0/O, 1/I/L,
// 5/S, 2/Z, 8/B): 20 consonants, as RFC 8628 section 6.1 suggests.
const userCodeAlphabet = "BCDFGHJKMNPQRSTVWXYZ"

const userCodeLen = 8

func newUserCode() string {
	b := make([]byte, userCodeLen)
	rand.Read(b)
	for i := range b {
		// 256 is not a multiple of 20: reject the top of the range.
		for b[i] >= 240 {
			var one [1]byte
			rand.Read(one[:])
			b[i] = one[0]
		}
		b[i] = userCodeAlphabet[int(b[i])%len(userCodeAlphabet)]
	}
	return string(b)
}

// normalizeUserCode accepts a user code as people type it (any case, with
// a dash or spaces); "" when it cannot be one.
func normalizeUserCode(in string) string {
	if len(in) > 20 {
		return ""
	}
	code := strings.ToUpper(strings.NewReplacer("-", "", " ", "").Replace(in))
	if len(code) != userCodeLen {
		return ""
	}
	for _, c := range code {
		if !strings.ContainsRune(userCodeAlphabet, c) {
			return ""
		}
	}
	return code
}

// displayUserCode is XXXX-XXXX.
func displayUserCode(code string) string { return code[:4] + "-" + code[4:] }

// DeviceAuthorize starts a device authorization (RFC 8628 section 3.1)
// for an authenticated client registered for the device grant. Errors:
// *Error.
func (s *Service) DeviceAuthorize(ctx context.Context, clientID, secret, scope string) (*DeviceAuthorization, error) {
	c, err := s.AuthenticateClient(ctx, clientID, secret)
	if err != nil {
		return nil, err
	}
	if !allows(c, GrantDeviceCode) {
		return nil, Errorf(UnauthorizedClient, "this client may not use the device authorization grant")
	}
	scopes, serr := grantable(c, scope)
	if serr != nil {
		return nil, Errorf(InvalidScope, "%s", errs.Public(serr).Message)
	}
	sys := viewer.System(ctx)
	for attempt := 0; ; attempt++ {
		device, hash := newSecret(prefixDevice)
		userCode := newUserCode()
		err := s.client.OAuthDeviceCode.Create().
			SetDeviceCodeHash(hash).
			SetUserCode(userCode).
			SetClientID(c.ID).
			SetScopes(scopes).
			SetCreatedAt(s.Now()).
			SetExpiresAt(s.Now().Add(DeviceCodeTTL)).
			SetInterval(int(DevicePollEvery / time.Second)).
			Exec(sys)
		if ent.IsConstraintError(err) && attempt < 3 {
			continue // the user code was taken (expired ones stay until purged)
		}
		if err != nil {
			return nil, err
		}
		page := s.cfg.PublicURL + "/device"
		return &DeviceAuthorization{
			DeviceCode:              device,
			UserCode:                displayUserCode(userCode),
			VerificationURI:         page,
			VerificationURIComplete: page + "?user_code=" + displayUserCode(userCode),
			ExpiresIn:               int(DeviceCodeTTL / time.Second),
			Interval:                int(DevicePollEvery / time.Second),
		}, nil
	}
}

// pendingDevice finds the pending, unexpired device authorization of a
// user code for the viewer, counting wrong codes against the viewer:
// after ten in 15 minutes, TOO_MANY_REQUESTS (a code has 20^8 values, so
// guessing someone else's pending one is hopeless). NOT_FOUND when there
// is none.
func (s *Service) pendingDevice(ctx context.Context, v *viewer.Viewer, userCode string) (*ent.OAuthDeviceCode, error) {
	key := "user:" + strconv.Itoa(v.UserID)
	if ok, retry := s.userCodes.Take(key); !ok {
		return nil, errs.E(errs.TooManyRequests, "too many wrong codes; try again in %d minutes", int(retry.Minutes())+1)
	}
	code := normalizeUserCode(userCode)
	if code == "" {
		return nil, errs.E(errs.NotFound, "no pending request has this code")
	}
	d, err := s.client.OAuthDeviceCode.Query().
		Where(oauthdevicecode.UserCode(code), oauthdevicecode.StatusEQ(oauthdevicecode.StatusPending),
			oauthdevicecode.ExpiresAtGT(s.Now())).
		WithClient().
		Only(viewer.System(ctx))
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "no pending request has this code (it may have expired)")
	}
	if err != nil {
		s.userCodes.Undo(key)
		return nil, err
	}
	s.userCodes.Undo(key)
	return d, nil
}

// DeviceRequest shows the device page what a pending authorization asks.
func (s *Service) DeviceRequest(ctx context.Context, userCode string) (*DeviceRequest, error) {
	v, err := firstParty(ctx)
	if err != nil {
		return nil, err
	}
	d, err := s.pendingDevice(ctx, v, userCode)
	if err != nil {
		return nil, err
	}
	return &DeviceRequest{ClientName: d.Edges.Client.Name, Scopes: describe(d.Scopes)}, nil
}

// ApproveDevice approves (recording the grant) or denies the pending
// device authorization of a user code for the viewer; the device's next
// poll gets its token or access_denied.
func (s *Service) ApproveDevice(ctx context.Context, userCode string, approve bool) (*ent.OAuthDeviceCode, error) {
	v, err := firstParty(ctx)
	if err != nil {
		return nil, err
	}
	d, err := s.pendingDevice(ctx, v, userCode)
	if err != nil {
		return nil, err
	}
	status := oauthdevicecode.StatusDenied
	if approve {
		status = oauthdevicecode.StatusApproved
	}
	n, err := s.client.OAuthDeviceCode.Update().
		Where(oauthdevicecode.ID(d.ID), oauthdevicecode.StatusEQ(oauthdevicecode.StatusPending)).
		SetStatus(status).SetUserID(v.UserID).Save(viewer.System(ctx))
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, errs.E(errs.Conflict, "this request was answered already")
	}
	if approve {
		if err := s.recordGrant(ctx, v.UserID, d.ClientID, d.Scopes); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// pollDevice is a device's poll of the token endpoint (RFC 8628 section
// 3.5): the approved authorization, or the error that says why not yet.
// Polling faster than the interval is slow_down, and the interval grows
// by five seconds.
func (s *Service) pollDevice(ctx context.Context, c *ent.OAuthClient, code string) (*ent.OAuthDeviceCode, error) {
	if code == "" {
		return nil, Errorf(InvalidRequest, "device_code is required")
	}
	sys := viewer.System(ctx)
	d, err := s.client.OAuthDeviceCode.Query().
		Where(oauthdevicecode.DeviceCodeHash(auth.HashToken(code)), oauthdevicecode.ClientID(c.ID)).Only(sys)
	if ent.IsNotFound(err) {
		return nil, Errorf(InvalidGrant, "unknown device_code")
	}
	if err != nil {
		return nil, err
	}
	now := s.Now()
	if !d.ExpiresAt.After(now) {
		return nil, Errorf(ExpiredToken, "the device code expired; start again")
	}
	upd := d.Update().SetLastPolledAt(now)
	tooSoon := d.LastPolledAt != nil && now.Sub(*d.LastPolledAt) < time.Duration(d.Interval)*time.Second
	if tooSoon {
		upd.AddInterval(5)
	}
	if err := upd.Exec(sys); err != nil {
		return nil, err
	}
	switch d.Status {
	case oauthdevicecode.StatusDenied:
		return nil, Errorf(AccessDenied, "the user denied the request")
	case oauthdevicecode.StatusConsumed:
		return nil, Errorf(InvalidGrant, "the device code was already used")
	case oauthdevicecode.StatusApproved:
		if d.UserID == nil {
			return nil, Errorf(InvalidGrant, "the device code has no user")
		}
		return d, nil
	}
	if tooSoon {
		return nil, Errorf(SlowDown, "poll every %d seconds", d.Interval+5)
	}
	return nil, Errorf(AuthorizationPending, "the user has not answered yet")
}

// describe is scopes in words, in the order of policy.Scopes.
func describe(scopes []string) []policy.Scope {
	var out []policy.Scope
	for _, sc := range policy.Scopes {
		for _, name := range scopes {
			if name == sc.Name {
				out = append(out, sc)
			}
		}
	}
	return out
}
