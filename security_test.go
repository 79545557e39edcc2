package main

// What the security review tried against the real server, as an attacker
// would, on both databases.

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestNULIsRefusedBeforeTheDatabase: a NUL character in any text input is
// BAD_USER_INPUT naming the input, on SQLite and PostgreSQL alike (which
// refuses NUL in text, and used to answer INTERNAL).
func TestNULIsRefusedBeforeTheDatabase(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	alice := register(t, srv.URL, "alice@x.io", "Alice")
	ws := pick[string](t, alice.mustDo(t, createWorkspaceMut, map[string]any{"name": "Acme"}), "createWorkspace.workspace.id")
	anon := newClient(t, srv.URL, "anonymous")
	for _, tt := range []struct {
		name, query string
		vars        map[string]any
		who         *client
		field       string
	}{
		{"register", registerMutation, map[string]any{"input": map[string]any{"email": "n\x00@x.io", "password": testPassword, "name": "N"}}, anon, "input.email"},
		{"register name", registerMutation, map[string]any{"input": map[string]any{"email": "n@x.io", "password": testPassword, "name": "N\x00"}}, anon, "input.name"},
		{"createWorkspace", createWorkspaceMut, map[string]any{"name": "Ac\x00me"}, alice.client, "input.name"},
		{"createWorkspace literal", `mutation { createWorkspace(input: {name: "Ac\u0000me"}) { workspace { id } } }`, nil, alice.client, "input.name"},
		{"updateWorkspace", updateWorkspaceMut, map[string]any{"id": ws, "name": "x\x00"}, alice.client, "input.name"},
		{"updateProfile", `mutation($n: String) { updateProfile(input: {name: $n}) { user { id } } }`, map[string]any{"n": "A\x00"}, alice.client, "input.name"},
		{"search", appTemplateSlugsQuery, map[string]any{"search": "n8\x00n"}, alice.client, "search"},
		{"slug", workspaceBySlugQuery, map[string]any{"slug": "ac\x00me"}, alice.client, "slug"},
		{"where filter", `query($w: WorkspaceWhereInput) { workspaces(where: $w) { totalCount } }`, map[string]any{"w": map[string]any{"nameContains": "\x00"}}, alice.client, "where.nameContains"},
		{"login", loginMutation, map[string]any{"input": map[string]any{"email": "alice@x.io", "password": "p\x00"}}, anon, "input.password"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := tt.who.do(t, tt.query, tt.vars)
			requireErr(t, errs, "BAD_USER_INPUT", tt.field)
			if len(errs) > 0 && !strings.Contains(errs[0].Message, "NUL") {
				t.Errorf("message %q does not say what is wrong", errs[0].Message)
			}
		})
	}
	// Nothing was written.
	if n := pick[int](t, alice.mustDo(t, workspaceSlugsQuery, nil), "workspaces.totalCount"); n != 1 {
		t.Errorf("%d workspaces after the refusals, want 1", n)
	}
}

// TestHostileRequests: the fragment bomb, a mutation over GET, and the
// cluster's mode asked anonymously.
func TestHostileRequests(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	anon := newClient(t, srv.URL, "anonymous")

	// Each fragment spreads the next twice, 30 levels: refused, not run.
	var b strings.Builder
	b.WriteString("query{...F0}")
	for i := range 30 {
		fmt.Fprintf(&b, " fragment F%d on Query{...F%d ...F%d}", i, i+1, i+1)
	}
	b.WriteString(" fragment F30 on Query{__typename}")
	body, _ := json.Marshal(map[string]any{"query": b.String()})
	status, resp := anon.post(t, body, nil)
	if status != http.StatusOK || !strings.Contains(string(resp), "COMPLEXITY_LIMIT_EXCEEDED") || strings.Contains(string(resp), `"data"`) {
		t.Errorf("fragment bomb: %d %s", status, resp)
	}
	if !strings.Contains(srv.Log.String(), "operation refused by a limit") {
		t.Error("the refusal is not logged")
	}

	// A mutation over GET: 405, and a code like every other error.
	res, err := http.Get(srv.URL + "/query?query=" + url.QueryEscape(`mutation { logout { ok } }`))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var e struct {
		Errors []gqlErr `json:"errors"`
	}
	if res.StatusCode != http.StatusMethodNotAllowed || json.Unmarshal(raw, &e) != nil || len(e.Errors) == 0 || e.Errors[0].Extensions.Code == "" {
		t.Errorf("GET mutation: %d %s", res.StatusCode, raw)
	}

	// How the platform is deployed is for signed-in users only.
	anon.expectErr(t, "UNAUTHENTICATED", "", `{ cluster { mode } }`, nil)
	alice := register(t, srv.URL, "alice@x.io", "Alice")
	if got := pick[string](t, alice.mustDo(t, `{ cluster { mode } }`, nil), "cluster.mode"); got != "dry-run" {
		t.Errorf("cluster.mode %q", got)
	}
}
