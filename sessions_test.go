package main

// Sessions end everywhere: logout however the token was presented, a
// password change or reset, a disabled account; and every stream opened
// with an ended session closes within a second, on every replica.

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/mail/mailtest"
)

// bearerTransport adds an Authorization header to every request: a client
// that is not a browser.
type bearerTransport struct{ token string }

func (b bearerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+b.token)
	return http.DefaultTransport.RoundTrip(r)
}

// bearerClient is a client that authenticates with token in a header.
func bearerClient(t *testing.T, base, name, token string) *client {
	t.Helper()
	c := newClient(t, base, name)
	c.http.Transport = bearerTransport{token}
	c.http.Jar = nil
	return c
}

// login signs email in on a new client (a second browser).
func login(t *testing.T, base, email, password string) *client {
	t.Helper()
	c := newClient(t, base, "login "+email)
	c.mustDo(t, loginMutation, map[string]any{"input": map[string]any{"email": email, "password": password}})
	if c.sessionCookie(t) == "" {
		t.Fatalf("login %s set no session cookie", email)
	}
	return c
}

const (
	logoutMutation         = `mutation { logout { ok } }`
	changePasswordMutation = `mutation($c: String!, $n: String!) { changePassword(input: {currentPassword: $c, newPassword: $n}) { ok } }`
)

func signedOut(t *testing.T, c *client) {
	t.Helper()
	data := c.mustDo(t, viewerQuery, nil)
	if !isNull(t, data, "viewer") {
		t.Errorf("%s: still signed in: %s", c.name, data)
	}
}

// TestLogoutWithBearerEndsTheSession: logout ends the session that made
// the request, also when its token came in an Authorization header.
func TestLogoutWithBearerEndsTheSession(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	alice := register(t, srv.URL, "alice@x.io", "Alice")
	token := alice.sessionCookie(t)
	api := bearerClient(t, srv.URL, "alice's script", token)
	if got := pick[string](t, api.mustDo(t, viewerQuery, nil), "viewer.email"); got != "alice@x.io" {
		t.Fatalf("bearer viewer %q", got)
	}
	other := login(t, srv.URL, "alice@x.io", testPassword)

	if !pick[bool](t, api.mustDo(t, logoutMutation, nil), "logout.ok") {
		t.Fatal("logout not ok")
	}
	signedOut(t, api)
	signedOut(t, alice.client) // the same session, by cookie
	// Only that session.
	if got := pick[string](t, other.mustDo(t, viewerQuery, nil), "viewer.email"); got != "alice@x.io" {
		t.Errorf("another session of the account ended too: viewer %q", got)
	}
}

// wsAsBearer opens a graphql-transport-ws connection authenticated with
// token in connection_init (no cookie) and subscribes to ws's activity.
func wsAsBearer(t *testing.T, base, name, token, ws string) *wsClient {
	t.Helper()
	w := mustDialWS(t, base, name, wsDial{}, map[string]any{"authorization": "Bearer " + token})
	w.subscribeActivity(t, "1", ws)
	return w
}

// closedWithin asserts that w is closed by the server with 4401 within d.
func closedWithin(t *testing.T, w *wsClient, d time.Duration) {
	t.Helper()
	ce := w.expectClosed(t, d)
	if ce == nil || ce.Code != 4401 {
		t.Fatalf("%s: closed with %v, want 4401", w.name, ce)
	}
}

