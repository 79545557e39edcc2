package main

// The OAuth 2.0 authorization server against the real server over HTTP
// (SPEC section 7): the Home Assistant integration's code flow with PKCE,
// the same flow driven by golang.org/x/oauth2, the device flow, refresh
// rotation and reuse, revocation, introspection, metadata, scoped access
// and the negative matrix. Expiries, which need the clock moved, are
// tested in package oauth.

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

const (
	haClientID = "woow-ha-smart-home"
	haScopes   = "workspace:read smarthome:read smarthome:tunnel security-access:read security-access:tunnel"
	haRedirect = "http://192.168.1.20:8123/auth/external/woow/callback"

	oauthConsentQuery = `query($in: OAuthConsentInput!) { oauthConsent(input: $in) {
		clientId clientName scopes { name description } redirectHost registeredRedirect } }`
	authorizeMut    = `mutation($in: AuthorizeOAuthClientInput!) { authorizeOAuthClient(input: $in) { redirectTo } }`
	createClientMut = `mutation($in: CreateOAuthClientInput!) { createOAuthClient(input: $in) {
		client { id clientId public } clientSecret } }`
	deviceRequestQuery = `query($code: String!) { oauthDeviceRequest(userCode: $code) { clientName scopes { name } } }`
	approveDeviceMut   = `mutation($code: String!, $ok: Boolean!) { approveOAuthDevice(input: {userCode: $code, approve: $ok}) { clientName scopes } }`
	grantsQuery        = `{ viewer { oauthGrants { clientId clientName scopes grantedAt lastUsedAt } } }`
	revokeGrantMut     = `mutation($id: String!) { revokeOAuthGrant(input: {clientId: $id}) { clientId } }`
)

// pkce returns a verifier as the Home Assistant integration makes one
// (128 characters) and its S256 challenge.
func pkce(t *testing.T) (verifier, challenge string) {
	t.Helper()
	b := make([]byte, 96)
	rand.Read(b)
	verifier = base64.RawURLEncoding.EncodeToString(b)
	sum := sha256.Sum256([]byte(verifier))
	return verifier, base64.RawURLEncoding.EncodeToString(sum[:])
}

// noRedirects is an HTTP client that shows redirects instead of following.
var noRedirects = &http.Client{Timeout: 30 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// oauthPost posts a form to an OAuth endpoint (with HTTP Basic when user
// is set) and returns the status, the JSON body (nil when empty) and the
// headers.
func oauthPost(t *testing.T, endpoint string, form url.Values, user, pass string) (int, map[string]any, http.Header) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if user != "" {
		req.SetBasicAuth(url.QueryEscape(user), url.QueryEscape(pass))
	}
	resp, err := noRedirects.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var body map[string]any
	if len(b) > 0 {
		if err := json.Unmarshal(b, &body); err != nil {
			t.Fatalf("POST %s: %d, not JSON: %s", endpoint, resp.StatusCode, b)
		}
	}
	return resp.StatusCode, body, resp.Header
}

// wantOAuthError asserts an RFC 6749 error answer.
func wantOAuthError(t *testing.T, what string, status int, body map[string]any, wantStatus int, code string) {
	t.Helper()
	if status != wantStatus || body["error"] != code || body["error_description"] == nil {
		t.Fatalf("%s: %d %v, want %d error=%s with a description", what, status, body, wantStatus, code)
	}
}

