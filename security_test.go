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

// TestNamesRefuseDisguises: the names and words people read that are not
// a workspace's, a service's or a home's (package names covers those) —
// a template's name, descriptions and tags, an OAuth client's name on the
// consent page, the sender's name on the platform's e-mails — refuse
// what would hide or disguise text (U+202E turns "RTL" into "LTR" on
// screen; an escape sequence recolours a terminal) and keep ordinary
// Unicode (issue 17, item 3).
func TestNamesRefuseDisguises(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	root := register(t, srv.URL, "root@x.io", "Root") // the first account: platform admin
	const (
		createTemplate = `mutation($input: CreateAppTemplateInput!) { createAppTemplate(input: $input) { appTemplate { id } } }`
		updateTemplate = `mutation($input: UpdateAppTemplateInput!) { updateAppTemplate(input: $input) { appTemplate { id } } }`
		updateSettings = `mutation($input: UpdatePlatformSettingsInput!) { updatePlatformSettings(input: $input) { settings { mailFrom } } }`
	)
	n := 0
	template := func(field string, v any) map[string]any {
		n++
		in := map[string]any{"name": "Thing", "slug": fmt.Sprintf("thing-%d", n), "category": "web",
			"chartRef": "oci://registry.example/charts/thing", "description": "A thing", "fullDescription": "The thing.", "tags": []string{"thing"}}
		in[field] = v
		return map[string]any{"input": in}
	}
	tplID := pick[string](t, root.mustDo(t, createTemplate, template("name", "Thing")), "createAppTemplate.appTemplate.id")
	client := func(name string) map[string]any {
		return map[string]any{"in": map[string]any{"name": name, "redirectUris": []string{"https://x.example/cb"}, "scopes": []string{"read"}, "public": false}}
	}
	for _, tt := range []struct {
		name, query string
		vars        func(string) map[string]any
		field       string
	}{
		{"template name", createTemplate, func(s string) map[string]any { return template("name", s) }, "name"},
		{"template description", createTemplate, func(s string) map[string]any { return template("description", s) }, "description"},
		{"template full description", createTemplate, func(s string) map[string]any { return template("fullDescription", s) }, "fullDescription"},
		{"template tag", createTemplate, func(s string) map[string]any { return template("tags", []string{"ok", s}) }, "tags"},
		{"template name updated", updateTemplate, func(s string) map[string]any { return map[string]any{"input": map[string]any{"id": tplID, "name": s}} }, "name"},
		{"template tags updated", updateTemplate, func(s string) map[string]any {
			return map[string]any{"input": map[string]any{"id": tplID, "tags": []string{s}}}
		}, "tags"},
		{"OAuth client name", createClientMut, client, "name"},
		{"sender name", updateSettings, func(s string) map[string]any {
			return map[string]any{"input": map[string]any{"mailFrom": s + " <noreply@x.io>"}}
		}, "mailFrom"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, bad := range []string{"\u202eRTL", "Re\u0085d", "a\u2066b"} {
				if _, errs := root.do(t, tt.query, tt.vars(bad)); len(errs) == 0 || errs[0].Extensions.Code != "BAD_USER_INPUT" || errs[0].Extensions.Field != tt.field {
					t.Errorf("%q: %v, want BAD_USER_INPUT on %s", bad, errs, tt.field)
				}
			}
			if tt.field != "mailFrom" { // an ESC in an address is refused by its syntax: settings_test sends it encoded
				root.expectErr(t, "BAD_USER_INPUT", tt.field, tt.query, tt.vars("Red\x1b[31m"))
			}
			root.mustDo(t, tt.query, tt.vars("Ünïcode 中文"))
		})
	}
}
