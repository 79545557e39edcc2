package oauth

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/viewer"
)

// fixture is a server on a fresh database with its clock in the test's
// hands, the Home Assistant client seeded and one user.
type fixture struct {
	s   *Service
	c   *ent.Client
	now time.Time
	ctx context.Context // the user's own session
	uid int
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db := storetest.Open(t)
	f := &fixture{c: db.Client, now: time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)}
	f.s = New(db.Client, Config{PublicURL: "https://paas.example"})
	f.s.Now = func() time.Time { return f.now }
	sys := viewer.System(context.Background())
	if err := f.s.Seed(sys); err != nil {
		t.Fatal(err)
	}
	u, err := db.Client.User.Create().SetEmail("ann@example.com").SetName("Ann").SetPasswordHash("x").Save(sys)
	if err != nil {
		t.Fatal(err)
	}
	f.uid = u.ID
	f.ctx = viewer.NewContext(context.Background(), &viewer.Viewer{UserID: u.ID, SessionID: 1})
	return f
}

const haRedirect = "http://homeassistant.local:8123" + HomeAssistantCallbackPath

func challengeOf(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// code runs the consent for the Home Assistant client and returns the code.
func (f *fixture) code(t *testing.T, verifier string) string {
	t.Helper()
	to, err := f.s.Authorize(f.ctx, AuthorizeRequest{ClientID: HomeAssistantClientID, RedirectURI: haRedirect,
		State: "s", CodeChallenge: challengeOf(verifier), CodeChallengeMethod: "S256"}, true)
	if err != nil {
		t.Fatal(err)
	}
	_, code, ok := strings.Cut(to, "code=")
	if !ok {
		t.Fatalf("no code in %s", to)
	}
	code, _, _ = strings.Cut(code, "&")
	return code
}

func (f *fixture) exchange(code, verifier string) (*TokenResponse, error) {
	return f.s.Exchange(context.Background(), TokenRequest{GrantType: GrantAuthorizationCode, ClientID: HomeAssistantClientID,
		Code: code, RedirectURI: haRedirect, CodeVerifier: verifier})
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	e, ok := err.(*Error)
	if !ok || e.Code != code {
		t.Fatalf("got %v, want %s", err, code)
	}
}

var verifier = strings.Repeat("v", 64)

func TestExpiredCode(t *testing.T) {
	f := newFixture(t)
	code := f.code(t, verifier)
	f.now = f.now.Add(CodeTTL + time.Second)
	_, err := f.exchange(code, verifier)
	wantCode(t, err, InvalidGrant)
	// Within its ten minutes it works.
	code = f.code(t, verifier)
	f.now = f.now.Add(CodeTTL - time.Second)
	if _, err := f.exchange(code, verifier); err != nil {
		t.Fatal(err)
	}
}

func TestExpiredAccessAndRefreshTokens(t *testing.T) {
	f := newFixture(t)
	tok, err := f.exchange(f.code(t, verifier), verifier)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.s.Authenticate(context.Background(), tok.AccessToken); v == nil || v.UserID != f.uid || len(v.Scopes) != 5 {
		t.Fatalf("authenticate: %+v", v)
	}
	f.now = f.now.Add(AccessTTL + time.Second)
	if v, _ := f.s.Authenticate(context.Background(), tok.AccessToken); v != nil {
		t.Fatal("an expired access token authenticates")
	}
	f.now = f.now.Add(RefreshTTL)
	_, err = f.s.Exchange(context.Background(), TokenRequest{GrantType: GrantRefreshToken, ClientID: HomeAssistantClientID,
		RefreshToken: tok.RefreshToken})
	wantCode(t, err, InvalidGrant)
}

func TestExpiredDeviceCode(t *testing.T) {
	f := newFixture(t)
	d, err := f.s.DeviceAuthorize(context.Background(), HomeAssistantClientID, "", "")
	if err != nil {
		t.Fatal(err)
	}
	f.now = f.now.Add(DeviceCodeTTL + time.Second)
	if _, err := f.s.ApproveDevice(f.ctx, d.UserCode, true); err == nil {
		t.Fatal("an expired device code was approved")
	}
	_, err = f.s.Exchange(context.Background(), TokenRequest{GrantType: GrantDeviceCode, ClientID: HomeAssistantClientID, DeviceCode: d.DeviceCode})
	wantCode(t, err, ExpiredToken)
}

// TestRevokeUserEndsPendingGrants: after a password reset or a disabled
// account, a code or approved device code issued before buys nothing.
func TestRevokeUserEndsPendingGrants(t *testing.T) {
	f := newFixture(t)
	code := f.code(t, verifier)
	d, err := f.s.DeviceAuthorize(context.Background(), HomeAssistantClientID, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.ApproveDevice(f.ctx, d.UserCode, true); err != nil {
		t.Fatal(err)
	}
	if err := f.s.RevokeUser(context.Background(), f.uid); err != nil {
		t.Fatal(err)
	}
	_, err = f.exchange(code, verifier)
	wantCode(t, err, InvalidGrant)
	_, err = f.s.Exchange(context.Background(), TokenRequest{GrantType: GrantDeviceCode, ClientID: HomeAssistantClientID, DeviceCode: d.DeviceCode})
	wantCode(t, err, AccessDenied)
}

// TestOnlyHashesAtRest: no code, token or secret is stored as issued.
func TestOnlyHashesAtRest(t *testing.T) {
	f := newFixture(t)
	code := f.code(t, verifier)
	tok, err := f.exchange(code, verifier)
	if err != nil {
		t.Fatal(err)
	}
	d, err := f.s.DeviceAuthorize(context.Background(), HomeAssistantClientID, "", "")
	if err != nil {
		t.Fatal(err)
	}
	_, secret, err := f.s.CreateClient(f.ctx, ClientInput{Name: "CI", RedirectURIs: []string{"https://ci.example/cb"}, Scopes: []string{"read"}})
	if err != nil {
		t.Fatal(err)
	}
	sys := viewer.System(context.Background())
	c := f.c.OAuthAuthorizationCode.Query().OnlyX(sys)
	tr := f.c.OAuthToken.Query().OnlyX(sys)
	dc := f.c.OAuthDeviceCode.Query().OnlyX(sys)
	cl := f.c.OAuthClient.Query().Where().AllX(sys)
	stored := []string{c.CodeHash, tr.AccessHash, *tr.RefreshHash, dc.DeviceCodeHash}
	for _, x := range cl {
		stored = append(stored, x.SecretHash)
	}
	for _, plain := range []string{code, tok.AccessToken, tok.RefreshToken, d.DeviceCode, secret} {
		for _, s := range stored {
			if strings.Contains(s, plain) {
				t.Fatalf("%q stored in plain text", plain[:8])
			}
		}
		found := false
		for _, s := range stored {
			found = found || s == auth.HashToken(plain)
		}
		if !found {
			t.Errorf("no hash stored for %q", plain[:8])
		}
	}
}

// TestConcurrentCodeExchange: of exchanges racing with one code, one
// wins, and its token is revoked all the same (the code was replayed).
func TestConcurrentCodeExchange(t *testing.T) {
	f := newFixture(t)
	code := f.code(t, verifier)
	const n = 4
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		won  []*TokenResponse
		errs []error
	)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tok, err := f.exchange(code, verifier)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
			} else {
				won = append(won, tok)
			}
		}()
	}
	wg.Wait()
	if len(won) > 1 {
		t.Fatalf("%d exchanges of one code succeeded", len(won))
	}
	for _, err := range errs {
		if e, ok := err.(*Error); !ok || e.Code != InvalidGrant {
			t.Fatalf("a losing exchange: %v", err)
		}
	}
	for _, tok := range won {
		if v, _ := f.s.Authenticate(context.Background(), tok.AccessToken); v != nil {
			t.Fatal("the winner's token survived the replay of its code")
		}
	}
}

func TestHomeAssistantCallback(t *testing.T) {
	for uri, want := range map[string]bool{
		"http://homeassistant.local:8123/auth/external/woow/callback": true,
		"https://ha.example.com/auth/external/woow/callback":          true,
		"http://[::1]:8123/auth/external/woow/callback":               true,
		"http://ha.local/auth/external/woow/callback/":                false,
		"http://ha.local/auth/external/woow/callback?x=1":             false,
		"http://ha.local/auth/external/woow/callback#x":               false,
		"http://u@ha.local/auth/external/woow/callback":               false,
		"ftp://ha.local/auth/external/woow/callback":                  false,
		"http://ha.local/auth/external/woow/%63allback":               false,
		"http:///auth/external/woow/callback":                         false,
		"//ha.local/auth/external/woow/callback":                      false,
		"http://ha.local/auth/external/callback":                      false,
	} {
		if got := homeAssistantCallback(uri); got != want {
			t.Errorf("%s: %v, want %v", uri, got, want)
		}
	}
}