// getNoFollow GETs a URL without following a redirect.
func getNoFollow(t *testing.T, u string) *http.Response {
	t.Helper()
	resp, err := noRedirects.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

// bearerViewer runs { viewer { email } } with a bearer token and returns
// the email ("" for an anonymous answer) and the errors.
func bearerViewer(t *testing.T, base, token, query string) (json.RawMessage, []bearerErr) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequest(http.MethodPost, base+"/query", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Data   json.RawMessage `json:"data"`
		Errors []bearerErr     `json:"errors"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out.Data, out.Errors
}

type bearerErr struct {
	Message    string `json:"message"`
	Extensions struct {
		Code   string `json:"code"`
		Reason string `json:"reason"`
	} `json:"extensions"`
}

// tokenWorks reports whether an access token still authenticates: a read
// token sees its viewer; a token without read is refused for its scope
// (which means it was recognised). Anything else is anonymous.
func tokenWorks(t *testing.T, base, token string) bool {
	t.Helper()
	data, errs := bearerViewer(t, base, token, `{ viewer { email } }`)
	if len(errs) == 1 && errs[0].Extensions.Reason == "insufficient_scope" {
		return true
	}
	if len(errs) > 0 {
		t.Fatalf("viewer with a bearer token: %v", errs)
	}
	return !isNull(t, data, "viewer")
}

// consent is what the consent page does once the user decides: it returns
// the URL the browser is sent to.
func consent(t *testing.T, who *account, authURL string, approve bool) *url.URL {
	t.Helper()
	u, err := url.Parse(authURL)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	in := map[string]any{"clientId": q.Get("client_id"), "redirectUri": q.Get("redirect_uri"),
		"scope": q.Get("scope"), "state": q.Get("state"), "codeChallenge": q.Get("code_challenge"),
		"codeChallengeMethod": q.Get("code_challenge_method")}
	who.mustDo(t, oauthConsentQuery, map[string]any{"in": in})
	in["approve"] = approve
	to, err := url.Parse(pick[string](t, who.mustDo(t, authorizeMut, map[string]any{"in": in}), "authorizeOAuthClient.redirectTo"))
	if err != nil {
		t.Fatal(err)
	}
	return to
}

// haAuthorizeURL is the authorization request the Home Assistant
// integration sends (its parameters, as its code builds them).
func haAuthorizeURL(base, redirect, state, challenge string) string {
	return base + "/oauth2/authorize?" + url.Values{
		"response_type": {"code"}, "client_id": {haClientID}, "redirect_uri": {redirect},
		"scope": {haScopes}, "state": {state}, "code_challenge": {challenge},
		"code_challenge_method": {"S256"},
	}.Encode()
}

// haLogin runs the Home Assistant code flow for who and returns the
// token response.
func haLogin(t *testing.T, base string, who *account) map[string]any {
	t.Helper()
	verifier, challenge := pkce(t)
	authURL := haAuthorizeURL(base, haRedirect, "opaque-jwt-state", challenge)
	if resp := getNoFollow(t, authURL); resp.StatusCode != http.StatusOK {
		t.Fatalf("GET authorize: %d", resp.StatusCode)
	}
	to := consent(t, who, authURL, true)
	status, body, _ := oauthPost(t, base+"/oauth2/token", url.Values{
		"grant_type": {"authorization_code"}, "code": {to.Query().Get("code")},
		"redirect_uri": {haRedirect}, "client_id": {haClientID}, "code_verifier": {verifier},
	}, "", "")
	if status != http.StatusOK {
		t.Fatalf("token: %d %v", status, body)
	}
	return body
}

func TestOAuthHomeAssistantCodeFlow(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	alice := register(t, srv.URL, "alice@example.com", "Alice")

	verifier, challenge := pkce(t)
	authURL := haAuthorizeURL(srv.URL, haRedirect, "opaque-jwt-state", challenge)

	// The authorization endpoint shows the web app's consent page, which
	// cannot be framed.
	resp := getNoFollow(t, authURL)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("X-Frame-Options") != "DENY" ||
		!strings.Contains(resp.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Fatalf("GET authorize: %d, X-Frame-Options %q, CSP %q", resp.StatusCode,
			resp.Header.Get("X-Frame-Options"), resp.Header.Get("Content-Security-Policy"))
	}
	// The consent page names the client, the scopes and the host.
	q, _ := url.Parse(authURL)
	data := alice.mustDo(t, oauthConsentQuery, map[string]any{"in": map[string]any{
		"clientId": haClientID, "redirectUri": haRedirect, "scope": haScopes,
		"codeChallenge": challenge, "codeChallengeMethod": "S256", "state": q.Query().Get("state")}})
	if got := pick[string](t, data, "oauthConsent.redirectHost"); got != "192.168.1.20:8123" {
		t.Errorf("redirectHost = %q", got)
	}
	if n := len(pick[[]any](t, data, "oauthConsent.scopes")); n != 5 || pick[bool](t, data, "oauthConsent.registeredRedirect") {
		t.Errorf("consent: %s", data)
	}

	to := consent(t, alice, authURL, true)
	if to.Host != "192.168.1.20:8123" || to.Path != "/auth/external/woow/callback" ||
		to.Query().Get("state") != "opaque-jwt-state" || !strings.HasPrefix(to.Query().Get("code"), "wpc_") {
		t.Fatalf("redirected to %s", to)
	}
	// The integration's token request: a form, client_id, no secret.
	form := url.Values{"grant_type": {"authorization_code"}, "code": {to.Query().Get("code")},
		"redirect_uri": {haRedirect}, "client_id": {haClientID}, "code_verifier": {verifier}}
	status, tok, hdr := oauthPost(t, srv.URL+"/oauth2/token", form, "", "")
	if status != http.StatusOK || tok["token_type"] != "Bearer" || tok["expires_in"] != float64(3600) ||
		tok["scope"] != haScopes || tok["refresh_token"] == nil || hdr.Get("Cache-Control") != "no-store" {
		t.Fatalf("token: %d %v (Cache-Control %q)", status, tok, hdr.Get("Cache-Control"))
	}
	access := tok["access_token"].(string)
	// Home Assistant scopes open only the REST shim: GraphQL refuses the
	// token for its scope (it was recognised).
	if _, errs := bearerViewer(t, srv.URL, access, `{ viewer { email } }`); len(errs) != 1 ||
		errs[0].Extensions.Code != "FORBIDDEN" || errs[0].Extensions.Reason != "insufficient_scope" {
		t.Fatalf("viewer with an HA token: %v", errs)
	}
	// The grant shows in Connected apps.
	grants := pick[[]map[string]any](t, alice.mustDo(t, grantsQuery, nil), "viewer.oauthGrants")
	if len(grants) != 1 || grants[0]["clientId"] != haClientID || len(grants[0]["scopes"].([]any)) != 5 {
		t.Fatalf("grants: %v", grants)
	}

	// The code again: refused, and what it issued is revoked.
	status, body, _ := oauthPost(t, srv.URL+"/oauth2/token", form, "", "")
	wantOAuthError(t, "reused code", status, body, http.StatusBadRequest, "invalid_grant")
	if tokenWorks(t, srv.URL, access) {
		t.Fatal("the token of a reused code still works")
	}

	// Refresh as the integration does: client_id and refresh_token.
	tok = haLogin(t, srv.URL, alice)
	status, next, _ := oauthPost(t, srv.URL+"/oauth2/token", url.Values{"grant_type": {"refresh_token"},
		"client_id": {haClientID}, "refresh_token": {tok["refresh_token"].(string)}}, "", "")
	if status != http.StatusOK || next["refresh_token"] == tok["refresh_token"] || next["expires_in"] != float64(3600) {
		t.Fatalf("refresh: %d %v", status, next)
	}
	if tokenWorks(t, srv.URL, tok["access_token"].(string)) || !tokenWorks(t, srv.URL, next["access_token"].(string)) {
		t.Fatal("after rotation the old access token should end and the new one work")
	}

	// Revoking the grant stops its tokens at once.
	alice.mustDo(t, revokeGrantMut, map[string]any{"id": haClientID})
	if tokenWorks(t, srv.URL, next["access_token"].(string)) {
		t.Fatal("a token of a revoked grant still works")
	}
	if n := len(pick[[]any](t, alice.mustDo(t, grantsQuery, nil), "viewer.oauthGrants")); n != 0 {
		t.Fatalf("%d grants after revoking", n)
	}
}

// confidentialClient registers a confidential client with scopes for who.
func confidentialClient(t *testing.T, who *account, redirect string, scopes ...string) (id, secret string) {
	t.Helper()
	data := who.mustDo(t, createClientMut, map[string]any{"in": map[string]any{
		"name": "Dashboard", "redirectUris": []string{redirect}, "scopes": scopes, "public": false}})
	return pick[string](t, data, "createOAuthClient.client.clientId"), pick[string](t, data, "createOAuthClient.clientSecret")
}

func TestOAuthWithGolangClient(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	alice := register(t, srv.URL, "alice@example.com", "Alice")
	ws := pick[string](t, alice.mustDo(t, createWorkspaceMut, map[string]any{"name": "Acme"}), "createWorkspace.workspace.id")
	const redirect = "http://127.0.0.1:9999/callback"
	id, secret := confidentialClient(t, alice, redirect, "read")
	if !strings.HasPrefix(secret, "wps_") {
		t.Fatalf("secret %q", secret)
	}

	cfg := oauth2.Config{ClientID: id, ClientSecret: secret, RedirectURL: redirect, Scopes: []string{"read"},
		Endpoint: oauth2.Endpoint{AuthURL: srv.URL + "/oauth2/authorize", TokenURL: srv.URL + "/oauth2/token",
			AuthStyle: oauth2.AuthStyleInHeader}}
	verifier := oauth2.GenerateVerifier()
	authURL := cfg.AuthCodeURL("st4te", oauth2.S256ChallengeOption(verifier))
	if resp := getNoFollow(t, authURL); resp.StatusCode != http.StatusOK {
		t.Fatalf("GET authorize: %d", resp.StatusCode)
	}
	to := consent(t, alice, authURL, true)
	if to.Query().Get("state") != "st4te" {
		t.Fatalf("redirected to %s", to)
	}
	ctx := context.Background()
	tok, err := cfg.Exchange(ctx, to.Query().Get("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		t.Fatal(err)
	}
	// The token works where a session does, within its scope.
	data, errs := bearerViewer(t, srv.URL, tok.AccessToken, `{ viewer { email } workspaces { totalCount } }`)
	if len(errs) > 0 || pick[string](t, data, "viewer.email") != "alice@example.com" || pick[int](t, data, "workspaces.totalCount") != 1 {
		t.Fatalf("read with a token: %s %v", data, errs)
	}
	_, errs = bearerViewer(t, srv.URL, tok.AccessToken, `mutation { createWorkspace(input: {name: "Nope"}) { workspace { id } } }`)
	if len(errs) != 1 || errs[0].Extensions.Code != "FORBIDDEN" || errs[0].Extensions.Reason != "insufficient_scope" {
		t.Fatalf("a mutation with a read token: %v", errs)
	}
	// Never from a query string.
	resp, err := http.Post(srv.URL+"/query?access_token="+url.QueryEscape(tok.AccessToken), "application/json",
		strings.NewReader(`{"query":"{ viewer { email } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.Contains(string(b), "alice@example.com") {
		t.Fatalf("a token in the query string was accepted: %s", b)
	}

	// Introspection (client authentication required).
	status, in, _ := oauthPost(t, srv.URL+"/oauth2/introspect", url.Values{"token": {tok.AccessToken}}, id, secret)
	if status != http.StatusOK || in["active"] != true || in["scope"] != "read" || in["client_id"] != id || in["username"] != "alice@example.com" {
		t.Fatalf("introspect: %d %v", status, in)
	}
	status, _, _ = oauthPost(t, srv.URL+"/oauth2/introspect", url.Values{"token": {tok.AccessToken}}, "", "")
	if status != http.StatusUnauthorized {
		t.Fatalf("introspect without client authentication: %d", status)
	}
	status, in, _ = oauthPost(t, srv.URL+"/oauth2/introspect", url.Values{"token": {"wpa_nonsense"}}, id, secret)
	if status != http.StatusOK || len(in) != 1 || in["active"] != false {
		t.Fatalf("introspect unknown: %d %v", status, in)
	}

	// A subscription opened with the token ends when it is revoked.
	w := wsAsBearer(t, srv.URL, "token-sub", tok.AccessToken, ws)
	status, body, _ := oauthPost(t, srv.URL+"/oauth2/revoke", url.Values{"token": {tok.AccessToken}}, id, secret)
	if status != http.StatusOK || body != nil {
		t.Fatalf("revoke: %d %v", status, body)
	}
	closedWithin(t, w, 5*time.Second)
	if tokenWorks(t, srv.URL, tok.AccessToken) {
		t.Fatal("a revoked token still works")
	}
	// RFC 7009: an unknown token is 200 as well.
	if status, _, _ := oauthPost(t, srv.URL+"/oauth2/revoke", url.Values{"token": {"wpa_unknown"}}, id, secret); status != http.StatusOK {
		t.Fatalf("revoke unknown: %d", status)
	}

	// Client credentials: a token with no user.
	status, cc, _ := oauthPost(t, srv.URL+"/oauth2/token", url.Values{"grant_type": {"client_credentials"}}, id, secret)
	if status != http.StatusOK || cc["refresh_token"] != nil {
		t.Fatalf("client_credentials: %d %v", status, cc)
	}
	status, in, _ = oauthPost(t, srv.URL+"/oauth2/introspect", url.Values{"token": {cc["access_token"].(string)}}, id, secret)
	if in["active"] != true || in["sub"] != nil {
		t.Fatalf("introspect a client token: %d %v", status, in)
	}
	if data, _ := bearerViewer(t, srv.URL, cc["access_token"].(string), `{ viewer { email } }`); !isNull(t, data, "viewer") {
		t.Fatalf("a client token acted as a user: %s", data)
	}
}

func TestOAuthRefreshRotation(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	alice := register(t, srv.URL, "alice@example.com", "Alice")
	const redirect = "https://app.example.com/cb"
	id, secret := confidentialClient(t, alice, redirect, "read", "write")
	authURL := srv.URL + "/oauth2/authorize?" + url.Values{"response_type": {"code"}, "client_id": {id},
		"redirect_uri": {redirect}, "scope": {"read"}, "state": {"s"}}.Encode()
	to := consent(t, alice, authURL, true)
	status, t1, _ := oauthPost(t, srv.URL+"/oauth2/token", url.Values{"grant_type": {"authorization_code"},
		"code": {to.Query().Get("code")}, "redirect_uri": {redirect}}, id, secret)
	if status != http.StatusOK || t1["scope"] != "read" {
		t.Fatalf("token: %d %v", status, t1)
	}
	refresh := func(rt, scope string) (int, map[string]any) {
		form := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}}
		if scope != "" {
			form.Set("scope", scope)
		}
		status, body, _ := oauthPost(t, srv.URL+"/oauth2/token", form, id, secret)
		return status, body
	}
	// A refresh may not widen the scope (write was allowed to the client,
	// not granted).
	status, body := refresh(t1["refresh_token"].(string), "read write")
	wantOAuthError(t, "widening", status, body, http.StatusBadRequest, "invalid_scope")

	status, t2 := refresh(t1["refresh_token"].(string), "")
	if status != http.StatusOK || t2["refresh_token"] == t1["refresh_token"] || t2["scope"] != "read" {
		t.Fatalf("rotate: %d %v", status, t2)
	}
	status, t3 := refresh(t2["refresh_token"].(string), "read")
	if status != http.StatusOK {
		t.Fatalf("rotate again: %d %v", status, t3)
	}
	// Replaying a spent refresh token revokes the whole family.
	status, body = refresh(t1["refresh_token"].(string), "")
	wantOAuthError(t, "reused refresh token", status, body, http.StatusBadRequest, "invalid_grant")
	if tokenWorks(t, srv.URL, t3["access_token"].(string)) {
		t.Fatal("the family's newest token survived a replay")
	}
	status, body = refresh(t3["refresh_token"].(string), "")
	wantOAuthError(t, "refresh of a revoked family", status, body, http.StatusBadRequest, "invalid_grant")

	// Revoking a refresh token revokes its family too.
	to = consent(t, alice, authURL, true)
	_, t4, _ := oauthPost(t, srv.URL+"/oauth2/token", url.Values{"grant_type": {"authorization_code"},
		"code": {to.Query().Get("code")}, "redirect_uri": {redirect}}, id, secret)
	oauthPost(t, srv.URL+"/oauth2/revoke", url.Values{"token": {t4["refresh_token"].(string)}, "token_type_hint": {"refresh_token"}}, id, secret)
	if tokenWorks(t, srv.URL, t4["access_token"].(string)) {
		t.Fatal("revoking the refresh token left its access token working")
	}
}

