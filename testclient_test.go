package main

// A small GraphQL test client for the end-to-end tests: it runs the real
// server (run) on 127.0.0.1:0 and talks to it over HTTP, one cookie jar per
// person.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/store/storetest"
)

// testEnv is the environment of a test server. The same env started twice
// is the same installation (data dir and, on PostgreSQL, database).
type testEnv map[string]string

// newTestEnv returns the environment of a fresh installation on the
// database storetest selects.
func newTestEnv(t *testing.T) testEnv {
	t.Helper()
	return testEnv{
		"WOOW_ADDR":     "127.0.0.1:0",
		"WOOW_DATA_DIR": t.TempDir(),
		"DATABASE_URL":  storetest.DatabaseURL(t),
	}
}

func (e testEnv) getenv(k string) string { return e[k] }

// syncBuffer collects the server's log; run writes it from many goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// testServer is one running server.
type testServer struct {
	URL  string // http://127.0.0.1:port
	Log  *syncBuffer
	stop func()
}

// Stop shuts the server down and fails the test unless run returns nil
// (a graceful shutdown) within 20 seconds. Stopping twice is a no-op.
func (s *testServer) Stop(t *testing.T) { t.Helper(); s.stop() }

// startServer runs the whole program with env in a goroutine and waits
// until it listens. The server stops at the end of the test at the latest.
func startServer(t *testing.T, env testEnv) *testServer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncBuffer{}
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve"}, env.getenv, logs, func(addr string) { addrc <- addr })
	}()
	var addr string
	select {
	case addr = <-addrc:
	case err := <-done:
		cancel()
		t.Fatalf("server did not start: run returned %v\nlog:\n%s", err, logs)
	case <-time.After(60 * time.Second):
		cancel()
		t.Fatalf("server did not become ready within 60s\nlog:\n%s", logs)
	}
	s := &testServer{URL: "http://" + addr, Log: logs}
	var once sync.Once
	s.stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("run returned %v after cancellation, want nil (graceful shutdown)", err)
				}
			case <-time.After(20 * time.Second):
				t.Errorf("run did not return within 20s of cancellation")
			}
		})
	}
	t.Cleanup(func() {
		s.stop()
		if t.Failed() {
			t.Logf("server log (%s):\n%s", s.URL, tail(logs.String(), 16<<10))
		}
	})
	return s
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "...\n" + s[len(s)-n:]
}

// gqlErr is one entry of a GraphQL response's errors.
type gqlErr struct {
	Message    string `json:"message"`
	Path       []any  `json:"path"`
	Extensions struct {
		Code   string `json:"code"`
		Field  string `json:"field"`
		Reason string `json:"reason"`
	} `json:"extensions"`
}

func (e gqlErr) String() string {
	s := e.Extensions.Code
	if e.Extensions.Field != "" {
		s += "(" + e.Extensions.Field + ")"
	}
	return s + ": " + e.Message
}

// client is one person's browser: a cookie jar and a base URL.
type client struct {
	name string
	base string
	http *http.Client
}

func newClient(t *testing.T, base, name string) *client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &client{name: name, base: base, http: &http.Client{Jar: jar, Timeout: 30 * time.Second}}
}

// sessionCookie is the value of the client's woow_session cookie, or "".
func (c *client) sessionCookie(t *testing.T) string {
	t.Helper()
	u, err := url.Parse(c.base)
	if err != nil {
		t.Fatal(err)
	}
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == "woow_session" {
			return ck.Value
		}
	}
	return ""
}

// setSessionCookie puts a session token into the client's jar.
func (c *client) setSessionCookie(t *testing.T, token string) {
	t.Helper()
	u, err := url.Parse(c.base)
	if err != nil {
		t.Fatal(err)
	}
	c.http.Jar.SetCookies(u, []*http.Cookie{{Name: "woow_session", Value: token, Path: "/"}})
}

// post sends a raw POST to /query with the given headers (Content-Type
// defaults to application/json) and returns the status and body.
func (c *client) post(t *testing.T, body []byte, header map[string]string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.base+"/query", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		t.Fatalf("%s: POST /query: %v", c.name, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s: reading the response: %v", c.name, err)
	}
	return resp.StatusCode, b
}

