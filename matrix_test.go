package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// matrixFixture is a workspace owned by owner with admin, user and guest in
// their roles and spare as a guest (the member others remove or hand the
// workspace to).
type matrixFixture struct {
	id, slug, name string
	memberRow      map[string]string // account key -> WorkspaceMember id
	invitation     string            // a pending invitation to pending@matrix.test
}

// matrixWorld is everyone of the tenant matrix.
type matrixWorld struct {
	accounts map[string]*account // owner, admin, user, guest, outsider, spare, joiner
	anon     *client
	n        int
}

// as is the client of a persona.
func (w *matrixWorld) as(p string) *client {
	if p == "anonymous" {
		return w.anon
	}
	return w.accounts[p].client
}

// fixture builds a fresh workspace with its members.
func (w *matrixWorld) fixture(t *testing.T, label string) *matrixFixture {
	t.Helper()
	w.n++
	owner := w.accounts["owner"]
	name := fmt.Sprintf("Matrix %d %s", w.n, label)
	data := owner.mustDo(t, createWorkspaceMut, map[string]any{"name": name})
	fx := &matrixFixture{
		id:        pick[string](t, data, "createWorkspace.workspace.id"),
		slug:      pick[string](t, data, "createWorkspace.workspace.slug"),
		name:      name,
		memberRow: map[string]string{},
	}
	for _, m := range []struct{ key, role string }{{"admin", "admin"}, {"user", "user"}, {"guest", "guest"}, {"spare", "guest"}} {
		fx.memberRow[m.key] = join(t, owner, w.accounts[m.key], fx.id, m.role)
	}
	// And one invitation waiting for an address without an account.
	data = owner.mustDo(t, inviteMemberMutation, map[string]any{"ws": fx.id, "email": "pending@matrix.test", "role": "user"})
	fx.invitation = pick[string](t, data, "inviteMember.invitation.id")
	return fx
}

// ownerView is the fixture workspace as its first owner sees it (after a
// transfer the first owner is still an admin there).
func (w *matrixWorld) ownerView(t *testing.T, fx *matrixFixture) json.RawMessage {
	t.Helper()
	return w.accounts["owner"].mustDo(t, workspaceBySlugQuery, map[string]any{"slug": fx.slug})
}