func TestOAuthDeviceFlow(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	alice := register(t, srv.URL, "alice@example.com", "Alice")
	start := func() map[string]any {
		status, d, _ := oauthPost(t, srv.URL+"/oauth2/device_authorization",
			url.Values{"client_id": {haClientID}, "scope": {haScopes}}, "", "")
		if status != http.StatusOK {
			t.Fatalf("device_authorization: %d %v", status, d)
		}
		return d
	}
	poll := func(device string) (int, map[string]any) {
		status, body, _ := oauthPost(t, srv.URL+"/oauth2/token", url.Values{"client_id": {haClientID},
			"grant_type": {"urn:ietf:params:oauth:grant-type:device_code"}, "device_code": {device}}, "", "")
		return status, body
	}
	d := start()
	userCode := d["user_code"].(string)
	if !regexp.MustCompile(`^[BCDFGHJKMNPQRSTVWXYZ]{4}-[BCDFGHJKMNPQRSTVWXYZ]{4}$`).MatchString(userCode) ||
		d["verification_uri"] != srv.URL+"/device" || d["verification_uri_complete"] != srv.URL+"/device?user_code="+userCode ||
		d["expires_in"] != float64(600) || d["interval"] != float64(5) {
		t.Fatalf("device authorization: %v", d)
	}
	device := d["device_code"].(string)
	status, body := poll(device)
	wantOAuthError(t, "first poll", status, body, http.StatusBadRequest, "authorization_pending")
	status, body = poll(device)
	wantOAuthError(t, "fast poll", status, body, http.StatusBadRequest, "slow_down")

	// The user enters the code as people type it.
	typed := strings.ToLower(strings.ReplaceAll(userCode, "-", ""))
	data := alice.mustDo(t, deviceRequestQuery, map[string]any{"code": typed})
	if pick[string](t, data, "oauthDeviceRequest.clientName") == "" || len(pick[[]any](t, data, "oauthDeviceRequest.scopes")) != 5 {
		t.Fatalf("device request: %s", data)
	}
	alice.mustDo(t, approveDeviceMut, map[string]any{"code": userCode, "ok": true})
	status, tok := poll(device)
	if status != http.StatusOK || tok["refresh_token"] == nil || tok["expires_in"] != float64(3600) || tok["scope"] != haScopes {
		t.Fatalf("token after approval: %d %v", status, tok)
	}
	if !tokenWorks(t, srv.URL, tok["access_token"].(string)) {
		t.Fatal("the device token does not authenticate")
	}
	status, body = poll(device)
	wantOAuthError(t, "poll after use", status, body, http.StatusBadRequest, "invalid_grant")
	alice.expectErr(t, "NOT_FOUND", "", approveDeviceMut, map[string]any{"code": userCode, "ok": true})

	// Denied.
	d = start()
	alice.mustDo(t, approveDeviceMut, map[string]any{"code": d["user_code"], "ok": false})
	status, body = poll(d["device_code"].(string))
	wantOAuthError(t, "denied", status, body, http.StatusBadRequest, "access_denied")

	// Guessing user codes is rate limited per account.
	bob := register(t, srv.URL, "bob@example.com", "Bob")
	for i := 0; i < 10; i++ {
		bob.expectErr(t, "NOT_FOUND", "", deviceRequestQuery, map[string]any{"code": "BCDF-GHJK"})
	}
	bob.expectErr(t, "TOO_MANY_REQUESTS", "", deviceRequestQuery, map[string]any{"code": start()["user_code"]})
}