// TestEndedSessionsCloseTheirStreams: when a session ends (logout by
// cookie or bearer, a password change, a password reset, an admin
// disabling the account), the WebSocket and SSE streams it opened close
// within a second, and the others go on.
func TestEndedSessionsCloseTheirStreams(t *testing.T) {
	smtp := mailtest.Start(t)
	env := newTestEnv(t)
	env["WOOW_SMTP_URL"] = smtp.URL()
	env["WOOW_MAIL_FROM"] = "Woow <noreply@woow.test>"
	env["WOOW_PUBLIC_URL"] = "https://paas.woow.test"
	srv := startServer(t, env)
	root := register(t, srv.URL, "root@x.io", "Root")
	alice := register(t, srv.URL, "alice@x.io", "Alice")
	ws := pick[string](t, alice.mustDo(t, createWorkspaceMut, map[string]any{"name": "Acme"}), "createWorkspace.workspace.id")
	second := login(t, srv.URL, "alice@x.io", testPassword)

	// Streams of the first session (cookie at the upgrade) and of the
	// second (bearer in connection_init, and SSE with a bearer header).
	first := mustDialWS(t, srv.URL, "first session", wsDial{token: alice.sessionCookie(t), origin: srv.URL}, nil)
	first.subscribeActivity(t, "1", ws)
	first.waitLive(t, "1", describer(t, alice.client, ws, "warm-up"))
	first.drain(t, "1")
	secondWS := wsAsBearer(t, srv.URL, "second session", second.sessionCookie(t), ws)
	secondWS.waitLive(t, "1", describer(t, alice.client, ws, "warm-up 2"))
	sse := openSSE(t, bearerClient(t, srv.URL, "second session SSE", second.sessionCookie(t)), activitySubscription, map[string]any{"ws": ws}, nil)
	first.drain(t, "1")

	// A password change ends the other session: its streams close.
	alice.mustDo(t, changePasswordMutation, map[string]any{"c": testPassword, "n": "another long password"})
	closedWithin(t, secondWS, time.Second)
	sseEnded := time.After(time.Second)
	for ended := false; !ended; {
		select {
		case _, ok := <-sse.events:
			ended = !ok
		case <-sseEnded:
			t.Fatal("the SSE stream of the ended session is still open after a second")
		}
	}
	signedOut(t, second)
	// The session that changed it goes on.
	alice.mustDo(t, updateWorkspaceMut, map[string]any{"id": ws, "name": "Acme Two"})
	if e := first.nextEntry(t, "1", 5*time.Second); e.Verb != "workspace.updated" {
		t.Errorf("first session's stream: %+v", e)
	}

	// Logging out (by cookie) closes the first session's stream.
	alice.mustDo(t, logoutMutation, nil)
	closedWithin(t, first, time.Second)

	// Logging out with a bearer token closes the streams of that session.
	third := login(t, srv.URL, "alice@x.io", "another long password")
	thirdWS := wsAsBearer(t, srv.URL, "third session", third.sessionCookie(t), ws)
	bearerClient(t, srv.URL, "third by bearer", third.sessionCookie(t)).mustDo(t, logoutMutation, nil)
	closedWithin(t, thirdWS, time.Second)

	// A platform admin disables the account: every session ends.
	fourth := login(t, srv.URL, "alice@x.io", "another long password")
	fourthWS := wsAsBearer(t, srv.URL, "fourth session", fourth.sessionCookie(t), ws)
	root.mustDo(t, `mutation($id: ID!) { setUserDisabled(input: {userId: $id, disabled: true}) { disabled } }`, map[string]any{"id": alice.id})
	closedWithin(t, fourthWS, time.Second)
	signedOut(t, fourth)
	root.mustDo(t, `mutation($id: ID!) { setUserDisabled(input: {userId: $id, disabled: false}) { disabled } }`, map[string]any{"id": alice.id})

	// A password reset ends every session too.
	fifth := login(t, srv.URL, "alice@x.io", "another long password")
	fifthWS := wsAsBearer(t, srv.URL, "fifth session", fifth.sessionCookie(t), ws)
	anon := newClient(t, srv.URL, "forgetful")
	anon.mustDo(t, `mutation { requestPasswordReset(input: {email: "alice@x.io"}) { ok } }`, nil)
	m := smtp.NextAbout(t, "alice@x.io", "Reset", 10*time.Second)
	if m.Link() == "" {
		t.Fatalf("reset e-mail without a link: %q", m.Body)
	}
	anon.mustDo(t, `mutation($t: String!) { resetPassword(input: {token: $t, newPassword: "a third long password"}) { ok } }`, map[string]any{"t": m.Token()})
	closedWithin(t, fifthWS, time.Second)
	signedOut(t, fifth)
	login(t, srv.URL, "alice@x.io", "a third long password")
}