// TestTenantMatrix checks who may do what in a workspace (SPEC section 3)
// for each role, an outsider and an anonymous client, over HTTP.
func TestTenantMatrix(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	base := srv.URL

	// The personas, in column order, and the outcomes of a cell: OK or an
	// error code; absent: the operation succeeded but W is not in what it
	// returned.
	personas := []string{"owner", "admin", "user", "guest", "outsider", "anonymous"}
	const (
		ok        = "OK"
		absent    = "ABSENT"
		unauthn   = "UNAUTHENTICATED"
		notFound  = "NOT_FOUND"
		forbidden = "FORBIDDEN"
		conflict  = "CONFLICT"
	)
	row := func(outcomes ...string) map[string]string {
		if len(outcomes) != len(personas) {
			t.Fatalf("a row has %d cells, want %d", len(outcomes), len(personas))
		}
		m := make(map[string]string, len(personas))
		for i, p := range personas {
			m[p] = outcomes[i]
		}
		return m
	}

	// The platform admin registers first, so that every persona is an
	// ordinary account: the flag grants no tenant data anyway.
	root := register(t, base, "root@matrix.test", "Root")
	if v := root.mustDo(t, viewerQuery, nil); !pick[bool](t, v, "viewer.platformAdmin") {
		t.Fatalf("the first account is not platform admin: %s", v)
	}
	w := &matrixWorld{accounts: map[string]*account{}, anon: newClient(t, base, "anonymous")}
	for _, key := range []string{"owner", "admin", "user", "guest", "outsider", "spare", "joiner"} {
		w.accounts[key] = register(t, base, key+"@matrix.test", strings.ToUpper(key[:1])+key[1:])
	}
	// The outsider has a workspace of its own.
	w.accounts["outsider"].mustDo(t, createWorkspaceMut, map[string]any{"name": "Elsewhere"})

	// Read operations share one workspace; they change nothing.
	shared := w.fixture(t, "shared")

	type op struct {
		name string
		want map[string]string
		// fresh: the operation changes state; each cell gets its own
		// workspace.
		fresh bool
		// do performs the operation as persona p on fx, checks what it
		// returned and (for changes) what it left behind, and returns
		// the outcome.
		do func(t *testing.T, p string, fx *matrixFixture) string
	}

	ops := []op{
		{
			name: "workspace(slug)",
			//        owner admin user guest outsider  anonymous
			want: row(ok, ok, ok, ok, notFound, unauthn),
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				data, errs := w.as(p).do(t, workspaceBySlugQuery, map[string]any{"slug": fx.slug})
				if len(errs) == 0 {
					if got := pick[string](t, data, "workspace.id"); got != fx.id {
						t.Errorf("workspace.id %q, want %q", got, fx.id)
					}
					if got := pick[string](t, data, "workspace.viewerRole"); got != p {
						t.Errorf("viewerRole %q, want %q", got, p)
					}
				} else if !isNull(t, data, "workspace") {
					t.Errorf("refused, yet data.workspace is %s", pick[json.RawMessage](t, data, "workspace"))
				}
				return outcome(errs)
			},
		},
		{
			name: "node(workspace)",
			want: row(ok, ok, ok, ok, notFound, unauthn),
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				data, errs := w.as(p).do(t, `query($id: ID!) { node(id: $id) { __typename id ... on Workspace { slug name } } }`, map[string]any{"id": fx.id})
				if len(errs) == 0 {
					if got := pick[string](t, data, "node.__typename") + " " + pick[string](t, data, "node.slug"); got != "Workspace "+fx.slug {
						t.Errorf("node = %s, want Workspace %s", got, fx.slug)
					}
				} else if !isNull(t, data, "node") {
					t.Errorf("refused, yet data.node is %s", pick[json.RawMessage](t, data, "node"))
				}
				return outcome(errs)
			},
		},
		{
			name: "node(member row)",
			want: row(ok, ok, ok, ok, notFound, unauthn),
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				data, errs := w.as(p).do(t, `query($id: ID!) { node(id: $id) { __typename id ... on WorkspaceMember { role workspaceID user { email } } } }`,
					map[string]any{"id": fx.memberRow["guest"]})
				if len(errs) == 0 {
					if got := pick[string](t, data, "node.__typename"); got != "WorkspaceMember" {
						t.Errorf("node.__typename %q, want WorkspaceMember", got)
					}
					if got := pick[string](t, data, "node.role"); got != "guest" {
						t.Errorf("node.role %q, want guest", got)
					}
					if got := pick[string](t, data, "node.workspaceID"); got != fx.id {
						t.Errorf("node.workspaceID %q, want %q", got, fx.id)
					}
					if got := pick[string](t, data, "node.user.email"); got != "guest@matrix.test" {
						t.Errorf("node.user.email %q, want guest@matrix.test", got)
					}
				} else if !isNull(t, data, "node") {
					t.Errorf("refused, yet data.node is %s", pick[json.RawMessage](t, data, "node"))
				}
				return outcome(errs)
			},
		},
		{
			name: "workspaces lists W",
			want: row(ok, ok, ok, ok, absent, unauthn),
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				data, errs := w.as(p).do(t, workspaceSlugsQuery, nil)
				if len(errs) > 0 {
					return outcome(errs)
				}
				slugs := slugsOf(t, data, "workspaces")
				if n := pick[int](t, data, "workspaces.totalCount"); n != len(slugs) {
					t.Errorf("totalCount %d but %d edges", n, len(slugs))
				}
				if p == "outsider" && !sameSet(slugs, []string{"elsewhere"}) {
					t.Errorf("outsider's workspaces %q, want only [elsewhere]", slugs)
				}
				if contains(slugs, "elsewhere") && p != "outsider" {
					t.Errorf("%s sees the outsider's workspace: %q", p, slugs)
				}
				if contains(slugs, fx.slug) {
					return ok
				}
				return absent
			},
		},
		{
			name: "W.members.totalCount",
			want: row(ok, ok, ok, ok, notFound, unauthn),
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				data, errs := w.as(p).do(t, `query($id: ID!) { node(id: $id) { ... on Workspace { members { totalCount } } } }`, map[string]any{"id": fx.id})
				if len(errs) == 0 {
					if n := pick[int](t, data, "node.members.totalCount"); n != 5 {
						t.Errorf("members totalCount %d, want 5", n)
					}
				}
				return outcome(errs)
			},
		},
		{
			name: "appTemplates",
			want: row(ok, ok, ok, ok, ok, unauthn),
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				data, errs := w.as(p).do(t, appTemplateSlugsQuery, nil)
				if len(errs) == 0 {
					if got := slugsOf(t, data, "appTemplates"); !sameSet(got, []string{"container-app", "n8n", "odoo"}) {
						t.Errorf("marketplace %q, want the active templates [container-app n8n odoo]", got)
					}
				}
				return outcome(errs)
			},
		},
		// Platform administration: no workspace role opens it (the
		// platform admin's side: admin_users_test.go).
		{
			name: "users",
			want: row(forbidden, forbidden, forbidden, forbidden, forbidden, unauthn),
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				_, errs := w.as(p).do(t, usersQuery, map[string]any{"search": "spare"})
				return outcome(errs)
			},
		},
		{
			name: "setPlatformAdmin",
			want: row(forbidden, forbidden, forbidden, forbidden, forbidden, unauthn),
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				_, errs := w.as(p).do(t, setPlatformAdminMut, map[string]any{"id": w.accounts["spare"].id, "admin": true})
				return outcome(errs)
			},
		},
		{
			name: "setUserDisabled",
			want: row(forbidden, forbidden, forbidden, forbidden, forbidden, unauthn),
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				_, errs := w.as(p).do(t, setUserDisabledMut, map[string]any{"id": w.accounts["spare"].id, "disabled": true})
				return outcome(errs)
			},
		},
		{
			// Platform admins only, whatever the workspace role.
			name: "POST /api/charts",
			want: row(forbidden, forbidden, forbidden, forbidden, forbidden, unauthn),
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				archive := tgz(t, map[string]string{"m/Chart.yaml": "apiVersion: v2\nname: m\nversion: 1.0.0\n"})
				st, out := upload(t, w.as(p), archive, "application/gzip")
				switch st {
				case http.StatusCreated:
					return ok
				case http.StatusForbidden:
					return forbidden
				case http.StatusUnauthorized:
					return unauthn
				}
				return fmt.Sprintf("HTTP %d %v", st, out)
			},
		},
		{
			name:  "updateWorkspace(rename)",
			want:  row(ok, ok, forbidden, forbidden, notFound, unauthn),
			fresh: true,
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				newName := fx.name + " renamed by " + p
				data, errs := w.as(p).do(t, updateWorkspaceMut, map[string]any{"id": fx.id, "name": newName})
				if len(errs) == 0 {
					if got := pick[string](t, data, "updateWorkspace.workspace.name"); got != newName {
						t.Errorf("returned name %q, want %q", got, newName)
					}
				}
				want := fx.name
				if len(errs) == 0 {
					want = newName
				}
				if got := pick[string](t, w.ownerView(t, fx), "workspace.name"); got != want {
					t.Errorf("stored name %q, want %q", got, want)
				}
				return outcome(errs)
			},
		},
		{
			name:  "inviteMember(joiner as user)",
			want:  row(ok, ok, forbidden, forbidden, notFound, unauthn),
			fresh: true,
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				data, errs := w.as(p).do(t, inviteMemberMutation, map[string]any{"ws": fx.id, "email": "joiner@matrix.test", "role": "user"})
				want := map[string]string{"owner@matrix.test": "owner", "admin@matrix.test": "admin", "user@matrix.test": "user",
					"guest@matrix.test": "guest", "spare@matrix.test": "guest"}
				// Nobody joins by being invited.
				if got := memberRoles(t, w.ownerView(t, fx)); fmtMap(got) != fmtMap(want) {
					t.Errorf("members %v, want %v", got, want)
				}
				if len(errs) == 0 {
					// The joiner joins by following the link.
					w.accounts["joiner"].mustDo(t, acceptInvitationMut, map[string]any{"input": map[string]any{
						"token": tokenOfLink(t, pick[string](t, data, "inviteMember.link"))}})
					want["joiner@matrix.test"] = "user"
					if got := memberRoles(t, w.ownerView(t, fx)); fmtMap(got) != fmtMap(want) {
						t.Errorf("members after accepting %v, want %v", got, want)
					}
				} else if d := string(data); d != "" && d != "null" {
					t.Errorf("refused, yet data: %s", d)
				}
				return outcome(errs)
			},
		},
		{
			name: "W.invitations (pending)",
			want: row(ok, ok, absent, absent, notFound, unauthn),
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				data, errs := w.as(p).do(t, `query($slug: String!) { workspace(slug: $slug) { pendingInvitations { id email } } }`,
					map[string]any{"slug": fx.slug})
				if len(errs) > 0 {
					return outcome(errs)
				}
				switch n := len(pick[[]json.RawMessage](t, data, "workspace.pendingInvitations")); n {
				case 0:
					return absent
				case 1:
					if got := pick[string](t, data, "workspace.pendingInvitations.0.id"); got != fx.invitation {
						t.Errorf("invitation %q, want %q", got, fx.invitation)
					}
					return ok
				default:
					t.Errorf("%d pending invitations", n)
					return "WRONG"
				}
			},
		},
		{
			name: "acceptInvitation(another's, by id)",
			want: row(notFound, notFound, notFound, notFound, notFound, unauthn),
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				_, errs := w.as(p).do(t, acceptInvitationMut, map[string]any{"input": map[string]any{"id": fx.invitation}})
				return outcome(errs)
			},
		},
		{
			name:  "cancelInvitation",
			want:  row(ok, ok, notFound, notFound, notFound, unauthn),
			fresh: true,
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				_, errs := w.as(p).do(t, `mutation($id: ID!) { cancelInvitation(input: {id: $id}) { invitation { id status } } }`, map[string]any{"id": fx.invitation})
				data := w.accounts["owner"].mustDo(t, `query($slug: String!) { workspace(slug: $slug) { pendingInvitations { status } } }`,
					map[string]any{"slug": fx.slug})
				waiting := len(pick[[]json.RawMessage](t, data, "workspace.pendingInvitations"))
				if want := map[bool]int{true: 1, false: 0}[len(errs) > 0]; waiting != want {
					t.Errorf("after %s: %d invitations waiting, want %d", outcome(errs), waiting, want)
				}
				return outcome(errs)
			},
		},
		{
			name:  "createInvitationLink",
			want:  row(ok, ok, notFound, notFound, notFound, unauthn),
			fresh: true,
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				data, errs := w.as(p).do(t, `mutation($id: ID!) { createInvitationLink(input: {id: $id}) { link } }`, map[string]any{"id": fx.invitation})
				if len(errs) == 0 {
					tok := tokenOfLink(t, pick[string](t, data, "createInvitationLink.link"))
					d := w.anon.mustDo(t, invitationByTokenQuery, map[string]any{"token": tok})
					if got := pick[string](t, d, "invitationByToken.email"); got != "pending@matrix.test" {
						t.Errorf("the new link shows %s", d)
					}
				} else if d := string(data); d != "" && d != "null" {
					t.Errorf("refused, yet data: %s", d)
				}
				return outcome(errs)
			},
		},
		{
			name:  "updateMemberRole(guest to user)",
			want:  row(ok, ok, forbidden, forbidden, notFound, unauthn),
			fresh: true,
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				data, errs := w.as(p).do(t, updateRoleMutation, map[string]any{"ws": fx.id, "user": w.accounts["guest"].id, "role": "user"})
				if len(errs) == 0 {
					if got := pick[string](t, data, "updateMemberRole.member.role"); got != "user" {
						t.Errorf("returned role %q, want user", got)
					}
				}
				want := "guest"
				if len(errs) == 0 {
					want = "user"
				}
				if got := memberRoles(t, w.ownerView(t, fx))["guest@matrix.test"]; got != want {
					t.Errorf("guest's stored role %q, want %q", got, want)
				}
				return outcome(errs)
			},
		},
		{
			name:  "removeMember(spare)",
			want:  row(ok, ok, forbidden, forbidden, notFound, unauthn),
			fresh: true,
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				spare := w.accounts["spare"]
				data, errs := w.as(p).do(t, removeMemberMutation, map[string]any{"ws": fx.id, "user": spare.id})
				if len(errs) == 0 {
					if got := pick[string](t, data, "removeMember.removedUserId"); got != spare.id {
						t.Errorf("removedUserId %q, want %q", got, spare.id)
					}
				}
				_, stillMember := memberRoles(t, w.ownerView(t, fx))["spare@matrix.test"]
				if stillMember != (len(errs) > 0) {
					t.Errorf("after %s: spare still a member = %v", outcome(errs), stillMember)
				}
				// The removed member no longer sees the workspace.
				_, serrs := spare.do(t, workspaceBySlugQuery, map[string]any{"slug": fx.slug})
				if wantSpare := map[bool]string{true: ok, false: notFound}[stillMember]; outcome(serrs) != wantSpare {
					t.Errorf("spare reading the workspace: %s, want %s", outcome(serrs), wantSpare)
				}
				return outcome(errs)
			},
		},
		{
			name:  "transferOwnership(to spare)",
			want:  row(ok, forbidden, forbidden, forbidden, notFound, unauthn),
			fresh: true,
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				spare := w.accounts["spare"]
				_, errs := w.as(p).do(t, transferOwnershipMut, map[string]any{"ws": fx.id, "user": spare.id})
				view := w.ownerView(t, fx)
				roles := memberRoles(t, view)
				wantOwner, wantRoles := w.accounts["owner"].id, "owner@matrix.test:owner spare@matrix.test:guest"
				if len(errs) == 0 {
					wantOwner, wantRoles = spare.id, "owner@matrix.test:admin spare@matrix.test:owner"
				}
				if got := pick[string](t, view, "workspace.owner.id"); got != wantOwner {
					t.Errorf("owner.id %q, want %q", got, wantOwner)
				}
				if got := "owner@matrix.test:" + roles["owner@matrix.test"] + " spare@matrix.test:" + roles["spare@matrix.test"]; got != wantRoles {
					t.Errorf("roles %q, want %q", got, wantRoles)
				}
				return outcome(errs)
			},
		},
		{
			name:  "archiveWorkspace",
			want:  row(ok, forbidden, forbidden, forbidden, notFound, unauthn),
			fresh: true,
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				data, errs := w.as(p).do(t, archiveWorkspaceMut, map[string]any{"id": fx.id})
				want := "active"
				if len(errs) == 0 {
					want = "archived"
					if got := pick[string](t, data, "archiveWorkspace.workspace.state"); got != want {
						t.Errorf("returned state %q, want archived", got)
					}
				}
				if got := pick[string](t, w.ownerView(t, fx), "workspace.state"); got != want {
					t.Errorf("stored state %q, want %q", got, want)
				}
				return outcome(errs)
			},
		},
		{
			name:  "leaveWorkspace",
			want:  row(conflict, ok, ok, ok, notFound, unauthn),
			fresh: true,
			do: func(t *testing.T, p string, fx *matrixFixture) string {
				data, errs := w.as(p).do(t, leaveWorkspaceMut, map[string]any{"ws": fx.id})
				if len(errs) == 0 {
					if got := pick[string](t, data, "leaveWorkspace.workspaceId"); got != fx.id {
						t.Errorf("workspaceId %q, want %q", got, fx.id)
					}
				}
				roles := memberRoles(t, w.ownerView(t, fx))
				if n := len(roles); n != map[bool]int{true: 5, false: 4}[len(errs) > 0] {
					t.Errorf("after %s: %d members %v", outcome(errs), n, roles)
				}
				if acc, isAccount := w.accounts[p]; isAccount && len(errs) == 0 {
					if _, still := roles[acc.email]; still {
						t.Errorf("%s is still a member after leaving", p)
					}
					acc.expectErr(t, notFound, "", workspaceBySlugQuery, map[string]any{"slug": fx.slug})
				}
				return outcome(errs)
			},
		},
	}

	for _, o := range ops {
		for _, p := range personas {
			t.Run(o.name+"/"+p, func(t *testing.T) {
				fx := shared
				if o.fresh {
					fx = w.fixture(t, o.name+" "+p)
				}
				if got, want := o.do(t, p, fx), o.want[p]; got != want {
					t.Errorf("%s as %s: %s, want %s", o.name, p, got, want)
				}
			})
		}
	}

	// The read operations changed nothing in the shared workspace.
	want := map[string]string{"owner@matrix.test": "owner", "admin@matrix.test": "admin", "user@matrix.test": "user",
		"guest@matrix.test": "guest", "spare@matrix.test": "guest"}
	view := w.ownerView(t, shared)
	if got := memberRoles(t, view); fmtMap(got) != fmtMap(want) {
		t.Errorf("shared workspace members %v, want %v", got, want)
	}
	if got := pick[string](t, view, "workspace.state"); got != "active" {
		t.Errorf("shared workspace state %q, want active", got)
	}
	srv.Stop(t)
}