func TestOAuthMetadata(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	status, b := newClient(t, srv.URL, "anon").get(t, "/.well-known/oauth-authorization-server")
	var md map[string]any
	if err := json.Unmarshal(b, &md); status != http.StatusOK || err != nil {
		t.Fatalf("metadata: %d %s", status, b)
	}
	for k, want := range map[string]string{
		"issuer": srv.URL, "authorization_endpoint": srv.URL + "/oauth2/authorize",
		"token_endpoint": srv.URL + "/oauth2/token", "device_authorization_endpoint": srv.URL + "/oauth2/device_authorization",
		"revocation_endpoint": srv.URL + "/oauth2/revoke", "introspection_endpoint": srv.URL + "/oauth2/introspect",
	} {
		if md[k] != want {
			t.Errorf("%s = %v, want %s", k, md[k], want)
		}
	}
	list := func(k string) []string {
		var out []string
		for _, v := range md[k].([]any) {
			out = append(out, v.(string))
		}
		return out
	}
	if got := list("code_challenge_methods_supported"); !slices.Equal(got, []string{"S256"}) {
		t.Errorf("code_challenge_methods_supported = %v", got)
	}
	for _, g := range []string{"authorization_code", "refresh_token", "client_credentials", "urn:ietf:params:oauth:grant-type:device_code"} {
		if !slices.Contains(list("grant_types_supported"), g) {
			t.Errorf("grant_types_supported lacks %s", g)
		}
	}
	for _, sc := range append(strings.Fields(haScopes), "read", "write") {
		if !slices.Contains(list("scopes_supported"), sc) {
			t.Errorf("scopes_supported lacks %s", sc)
		}
	}
}