// get sends a GET to path and returns the status and body.
func (c *client) get(t *testing.T, path string) (int, []byte) {
	t.Helper()
	resp, err := c.http.Get(c.base + path)
	if err != nil {
		t.Fatalf("%s: GET %s: %v", c.name, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

// do runs one GraphQL operation and returns its data and errors. A response
// that is not a GraphQL JSON response fails the test.
func (c *client) do(t *testing.T, query string, vars map[string]any) (json.RawMessage, []gqlErr) {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	status, b := c.post(t, body, nil)
	var resp struct {
		Data   json.RawMessage `json:"data"`
		Errors []gqlErr        `json:"errors"`
	}
	if err := json.Unmarshal(b, &resp); err != nil {
		t.Fatalf("%s: status %d, body is not JSON: %v\n%s", c.name, status, err, b)
	}
	if status != http.StatusOK && len(resp.Errors) == 0 {
		t.Fatalf("%s: status %d without errors:\n%s", c.name, status, b)
	}
	return resp.Data, resp.Errors
}

// mustDo runs an operation that must succeed and returns its data.
func (c *client) mustDo(t *testing.T, query string, vars map[string]any) json.RawMessage {
	t.Helper()
	data, errs := c.do(t, query, vars)
	if len(errs) > 0 {
		t.Fatalf("%s: unexpected errors %v\nquery: %s\nvars: %v", c.name, errs, oneLine(query), vars)
	}
	return data
}

// expectErr runs an operation that must fail with code (and, when field is
// not empty, extensions.field = field) and returns its data.
func (c *client) expectErr(t *testing.T, code, field, query string, vars map[string]any) json.RawMessage {
	t.Helper()
	data, errs := c.do(t, query, vars)
	requireErr(t, errs, code, field)
	return data
}

// requireErr asserts that the first error has code and, when field is not
// empty, that field.
func requireErr(t *testing.T, errs []gqlErr, code, field string) {
	t.Helper()
	if len(errs) == 0 {
		t.Errorf("no error, want %s", code)
		return
	}
	e := errs[0]
	if e.Extensions.Code != code {
		t.Errorf("error code %q, want %q (errors: %v)", e.Extensions.Code, code, errs)
		return
	}
	if field != "" && e.Extensions.Field != field {
		t.Errorf("error field %q, want %q (errors: %v)", e.Extensions.Field, field, errs)
	}
}

// outcome summarises a response as "OK" or the first error's code.
func outcome(errs []gqlErr) string {
	if len(errs) == 0 {
		return "OK"
	}
	return errs[0].Extensions.Code
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// pick decodes the value at a dot path of data ("workspace.members.edges.0")
// into a T; a missing key fails the test, JSON null gives T's zero value.
func pick[T any](t *testing.T, data json.RawMessage, path string) T {
	t.Helper()
	cur := data
	if path != "" {
		for _, seg := range strings.Split(path, ".") {
			if i, err := strconv.Atoi(seg); err == nil {
				var arr []json.RawMessage
				if err := json.Unmarshal(cur, &arr); err != nil || i >= len(arr) {
					t.Fatalf("pick %q: no index %d in %s", path, i, cur)
				}
				cur = arr[i]
				continue
			}
			var obj map[string]json.RawMessage
			if err := json.Unmarshal(cur, &obj); err != nil {
				t.Fatalf("pick %q: %s is not an object in %s", path, seg, data)
			}
			next, ok := obj[seg]
			if !ok {
				t.Fatalf("pick %q: no key %q in %s", path, seg, cur)
			}
			cur = next
		}
	}
	var v T
	if err := json.Unmarshal(cur, &v); err != nil {
		t.Fatalf("pick %q: decoding %s into %T: %v", path, cur, v, err)
	}
	return v
}

// isNull reports whether the value at path is JSON null.
func isNull(t *testing.T, data json.RawMessage, path string) bool {
	t.Helper()
	return string(pick[json.RawMessage](t, data, path)) == "null"
}

// Operations the tests share.

const (
	registerMutation = `mutation($input: RegisterInput!) {
		register(input: $input) { user { id email name platformAdmin } } }`
	loginMutation = `mutation($input: LoginInput!) {
		login(input: $input) { user { id email } } }`
	viewerQuery             = `{ viewer { id email platformAdmin } }`
	createWorkspaceMut      = `mutation($name: String!) { createWorkspace(input: {name: $name}) { workspace { id slug name state viewerRole } } }`
	inviteMemberMutation    = `mutation($ws: ID!, $email: String!, $role: Role!) { inviteMember(input: {workspaceId: $ws, email: $email, role: $role}) { invitation { id email role status } link } }`
	acceptInvitationMut     = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { member { id role userID user { email } } } }`
	pendingInvitationsQuery = `{ viewer { pendingInvitations { id role email invitedBy workspace { id name slug } } } }`
	invitationByTokenQuery  = `query($token: String!) { invitationByToken(token: $token) { id role email workspace { name } } }`
	updateRoleMutation      = `mutation($ws: ID!, $user: ID!, $role: Role!) { updateMemberRole(input: {workspaceId: $ws, userId: $user, role: $role}) { member { id role userID } } }`
	workspaceBySlugQuery    = `query($slug: String!) { workspace(slug: $slug) { id name slug state viewerRole namespace owner { id email } members(orderBy: {field: ROLE, direction: ASC}) { totalCount edges { node { id role user { id email } } } } } }`
	workspaceSlugsQuery     = `{ workspaces { totalCount edges { node { id slug } } } }`
	testPassword            = "correct horse battery"
	archiveWorkspaceMut     = `mutation($id: ID!) { archiveWorkspace(input: {id: $id}) { workspace { id state } } }`
	transferOwnershipMut    = `mutation($ws: ID!, $user: ID!) { transferOwnership(input: {workspaceId: $ws, userId: $user}) { workspace { id owner { id } viewerRole } } }`
	leaveWorkspaceMut       = `mutation($ws: ID!) { leaveWorkspace(input: {workspaceId: $ws}) { workspaceId } }`
	removeMemberMutation    = `mutation($ws: ID!, $user: ID!) { removeMember(input: {workspaceId: $ws, userId: $user}) { removedUserId workspace { id } } }`
	updateWorkspaceMut      = `mutation($id: ID!, $name: String) { updateWorkspace(input: {id: $id, name: $name}) { workspace { id name } } }`
	appTemplateSlugsQuery   = `query($category: AppTemplateCategory, $search: String) { appTemplates(category: $category, search: $search) { totalCount edges { node { id slug active } } } }`
)

// account is a registered person and their signed-in client.
type account struct {
	*client
	id    string
	email string
}

// tokenOfLink is the token of an invitation link (in its fragment).
func tokenOfLink(t testing.TB, link string) string {
	t.Helper()
	_, tok, ok := strings.Cut(link, "#token=")
	if !ok || tok == "" {
		t.Fatalf("no token in link %q", link)
	}
	return tok
}

// join makes who a member of ws with role: by invites, who accepts the
// link. It returns the new WorkspaceMember's id.
func join(t *testing.T, by, who *account, ws, role string) string {
	t.Helper()
	data := by.mustDo(t, inviteMemberMutation, map[string]any{"ws": ws, "email": who.email, "role": role})
	data = who.mustDo(t, acceptInvitationMut, map[string]any{"input": map[string]any{
		"token": tokenOfLink(t, pick[string](t, data, "inviteMember.link"))}})
	if got := pick[string](t, data, "acceptInvitation.member.role"); got != role {
		t.Fatalf("%s joined as %q, want %s", who.email, got, role)
	}
	return pick[string](t, data, "acceptInvitation.member.id")
}

// register opens an account and returns its signed-in client.
func register(t *testing.T, base, email, name string) *account {
	t.Helper()
	c := newClient(t, base, name)
	data := c.mustDo(t, registerMutation, map[string]any{
		"input": map[string]any{"email": email, "password": testPassword, "name": name},
	})
	if c.sessionCookie(t) == "" {
		t.Fatalf("register %s set no woow_session cookie", email)
	}
	return &account{client: c, id: pick[string](t, data, "register.user.id"), email: email}
}

// slugsOf returns the slugs of a connection of nodes with a slug.
func slugsOf(t *testing.T, data json.RawMessage, path string) []string {
	t.Helper()
	edges := pick[[]struct {
		Node struct {
			Slug string `json:"slug"`
		} `json:"node"`
	}](t, data, path+".edges")
	out := make([]string, len(edges))
	for i, e := range edges {
		out[i] = e.Node.Slug
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sameSet(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	seen := map[string]int{}
	for _, g := range got {
		seen[g]++
	}
	for _, w := range want {
		if seen[w] == 0 {
			return false
		}
		seen[w]--
	}
	return true
}

// memberRoles maps member email to role from a workspaceBySlugQuery result.
func memberRoles(t *testing.T, data json.RawMessage) map[string]string {
	t.Helper()
	edges := pick[[]struct {
		Node struct {
			Role string `json:"role"`
			User struct {
				Email string `json:"email"`
			} `json:"user"`
		} `json:"node"`
	}](t, data, "workspace.members.edges")
	out := map[string]string{}
	for _, e := range edges {
		out[e.Node.User.Email] = e.Node.Role
	}
	return out
}

func fmtMap(m map[string]string) string { return fmt.Sprint(m) }