// TestInvitationsByEmail: with mail set up, accounts verify their address
// through the e-mailed link; an invitation to a verified address shows in
// the app and is accepted there, and the invitation e-mail carries the
// link for everyone else.
func TestInvitationsByEmail(t *testing.T) {
	smtp := mailtest.Start(t)
	env := newTestEnv(t)
	env["WOOW_SMTP_URL"] = smtp.URL()
	env["WOOW_MAIL_FROM"] = "Woow <noreply@woow.test>"
	env["WOOW_PUBLIC_URL"] = "https://paas.woow.test"
	srv := startServer(t, env)
	mailTo := func(to string) mailtest.Message {
		t.Helper()
		m := smtp.Next(t, 10*time.Second)
		if len(m.To) != 1 || m.To[0] != to {
			t.Fatalf("e-mail to %v, want %s (%q)", m.To, to, m.Header.Get("Subject"))
		}
		return m
	}
	alice := register(t, srv.URL, "alice@x.io", "Alice")
	mailTo("alice@x.io")
	bob := register(t, srv.URL, "bob@x.io", "Bob")
	verify := mailTo("bob@x.io")
	if !strings.HasPrefix(verify.Link(), "https://paas.woow.test/verify-email#token=") {
		t.Fatalf("verification link %q", verify.Link())
	}
	carol := register(t, srv.URL, "carol@x.io", "Carol")
	mailTo("carol@x.io") // Carol never follows hers
	newClient(t, srv.URL, "bob's mail client").mustDo(t, `mutation($t: String!) { verifyEmail(input: {token: $t}) { ok } }`, map[string]any{"t": verify.Token()})
	if isNull(t, bob.mustDo(t, `{ viewer { emailVerifiedAt } }`, nil), "viewer.emailVerifiedAt") {
		t.Fatal("Bob's address is not verified")
	}
	ws := pick[string](t, alice.mustDo(t, createWorkspaceMut, map[string]any{"name": "Acme"}), "createWorkspace.workspace.id")

	// Bob (verified) sees his invitation in the app and accepts it there.
	alice.mustDo(t, inviteMemberMutation, map[string]any{"ws": ws, "email": "bob@x.io", "role": "admin"})
	if m := mailTo("bob@x.io"); !strings.Contains(m.Header.Get("Subject"), "Acme") || m.Token() == "" {
		t.Errorf("invitation e-mail %q with %q", m.Header.Get("Subject"), m.Link())
	}
	pending := bob.mustDo(t, pendingInvitationsQuery, nil)
	if got := pick[string](t, pending, "viewer.pendingInvitations.0.workspace.name"); got != "Acme" {
		t.Fatalf("Bob's pending invitations: %s", pending)
	}
	data := bob.mustDo(t, acceptInvitationMut, map[string]any{"input": map[string]any{"id": pick[string](t, pending, "viewer.pendingInvitations.0.id")}})
	if got := pick[string](t, data, "acceptInvitation.member.role"); got != "admin" {
		t.Errorf("Bob joined as %q", got)
	}

	// Carol (unverified) does not see hers; the e-mailed link works.
	alice.mustDo(t, inviteMemberMutation, map[string]any{"ws": ws, "email": "carol@x.io", "role": "user"})
	m := mailTo("carol@x.io")
	if n := len(pick[[]json.RawMessage](t, carol.mustDo(t, pendingInvitationsQuery, nil), "viewer.pendingInvitations")); n != 0 {
		t.Errorf("an unverified account sees %d pending invitations", n)
	}
	carol.mustDo(t, acceptInvitationMut, map[string]any{"input": map[string]any{"token": m.Token()}})

	// Admins see what waits; the others do not.
	alice.mustDo(t, inviteMemberMutation, map[string]any{"ws": ws, "email": "dave@x.io", "role": "guest"})
	mailTo("dave@x.io")
	q := `query($id: ID!) { node(id: $id) { ... on Workspace { pendingInvitations { email status } } } }`
	if got := pick[string](t, bob.mustDo(t, q, map[string]any{"id": ws}), "node.pendingInvitations.0.email"); got != "dave@x.io" {
		t.Errorf("the admin's pending invitations: %q", got)
	}
	if n := len(pick[[]json.RawMessage](t, carol.mustDo(t, q, map[string]any{"id": ws}), "node.pendingInvitations")); n != 0 {
		t.Errorf("a user sees %d pending invitations", n)
	}
}