// TestOAuthRefusals is the negative matrix: each request is refused the
// way RFC 6749 and RFC 9700 ask.
func TestOAuthRefusals(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	alice := register(t, srv.URL, "alice@example.com", "Alice")
	const redirect = "https://app.example.com/cb"
	id, secret := confidentialClient(t, alice, redirect, "read")
	verifier, challenge := pkce(t)

	// The authorization endpoint: never a redirect for a bad client or
	// redirect URI; a 400 page instead.
	for name, u := range map[string]string{
		"unknown client":        srv.URL + "/oauth2/authorize?response_type=code&client_id=nope&redirect_uri=" + url.QueryEscape(redirect),
		"redirect off by one":   srv.URL + "/oauth2/authorize?response_type=code&client_id=" + id + "&redirect_uri=" + url.QueryEscape(redirect+"x"),
		"redirect one short":    srv.URL + "/oauth2/authorize?response_type=code&client_id=" + id + "&redirect_uri=" + url.QueryEscape(redirect[:len(redirect)-1]),
		"suffix host":           srv.URL + "/oauth2/authorize?response_type=code&client_id=" + id + "&redirect_uri=" + url.QueryEscape("https://evilapp.example.com/cb"),
		"suffix host (library)": srv.URL + "/oauth2/authorize?response_type=code&client_id=" + id + "&redirect_uri=" + url.QueryEscape("https://app.example.com.evil.test/cb"),
		"HA path extended":      haAuthorizeURL(srv.URL, haRedirect+"/x", "s", challenge),
		"HA with a query":       haAuthorizeURL(srv.URL, haRedirect+"?next=https://evil.test", "s", challenge),
		"HA with user info":     haAuthorizeURL(srv.URL, "http://evil.test@192.168.1.20:8123/auth/external/woow/callback", "s", challenge),
		"HA javascript":         haAuthorizeURL(srv.URL, "javascript://x/auth/external/woow/callback", "s", challenge),
		// The Home Assistant client's redirect URI is not registered (any
		// host matches its pattern): its other errors are shown, never
		// redirected to unprompted, or this would be an open redirect.
		"plain for a public client": strings.Replace(haAuthorizeURL(srv.URL, haRedirect, "s1", challenge), "S256", "plain", 1),
		"no challenge, public":      srv.URL + "/oauth2/authorize?response_type=code&client_id=" + haClientID + "&state=s1&redirect_uri=" + url.QueryEscape(haRedirect),
		"HA, open redirect":         strings.Replace(haAuthorizeURL(srv.URL, "https://evil.example/auth/external/woow/callback", "s1", challenge), "response_type=code", "response_type=x", 1),
	} {
		resp := getNoFollow(t, u)
		if resp.StatusCode != http.StatusBadRequest || resp.Header.Get("Location") != "" {
			t.Errorf("%s: %d Location %q, want a 400 page", name, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	// Other errors go back to the client with error and state.
	for name, c := range map[string]struct{ u, code string }{
		"plain":               {srv.URL + "/oauth2/authorize?response_type=code&code_challenge_method=plain&code_challenge=" + challenge + "&state=s1&client_id=" + id + "&redirect_uri=" + url.QueryEscape(redirect), "invalid_request"},
		"scope not allowed":   {srv.URL + "/oauth2/authorize?response_type=code&scope=write&state=s1&client_id=" + id + "&redirect_uri=" + url.QueryEscape(redirect), "invalid_scope"},
		"response_type token": {srv.URL + "/oauth2/authorize?response_type=token&state=s1&client_id=" + id + "&redirect_uri=" + url.QueryEscape(redirect), "unsupported_response_type"},
	} {
		resp := getNoFollow(t, c.u)
		loc, _ := url.Parse(resp.Header.Get("Location"))
		if resp.StatusCode != http.StatusFound || loc == nil || loc.Query().Get("error") != c.code || loc.Query().Get("state") != "s1" {
			t.Errorf("%s: %d Location %q, want a redirect with error=%s", name, resp.StatusCode, resp.Header.Get("Location"), c.code)
		}
	}
	// The consent page's GraphQL refuses the same requests.
	alice.expectErr(t, "BAD_USER_INPUT", "codeChallengeMethod", oauthConsentQuery, map[string]any{"in": map[string]any{
		"clientId": haClientID, "redirectUri": haRedirect, "codeChallenge": challenge, "codeChallengeMethod": "plain"}})
	alice.expectErr(t, "BAD_USER_INPUT", "redirectUri", authorizeMut, map[string]any{"in": map[string]any{
		"clientId": id, "redirectUri": redirect + "/", "approve": true}})

	// Denied consent.
	to := consent(t, alice, haAuthorizeURL(srv.URL, haRedirect, "s2", challenge), false)
	if to.Query().Get("error") != "access_denied" || to.Query().Get("state") != "s2" || to.Query().Get("code") != "" {
		t.Fatalf("denied: %s", to)
	}

	// The token endpoint.
	code := func() string {
		return consent(t, alice, haAuthorizeURL(srv.URL, haRedirect, "s", challenge), true).Query().Get("code")
	}
	exchange := func(form url.Values) (int, map[string]any) {
		status, body, _ := oauthPost(t, srv.URL+"/oauth2/token", form, "", "")
		return status, body
	}
	status, body := exchange(url.Values{"grant_type": {"authorization_code"}, "code": {code()},
		"redirect_uri": {haRedirect}, "client_id": {haClientID}, "code_verifier": {verifier[:len(verifier)-1] + "A"}})
	wantOAuthError(t, "wrong verifier", status, body, http.StatusBadRequest, "invalid_grant")
	status, body = exchange(url.Values{"grant_type": {"authorization_code"}, "code": {code()},
		"redirect_uri": {haRedirect}, "client_id": {haClientID}})
	wantOAuthError(t, "no verifier", status, body, http.StatusBadRequest, "invalid_grant")
	status, body = exchange(url.Values{"grant_type": {"authorization_code"}, "code": {code()},
		"redirect_uri": {"http://192.168.1.21:8123/auth/external/woow/callback"}, "client_id": {haClientID}, "code_verifier": {verifier}})
	wantOAuthError(t, "another redirect URI", status, body, http.StatusBadRequest, "invalid_grant")
	status, body = exchange(url.Values{"grant_type": {"client_credentials"}, "client_id": {haClientID}})
	wantOAuthError(t, "client_credentials, public", status, body, http.StatusBadRequest, "unauthorized_client")
	status, body = exchange(url.Values{"grant_type": {"client_credentials"}, "client_id": {id}, "client_secret": {"wps_wrong"}})
	wantOAuthError(t, "wrong secret", status, body, http.StatusUnauthorized, "invalid_client")
	status, body = exchange(url.Values{"grant_type": {"password"}, "client_id": {id}, "client_secret": {secret},
		"username": {"alice@example.com"}, "password": {testPassword}})
	wantOAuthError(t, "password grant", status, body, http.StatusBadRequest, "unsupported_grant_type")
	status, body, _ = oauthPost(t, srv.URL+"/oauth2/token?client_secret="+secret, url.Values{"grant_type": {"client_credentials"}, "client_id": {id}}, "", "")
	wantOAuthError(t, "a secret in the URL", status, body, http.StatusBadRequest, "invalid_request")
	status, body = exchange(url.Values{"grant_type": {"authorization_code"}, "code": {"wpc_madeup"},
		"redirect_uri": {haRedirect}, "client_id": {haClientID}, "code_verifier": {verifier}})
	wantOAuthError(t, "unknown code", status, body, http.StatusBadRequest, "invalid_grant")

	// A code is for the client it was issued to.
	c := code()
	status, body, _ = oauthPost(t, srv.URL+"/oauth2/token", url.Values{"grant_type": {"authorization_code"}, "code": {c},
		"redirect_uri": {haRedirect}, "code_verifier": {verifier}}, id, secret)
	wantOAuthError(t, "another client's code", status, body, http.StatusBadRequest, "invalid_grant")

	// An OAuth token cannot consent or manage clients.
	tok := haLogin(t, srv.URL, alice)
	_, errs := bearerViewer(t, srv.URL, tok["access_token"].(string), `mutation { revokeOAuthGrant(input: {clientId: "woow-ha-smart-home"}) { clientId } }`)
	if len(errs) != 1 || errs[0].Extensions.Code != "FORBIDDEN" {
		t.Fatalf("a mutation with an HA token: %v", errs)
	}
}

// TestOAuthTokensEndWithTheAccount: disabling an account ends its tokens
// at once, open subscriptions included.
func TestOAuthTokensEndWithTheAccount(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	admin := register(t, srv.URL, "admin@example.com", "Admin") // the first account: platform admin
	bob := register(t, srv.URL, "bob@example.com", "Bob")
	ws := pick[string](t, bob.mustDo(t, createWorkspaceMut, map[string]any{"name": "Bobs"}), "createWorkspace.workspace.id")
	const redirect = "http://localhost:7777/cb"
	id, secret := confidentialClient(t, bob, redirect, "read")
	to := consent(t, bob, srv.URL+"/oauth2/authorize?"+url.Values{"response_type": {"code"}, "client_id": {id},
		"redirect_uri": {redirect}, "state": {"x"}}.Encode(), true)
	_, tok, _ := oauthPost(t, srv.URL+"/oauth2/token", url.Values{"grant_type": {"authorization_code"},
		"code": {to.Query().Get("code")}, "redirect_uri": {redirect}}, id, secret)
	access := tok["access_token"].(string)
	w := wsAsBearer(t, srv.URL, "bob-token", access, ws)
	admin.mustDo(t, `mutation($id: ID!) { setUserDisabled(input: {userId: $id, disabled: true}) { disabled } }`, map[string]any{"id": bob.id})
	closedWithin(t, w, 5*time.Second)
	if tokenWorks(t, srv.URL, access) {
		t.Fatal("a disabled account's token still works")
	}
}

// TestOAuthClientManagement: users see their own clients (platform admins
// all), a rotated secret replaces the old one at once, and deleting a
// client ends its tokens.
func TestOAuthClientManagement(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	admin := register(t, srv.URL, "admin@example.com", "Admin")
	bob := register(t, srv.URL, "bob@example.com", "Bob")
	const list = `{ oauthClients { totalCount edges { node { id clientId } } } }`
	id, secret := confidentialClient(t, bob, "https://bob.example/cb", "read")
	if n := pick[int](t, bob.mustDo(t, list, nil), "oauthClients.totalCount"); n != 1 {
		t.Fatalf("bob sees %d clients", n)
	}
	if n := pick[int](t, admin.mustDo(t, list, nil), "oauthClients.totalCount"); n != 2 { // the seeded one and bob's
		t.Fatalf("the admin sees %d clients", n)
	}
	nodeID := pick[string](t, bob.mustDo(t, list, nil), "oauthClients.edges.0.node.id")
	const rotate = `mutation($id: ID!) { rotateOAuthClientSecret(input: {id: $id}) { clientSecret } }`
	const del = `mutation($id: ID!) { deleteOAuthClient(input: {id: $id}) { deletedId } }`
	admin.expectErr(t, "NOT_FOUND", "", rotate, map[string]any{"id": nodeID})

	status, cc, _ := oauthPost(t, srv.URL+"/oauth2/token", url.Values{"grant_type": {"client_credentials"}}, id, secret)
	if status != http.StatusOK {
		t.Fatalf("client_credentials: %d %v", status, cc)
	}
	newSecret := pick[string](t, bob.mustDo(t, rotate, map[string]any{"id": nodeID}), "rotateOAuthClientSecret.clientSecret")
	status, body, _ := oauthPost(t, srv.URL+"/oauth2/token", url.Values{"grant_type": {"client_credentials"}}, id, secret)
	wantOAuthError(t, "the old secret", status, body, http.StatusUnauthorized, "invalid_client")
	if status, _, _ := oauthPost(t, srv.URL+"/oauth2/introspect", url.Values{"token": {cc["access_token"].(string)}}, id, newSecret); status != http.StatusOK {
		t.Fatalf("introspect with the new secret: %d", status)
	}
	to := consent(t, bob, srv.URL+"/oauth2/authorize?"+url.Values{"response_type": {"code"}, "client_id": {id},
		"redirect_uri": {"https://bob.example/cb"}}.Encode(), true)
	_, tok, _ := oauthPost(t, srv.URL+"/oauth2/token", url.Values{"grant_type": {"authorization_code"},
		"code": {to.Query().Get("code")}, "redirect_uri": {"https://bob.example/cb"}}, id, newSecret)
	if !tokenWorks(t, srv.URL, tok["access_token"].(string)) {
		t.Fatalf("bob's token does not work: %v", tok)
	}
	bob.mustDo(t, del, map[string]any{"id": nodeID})
	if tokenWorks(t, srv.URL, tok["access_token"].(string)) {
		t.Fatal("a deleted client's token still works")
	}
	status, body, _ = oauthPost(t, srv.URL+"/oauth2/introspect", url.Values{"token": {cc["access_token"].(string)}}, id, newSecret)
	wantOAuthError(t, "a deleted client", status, body, http.StatusUnauthorized, "invalid_client")

	// Registration refuses what a redirect URI must not be.
	for _, uri := range []string{"http://example.com/cb", "https://x.example/cb#frag", "javascript:alert(1)", "/relative"} {
		bob.expectErr(t, "BAD_USER_INPUT", "redirectUris.0", createClientMut, map[string]any{"in": map[string]any{
			"name": "Bad", "redirectUris": []string{uri}, "scopes": []string{"read"}, "public": true}})
	}
	bob.expectErr(t, "BAD_USER_INPUT", "scopes", createClientMut, map[string]any{"in": map[string]any{
		"name": "Bad", "redirectUris": []string{"https://x.example/cb"}, "scopes": []string{"admin"}, "public": true}})
	many := make([]string, 5000) // deduplicating them would be quadratic
	for i := range many {
		many[i] = "read"
	}
	bob.expectErr(t, "BAD_USER_INPUT", "scopes", createClientMut, map[string]any{"in": map[string]any{
		"name": "Bad", "redirectUris": []string{"https://x.example/cb"}, "scopes": many, "public": true}})

	// The consent page shows the client's name: nothing may disguise it
	// (U+202E would turn "RTL" into "LTR"), ordinary Unicode is kept.
	for _, name := range []string{"\u202eRTL", "Bad\x1b[31m", "Two\nlines", "a\u2067b", " "} {
		bob.expectErr(t, "BAD_USER_INPUT", "name", createClientMut, map[string]any{"in": map[string]any{
			"name": name, "redirectUris": []string{"https://x.example/cb"}, "scopes": []string{"read"}, "public": false}})
	}
	data := bob.mustDo(t, createClientMut, map[string]any{"in": map[string]any{
		"name": " Ünïcode 中文 ", "redirectUris": []string{"https://x.example/cb"}, "scopes": []string{"read"}, "public": false}})
	data = bob.mustDo(t, oauthConsentQuery, map[string]any{"in": map[string]any{
		"clientId": pick[string](t, data, "createOAuthClient.client.clientId"), "redirectUri": "https://x.example/cb", "scope": "read"}})
	if got := pick[string](t, data, "oauthConsent.clientName"); got != "Ünïcode 中文" {
		t.Errorf("the consent page names the client %q, want %q", got, "Ünïcode 中文")
	}
}
