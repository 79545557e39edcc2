package main

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestEndToEnd walks through the life of a workspace against the real
// server over HTTP, restarts the server on the same data and checks that
// sessions and state survived.
func TestEndToEnd(t *testing.T) {
	env := newTestEnv(t)
	srv := startServer(t, env)
	base := srv.URL

	t.Run("health", func(t *testing.T) {
		anon := newClient(t, base, "probe")
		for path, want := range map[string]string{"/healthz": `"ok"`, "/readyz": `"ready"`} {
			status, body := anon.get(t, path)
			if status != http.StatusOK || !strings.Contains(string(body), want) {
				t.Errorf("GET %s = %d %s, want 200 with %s", path, status, body, want)
			}
		}
	})

	// Accounts: the first becomes platform admin, the second does not.
	a := register(t, base, "a@x.io", "Alice")
	b := register(t, base, "b@x.io", "Bob")
	if v := a.mustDo(t, viewerQuery, nil); !pick[bool](t, v, "viewer.platformAdmin") || pick[string](t, v, "viewer.email") != "a@x.io" {
		t.Errorf("first account: viewer = %s, want a@x.io with platformAdmin true", v)
	}
	if v := b.mustDo(t, viewerQuery, nil); pick[bool](t, v, "viewer.platformAdmin") || pick[string](t, v, "viewer.id") != b.id {
		t.Errorf("second account: viewer = %s, want %s with platformAdmin false", v, b.id)
	}

	t.Run("register rejects bad input", func(t *testing.T) {
		anon := newClient(t, base, "anon")
		reg := func(email, password string) map[string]any {
			return map[string]any{"input": map[string]any{"email": email, "password": password, "name": "Mallory"}}
		}
		anon.expectErr(t, "BAD_USER_INPUT", "email", registerMutation, reg("not-an-email", testPassword))
		anon.expectErr(t, "BAD_USER_INPUT", "email", registerMutation, reg("Mallory <m@x.io>", testPassword))
		anon.expectErr(t, "BAD_USER_INPUT", "password", registerMutation, reg("m@x.io", "short"))
		anon.expectErr(t, "BAD_USER_INPUT", "email", registerMutation, reg("A@X.io", testPassword))
		anon.expectErr(t, "BAD_USER_INPUT", "email", registerMutation, reg("  a@x.io ", testPassword))
		if anon.sessionCookie(t) != "" {
			t.Errorf("a refused registration set a session cookie")
		}
	})

	// Workspaces: slugs from the name, unique across the platform.
	data := a.mustDo(t, createWorkspaceMut, map[string]any{"name": "Acme"})
	acmeID := pick[string](t, data, "createWorkspace.workspace.id")
	if got := pick[string](t, data, "createWorkspace.workspace.slug"); got != "acme" {
		t.Fatalf("first Acme: slug %q, want acme", got)
	}
	if got := pick[string](t, data, "createWorkspace.workspace.viewerRole"); got != "owner" {
		t.Errorf("creator's viewerRole %q, want owner", got)
	}
	data = a.mustDo(t, createWorkspaceMut, map[string]any{"name": "Acme"})
	if got := pick[string](t, data, "createWorkspace.workspace.slug"); got != "acme-1" {
		t.Errorf("second Acme: slug %q, want acme-1", got)
	}

	data = a.mustDo(t, workspaceBySlugQuery, map[string]any{"slug": "acme"})
	sum := md5.Sum([]byte("acme"))
	for path, want := range map[string]string{
		"workspace.id":         acmeID,
		"workspace.name":       "Acme",
		"workspace.state":      "active",
		"workspace.viewerRole": "owner",
		"workspace.owner.id":   a.id,
		"workspace.namespace":  "paas-ws-" + hex.EncodeToString(sum[:])[:8],
	} {
		if got := pick[string](t, data, path); got != want {
			t.Errorf("workspace(slug: acme).%s = %q, want %q", path, got, want)
		}
	}

	t.Run("pagination", func(t *testing.T) {
		a.expectErr(t, "BAD_USER_INPUT", "first", `{ workspaces(first: 101) { totalCount } }`, nil)
		a.expectErr(t, "BAD_USER_INPUT", "last", `{ workspaces(last: 101) { totalCount } }`, nil)
		a.expectErr(t, "BAD_USER_INPUT", "first", `{ workspaces(first: -1) { totalCount } }`, nil)
		d := a.mustDo(t, `{ workspaces(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug } } } }`, nil)
		if n := len(pick[[]json.RawMessage](t, d, "workspaces.edges")); n != 1 {
			t.Errorf("first: 1 gave %d edges, want 1", n)
		}
		if !pick[bool](t, d, "workspaces.pageInfo.hasNextPage") {
			t.Errorf("first: 1 of 2: hasNextPage false, want true")
		}
		if n := pick[int](t, d, "workspaces.totalCount"); n != 2 {
			t.Errorf("totalCount %d, want 2", n)
		}
		first := pick[string](t, d, "workspaces.edges.0.node.slug")
		d = a.mustDo(t, `query($after: Cursor) { workspaces(first: 1, after: $after) { pageInfo { hasNextPage } edges { node { slug } } } }`,
			map[string]any{"after": pick[string](t, d, "workspaces.pageInfo.endCursor")})
		second := slugsOf(t, d, "workspaces")
		if len(second) != 1 || second[0] == first || !sameSet([]string{first, second[0]}, []string{"acme", "acme-1"}) {
			t.Errorf("pages %q then %q, want acme and acme-1 once each", first, second)
		}
		if pick[bool](t, d, "workspaces.pageInfo.hasNextPage") {
			t.Errorf("last page: hasNextPage true")
		}
	})

	// B has an account: the invitation waits for B to accept it (B has
	// not proved the address, no mail being set up: through the link).
	data = a.mustDo(t, inviteMemberMutation, map[string]any{"ws": acmeID, "email": "B@x.io", "role": "user"})
	if got := pick[string](t, data, "inviteMember.invitation.status"); got != "pending" {
		t.Errorf("new invitation status %q, want pending", got)
	}
	bLink := pick[string](t, data, "inviteMember.link")
	if got := slugsOf(t, b.mustDo(t, workspaceSlugsQuery, nil), "workspaces"); len(got) != 0 {
		t.Fatalf("B is in %q before accepting anything", got)
	}
	data = b.mustDo(t, acceptInvitationMut, map[string]any{"input": map[string]any{"token": tokenOfLink(t, bLink)}})
	if got := pick[string](t, data, "acceptInvitation.member.role"); got != "user" {
		t.Errorf("accepted as %q, want user", got)
	}
	if got := pick[string](t, data, "acceptInvitation.member.userID"); got != b.id {
		t.Errorf("accepted member userID %q, want B %q", got, b.id)
	}
	a.expectErr(t, "CONFLICT", "", inviteMemberMutation, map[string]any{"ws": acmeID, "email": "b@x.io", "role": "guest"})

	data = b.mustDo(t, workspaceSlugsQuery, nil)
	if got := slugsOf(t, data, "workspaces"); !sameSet(got, []string{"acme"}) {
		t.Errorf("B's workspaces %q, want [acme]", got)
	}
	if got := pick[string](t, b.mustDo(t, workspaceBySlugQuery, map[string]any{"slug": "acme"}), "workspace.viewerRole"); got != "user" {
		t.Errorf("B's viewerRole %q, want user", got)
	}
	// B, a user, cannot invite yet, nor see the invitations.
	b.expectErr(t, "FORBIDDEN", "", inviteMemberMutation, map[string]any{"ws": acmeID, "email": "c@x.io", "role": "guest"})

	data = a.mustDo(t, updateRoleMutation, map[string]any{"ws": acmeID, "user": b.id, "role": "admin"})
	if got := pick[string](t, data, "updateMemberRole.member.role"); got != "admin" {
		t.Errorf("updateMemberRole returned role %q, want admin", got)
	}
	if got := pick[string](t, b.mustDo(t, workspaceBySlugQuery, map[string]any{"slug": "acme"}), "workspace.viewerRole"); got != "admin" {
		t.Errorf("B's viewerRole after promotion %q, want admin", got)
	}

	// B, now admin, invites C who has no account yet: a link.
	data = b.mustDo(t, inviteMemberMutation, map[string]any{"ws": acmeID, "email": "C@X.io", "role": "guest"})
	if got := pick[string](t, data, "inviteMember.invitation.email"); got != "c@x.io" {
		t.Errorf("invitation email %q, want c@x.io (normalised)", got)
	}
	link := pick[string](t, data, "inviteMember.link")
	invQuery := `query($slug: String!) { workspace(slug: $slug) { pendingInvitations { email role status } } }`
	data = b.mustDo(t, invQuery, map[string]any{"slug": "acme"})
	if n := len(pick[[]json.RawMessage](t, data, "workspace.pendingInvitations")); n != 1 || pick[string](t, data, "workspace.pendingInvitations.0.status") != "pending" {
		t.Errorf("pending invitations: %s, want one, pending", data)
	}

	// Registering the address joins nothing; following the link does.
	c := register(t, base, "c@x.io", "Carol")
	c.expectErr(t, "NOT_FOUND", "", workspaceBySlugQuery, map[string]any{"slug": "acme"})
	if n := len(pick[[]json.RawMessage](t, c.mustDo(t, pendingInvitationsQuery, nil), "viewer.pendingInvitations")); n != 0 {
		t.Errorf("C sees %d pending invitations by registering the address", n)
	}
	data = c.mustDo(t, invitationByTokenQuery, map[string]any{"token": tokenOfLink(t, link)})
	if got := pick[string](t, data, "invitationByToken.workspace.name"); got != "Acme" {
		t.Errorf("the link shows %s", data)
	}
	c.mustDo(t, acceptInvitationMut, map[string]any{"input": map[string]any{"token": tokenOfLink(t, link)}})
	data = c.mustDo(t, workspaceBySlugQuery, map[string]any{"slug": "acme"})
	if got := pick[string](t, data, "workspace.viewerRole"); got != "guest" {
		t.Errorf("C's viewerRole after accepting %q, want guest (the invited role)", got)
	}
	if got, want := memberRoles(t, data), map[string]string{"a@x.io": "owner", "b@x.io": "admin", "c@x.io": "guest"}; fmtMap(got) != fmtMap(want) {
		t.Errorf("members %v, want %v", got, want)
	}
	data = b.mustDo(t, invQuery, map[string]any{"slug": "acme"})
	if n := len(pick[[]json.RawMessage](t, data, "workspace.pendingInvitations")); n != 0 {
		t.Errorf("the invitation is still pending after C accepted: %s", data)
	}
	// Guests do not see invitations, answered or not.
	data = c.mustDo(t, `query($slug: String!) { workspace(slug: $slug) { invitations { totalCount } } }`, map[string]any{"slug": "acme"})
	if n := pick[int](t, data, "workspace.invitations.totalCount"); n != 0 {
		t.Errorf("a guest sees %d invitations", n)
	}
	// Nor can they probe them through a filter: there is none.
	c.expectErr(t, "GRAPHQL_VALIDATION_FAILED", "", `{ workspaces(where: {hasInvitations: true}) { totalCount } }`, nil)
	// C, a guest, cannot rename.
	c.expectErr(t, "FORBIDDEN", "", updateWorkspaceMut, map[string]any{"id": acmeID, "name": "Guest was here"})

	// Admins hand out at most admin; owner is by transfer only.
	b.expectErr(t, "BAD_USER_INPUT", "role", updateRoleMutation, map[string]any{"ws": acmeID, "user": c.id, "role": "owner"})
	b.expectErr(t, "BAD_USER_INPUT", "role", inviteMemberMutation, map[string]any{"ws": acmeID, "email": "z@x.io", "role": "owner"})
	b.expectErr(t, "CONFLICT", "", updateRoleMutation, map[string]any{"ws": acmeID, "user": a.id, "role": "guest"})
	b.expectErr(t, "FORBIDDEN", "", transferOwnershipMut, map[string]any{"ws": acmeID, "user": c.id})

	// A hands the workspace to B and stays as admin.
	data = a.mustDo(t, transferOwnershipMut, map[string]any{"ws": acmeID, "user": b.id})
	if got := pick[string](t, data, "transferOwnership.workspace.owner.id"); got != b.id {
		t.Errorf("owner after transfer %q, want B %q", got, b.id)
	}
	if got := pick[string](t, data, "transferOwnership.workspace.viewerRole"); got != "admin" {
		t.Errorf("A's viewerRole after transfer %q, want admin", got)
	}
	data = b.mustDo(t, workspaceBySlugQuery, map[string]any{"slug": "acme"})
	if got, want := memberRoles(t, data), map[string]string{"a@x.io": "admin", "b@x.io": "owner", "c@x.io": "guest"}; fmtMap(got) != fmtMap(want) {
		t.Errorf("members after transfer %v, want %v", got, want)
	}
	b.expectErr(t, "CONFLICT", "", leaveWorkspaceMut, map[string]any{"ws": acmeID})

	// A leaves.
	data = a.mustDo(t, leaveWorkspaceMut, map[string]any{"ws": acmeID})
	if got := pick[string](t, data, "leaveWorkspace.workspaceId"); got != acmeID {
		t.Errorf("leaveWorkspace.workspaceId %q, want %q", got, acmeID)
	}
	if got := slugsOf(t, a.mustDo(t, workspaceSlugsQuery, nil), "workspaces"); !sameSet(got, []string{"acme-1"}) {
		t.Errorf("A's workspaces after leaving %q, want [acme-1]", got)
	}
	a.expectErr(t, "NOT_FOUND", "", workspaceBySlugQuery, map[string]any{"slug": "acme"})

	// B archives; an archived workspace no longer changes.
	data = b.mustDo(t, archiveWorkspaceMut, map[string]any{"id": acmeID})
	if got := pick[string](t, data, "archiveWorkspace.workspace.state"); got != "archived" {
		t.Errorf("state after archiving %q, want archived", got)
	}
	b.expectErr(t, "CONFLICT", "", updateWorkspaceMut, map[string]any{"id": acmeID, "name": "Acme 2"})
	b.expectErr(t, "CONFLICT", "", inviteMemberMutation, map[string]any{"ws": acmeID, "email": "y@x.io", "role": "user"})

	// An outsider sees nothing of it.
	d := register(t, base, "d@x.io", "Dave")
	checkOutsider := func(t *testing.T, d *account) {
		t.Helper()
		data := d.mustDo(t, workspaceSlugsQuery, nil)
		if n := pick[int](t, data, "workspaces.totalCount"); n != 0 {
			t.Errorf("outsider's workspaces totalCount %d, want 0 (%s)", n, data)
		}
		d.expectErr(t, "NOT_FOUND", "", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": acmeID})
		d.expectErr(t, "NOT_FOUND", "", workspaceBySlugQuery, map[string]any{"slug": "acme"})
		d.expectErr(t, "NOT_FOUND", "", workspaceBySlugQuery, map[string]any{"slug": "acme-1"})
		d.expectErr(t, "NOT_FOUND", "", archiveWorkspaceMut, map[string]any{"id": acmeID})
	}
	checkOutsider(t, d)

	t.Run("csrf", func(t *testing.T) {
		body := []byte(`{"query":"{ viewer { id } }"}`)
		status, resp := b.post(t, body, map[string]string{"Origin": "https://evil.example"})
		if status != http.StatusForbidden {
			t.Errorf("foreign Origin: status %d, want 403 (%s)", status, resp)
		}
		if !strings.Contains(string(resp), `"FORBIDDEN"`) {
			t.Errorf("foreign Origin: body %s, want a FORBIDDEN error", resp)
		}
		status, resp = b.post(t, body, map[string]string{"Content-Type": "text/plain"})
		if status != http.StatusUnsupportedMediaType {
			t.Errorf("text/plain: status %d, want 415 (%s)", status, resp)
		}
		status, resp = b.post(t, body, map[string]string{"Origin": "null"})
		if status != http.StatusForbidden {
			t.Errorf("Origin null: status %d, want 403 (%s)", status, resp)
		}
		// The server's own origin passes.
		status, resp = b.post(t, body, map[string]string{"Origin": base})
		if status != http.StatusOK || !strings.Contains(string(resp), b.id) {
			t.Errorf("same Origin: status %d %s, want 200 with B's id", status, resp)
		}
	})

	t.Run("marketplace", func(t *testing.T) {
		data := b.mustDo(t, appTemplateSlugsQuery, nil)
		if got := slugsOf(t, data, "appTemplates"); !sameSet(got, []string{"container-app", "n8n", "odoo"}) {
			t.Errorf("non-admin marketplace %q, want the active seed templates [container-app n8n odoo]", got)
		}
		// Search matches name, descriptions and tags, case-insensitively:
		// "workflow" is in n8n's description and tags, "no-code" only in
		// its tags.
		for _, q := range []string{"workflow", "NO-CODE"} {
			data, errs := b.do(t, appTemplateSlugsQuery, map[string]any{"search": q})
			if len(errs) > 0 {
				t.Errorf("appTemplates(search: %q): errors %v", q, errs)
				continue
			}
			if got := slugsOf(t, data, "appTemplates"); !sameSet(got, []string{"n8n"}) {
				t.Errorf("appTemplates(search: %q) = %q, want [n8n]", q, got)
			}
		}
		data = b.mustDo(t, appTemplateSlugsQuery, map[string]any{"category": "database"})
		if n := pick[int](t, data, "appTemplates.totalCount"); n != 0 {
			t.Errorf("non-admin database category: totalCount %d, want 0 (%s)", n, data)
		}
		data = a.mustDo(t, appTemplateSlugsQuery, map[string]any{"category": "database"})
		if got := slugsOf(t, data, "appTemplates"); !sameSet(got, []string{"postgresql", "redis"}) {
			t.Errorf("admin database category %q, want [postgresql redis]", got)
		}

		data = b.mustDo(t, `{ appTemplate(slug: "n8n") { slug category valueSpecs { required { key type } optional { key type } } } }`, nil)
		specs := append(pick[[]struct{ Key, Type string }](t, data, "appTemplate.valueSpecs.required"),
			pick[[]struct{ Key, Type string }](t, data, "appTemplate.valueSpecs.optional")...)
		found := false
		for _, s := range specs {
			if s.Key == "_init.owner_password" {
				found = true
				if s.Type != "password" {
					t.Errorf("n8n _init.owner_password type %q, want password", s.Type)
				}
			}
		}
		if !found {
			t.Errorf("n8n value specs %v lack _init.owner_password", specs)
		}
		b.expectErr(t, "NOT_FOUND", "", `{ appTemplate(slug: "no-such-app") { id } }`, nil)

		create := `mutation($input: CreateAppTemplateInput!) { createAppTemplate(input: $input) { appTemplate { id slug active category tags } } }`
		input := func(slug string) map[string]any {
			return map[string]any{"input": map[string]any{
				"name": "E2E App", "slug": slug, "category": "web",
				"description": "An app made by the end-to-end test",
				"chartRef":    "oci://registry.example/charts/e2e-app", "tags": []string{"e2e"},
			}}
		}
		b.expectErr(t, "FORBIDDEN", "", create, input("e2e-app"))
		a.expectErr(t, "BAD_USER_INPUT", "", create, input("Bad Slug!"))
		data = a.mustDo(t, create, input("e2e-app"))
		if got := pick[string](t, data, "createAppTemplate.appTemplate.slug"); got != "e2e-app" {
			t.Errorf("created slug %q, want e2e-app", got)
		}
		if !pick[bool](t, data, "createAppTemplate.appTemplate.active") {
			t.Errorf("a new template is inactive by default: %s", data)
		}
		tplID := pick[string](t, data, "createAppTemplate.appTemplate.id")
		a.expectErr(t, "BAD_USER_INPUT", "", create, input("e2e-app")) // taken slug
		if got := slugsOf(t, b.mustDo(t, appTemplateSlugsQuery, nil), "appTemplates"); !sameSet(got, []string{"container-app", "n8n", "odoo", "e2e-app"}) {
			t.Errorf("non-admin marketplace after create %q, want [container-app n8n odoo e2e-app]", got)
		}

		update := `mutation($id: ID!, $active: Boolean) { updateAppTemplate(input: {id: $id, active: $active}) { appTemplate { slug active } } }`
		b.expectErr(t, "FORBIDDEN", "", update, map[string]any{"id": tplID, "active": false})
		data = a.mustDo(t, update, map[string]any{"id": tplID, "active": false})
		if pick[bool](t, data, "updateAppTemplate.appTemplate.active") {
			t.Errorf("updateAppTemplate(active: false) returned active true")
		}
		if got := slugsOf(t, b.mustDo(t, appTemplateSlugsQuery, nil), "appTemplates"); !sameSet(got, []string{"container-app", "n8n", "odoo"}) {
			t.Errorf("non-admin marketplace after deactivation %q, want [container-app n8n odoo]", got)
		}
		if got := slugsOf(t, a.mustDo(t, appTemplateSlugsQuery, nil), "appTemplates"); !sameSet(got, []string{"container-app", "n8n", "odoo", "postgresql", "redis", "e2e-app"}) {
			t.Errorf("admin marketplace %q, want all five templates, inactive ones included", got)
		}
	})

	t.Run("logout", func(t *testing.T) {
		// A second browser of B signs in, then out.
		b2 := newClient(t, base, "Bob (second browser)")
		data := b2.mustDo(t, loginMutation, map[string]any{"input": map[string]any{"email": "B@X.IO", "password": testPassword}})
		if got := pick[string](t, data, "login.user.id"); got != b.id {
			t.Fatalf("login as B@X.IO gave user %q, want %q", got, b.id)
		}
		token := b2.sessionCookie(t)
		if token == "" || token == b.sessionCookie(t) {
			t.Fatalf("login set session cookie %q, want a new one", token)
		}
		if got := pick[string](t, b2.mustDo(t, viewerQuery, nil), "viewer.id"); got != b.id {
			t.Errorf("viewer after login %q, want %q", got, b.id)
		}
		if !pick[bool](t, b2.mustDo(t, `mutation { logout { ok } }`, nil), "logout.ok") {
			t.Errorf("logout.ok false")
		}
		if b2.sessionCookie(t) != "" {
			t.Errorf("logout left the session cookie in the jar")
		}
		if !isNull(t, b2.mustDo(t, viewerQuery, nil), "viewer") {
			t.Errorf("viewer after logout is not null")
		}
		replay := newClient(t, base, "replayed cookie")
		replay.setSessionCookie(t, token)
		if !isNull(t, replay.mustDo(t, viewerQuery, nil), "viewer") {
			t.Errorf("the logged-out session cookie still signs in")
		}
		replay.expectErr(t, "UNAUTHENTICATED", "", workspaceSlugsQuery, nil)
		// B's first browser is still signed in.
		if got := pick[string](t, b.mustDo(t, viewerQuery, nil), "viewer.id"); got != b.id {
			t.Errorf("B's other session ended too: viewer %q", got)
		}
	})

	// Last on this server: after ten failures from one address (five on
	// each of two addresses, so neither account is slowed down yet) the
	// address is blocked, for every account and the right password too.
	t.Run("login failures", func(t *testing.T) {
		anon := newClient(t, base, "guesser")
		login := func(email, password string) map[string]any {
			return map[string]any{"input": map[string]any{"email": email, "password": password}}
		}
		anon.expectErr(t, "UNAUTHENTICATED", "", loginMutation, login("nobody1@x.io", "wrong password"))
		if anon.sessionCookie(t) != "" {
			t.Errorf("a failed login set a session cookie")
		}
		// Every client here is 127.0.0.1, so no other login may fail before.
		for i := 2; i <= 10; i++ {
			anon.expectErr(t, "UNAUTHENTICATED", "", loginMutation, login([]string{"nobody1@x.io", "nobody2@x.io"}[(i+1)%2], "wrong password"))
		}
		anon.expectErr(t, "TOO_MANY_REQUESTS", "", loginMutation, login("c@x.io", "wrong password"))
		anon.expectErr(t, "TOO_MANY_REQUESTS", "", loginMutation, login("c@x.io", testPassword))
		if anon.sessionCookie(t) != "" {
			t.Errorf("a blocked login set a session cookie")
		}
	})

	// A new server on the same data: sessions and state are still there.
	srv.Stop(t)
	if t.Failed() {
		t.FailNow()
	}
	srv2 := startServer(t, env)
	for _, cl := range []*account{a, b, c, d} {
		cl.base = srv2.URL // same host, another port: the jar still sends the cookie
	}

	data = b.mustDo(t, viewerQuery, nil)
	if got := pick[string](t, data, "viewer.id"); got != b.id {
		t.Fatalf("after restart, B's old cookie gives viewer %s, want %s", data, b.id)
	}
	data = b.mustDo(t, workspaceBySlugQuery, map[string]any{"slug": "acme"})
	for path, want := range map[string]string{
		"workspace.id":         acmeID,
		"workspace.state":      "archived",
		"workspace.viewerRole": "owner",
		"workspace.owner.id":   b.id,
	} {
		if got := pick[string](t, data, path); got != want {
			t.Errorf("after restart: workspace(slug: acme).%s = %q, want %q", path, got, want)
		}
	}
	if got, want := memberRoles(t, data), map[string]string{"b@x.io": "owner", "c@x.io": "guest"}; fmtMap(got) != fmtMap(want) {
		t.Errorf("after restart: members %v, want %v", got, want)
	}
	if got := pick[string](t, c.mustDo(t, workspaceBySlugQuery, map[string]any{"slug": "acme"}), "workspace.viewerRole"); got != "guest" {
		t.Errorf("after restart: C's viewerRole %q, want guest", got)
	}
	if got := slugsOf(t, a.mustDo(t, workspaceSlugsQuery, nil), "workspaces"); !sameSet(got, []string{"acme-1"}) {
		t.Errorf("after restart: A's workspaces %q, want [acme-1]", got)
	}
	checkOutsider(t, d)
	// The catalogue is not seeded again over the admin's edits.
	if got := slugsOf(t, a.mustDo(t, appTemplateSlugsQuery, nil), "appTemplates"); !sameSet(got, []string{"container-app", "n8n", "odoo", "postgresql", "redis", "e2e-app"}) {
		t.Errorf("after restart: admin marketplace %q, want the same five templates", got)
	}
	if got := slugsOf(t, b.mustDo(t, appTemplateSlugsQuery, nil), "appTemplates"); !sameSet(got, []string{"container-app", "n8n", "odoo"}) {
		t.Errorf("after restart: non-admin marketplace %q, want [container-app n8n odoo]", got)
	}
	// The limiter lives in memory: C signs in again on the new server; an
	// unknown email is refused like a wrong password.
	newClient(t, srv2.URL, "guesser").expectErr(t, "UNAUTHENTICATED", "", loginMutation,
		map[string]any{"input": map[string]any{"email": "nobody@x.io", "password": testPassword}})
	c2 := newClient(t, srv2.URL, "Carol (new browser)")
	if got := pick[string](t, c2.mustDo(t, loginMutation, map[string]any{"input": map[string]any{"email": "c@x.io", "password": testPassword}}), "login.user.id"); got != c.id {
		t.Errorf("after restart: login as C gave %q, want %q", got, c.id)
	}
	srv2.Stop(t)
}