// TestSessionCookiesAtTheEdge: the cookies of a registration, a login and
// a logout, as the browser receives them from the real server (httpauth
// writes what the resolvers decided); also for clients that accept
// text/event-stream (urql does by default), and none for a failed login.
func TestSessionCookiesAtTheEdge(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	post := func(t *testing.T, query string, vars map[string]any, header map[string]string) (*http.Response, []gqlErr) {
		t.Helper()
		body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
		if err != nil {
			t.Fatal(err)
		}
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/query", strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var r struct {
			Errors []gqlErr `json:"errors"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
			t.Fatalf("%s: %v", resp.Status, err)
		}
		return resp, r.Errors
	}
	cookie := func(t *testing.T, resp *http.Response, name string) *http.Cookie {
		t.Helper()
		var found *http.Cookie
		for _, c := range resp.Cookies() {
			if c.Name == name {
				if found != nil {
					t.Errorf("two %s cookies in one response", name)
				}
				found = c
			}
		}
		return found
	}
	wantSession := func(t *testing.T, resp *http.Response) string {
		t.Helper()
		c := cookie(t, resp, "woow_session")
		if c == nil || c.Value == "" || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/" || !c.Expires.After(time.Now()) {
			t.Fatalf("session cookie %+v; Set-Cookie %q", c, resp.Header.Values("Set-Cookie"))
		}
		if d := cookie(t, resp, "woow_device"); d == nil || d.Value == "" || !d.HttpOnly {
			t.Errorf("device cookie %+v", d)
		}
		return c.Value
	}
	sseToo := map[string]string{"Accept": "application/graphql-response+json, application/json, text/event-stream"}

	resp, _ := post(t, registerMutation, map[string]any{"input": map[string]any{"email": "ann@x.io", "password": testPassword, "name": "Ann"}}, nil)
	registered := wantSession(t, resp)

	resp, _ = post(t, loginMutation, map[string]any{"input": map[string]any{"email": "ann@x.io", "password": testPassword}}, sseToo)
	token := wantSession(t, resp)
	if token == registered {
		t.Error("the login reused the registration's session")
	}

	resp, failed := post(t, loginMutation, map[string]any{"input": map[string]any{"email": "ann@x.io", "password": "wrong password"}}, nil)
	requireErr(t, failed, "UNAUTHENTICATED", "")
	if c := resp.Header.Values("Set-Cookie"); len(c) != 0 {
		t.Errorf("a failed login set %q", c)
	}

	withCookie := map[string]string{"Cookie": "woow_session=" + token}
	resp, _ = post(t, logoutMutation, nil, withCookie)
	c := cookie(t, resp, "woow_session")
	if c == nil || c.Value != "" || c.MaxAge >= 0 || c.Path != "/" {
		t.Fatalf("logout cookie %+v; Set-Cookie %q", c, resp.Header.Values("Set-Cookie"))
	}
	if d := cookie(t, resp, "woow_device"); d != nil {
		t.Errorf("logout touched the device cookie: %+v", d)
	}
	// The session is gone, not only its cookie.
	cl := newClient(t, srv.URL, "ann's old cookie")
	cl.setSessionCookie(t, token)
	signedOut(t, cl)
}
