package workspaces_test

import (
	"context"
	"crypto/md5"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/woowtech/woow-paas/accounts"
	"github.com/woowtech/woow-paas/activity"
	"github.com/woowtech/woow-paas/activity/activitytest"
	"github.com/woowtech/woow-paas/auth/authtest"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/activityevent"
	"github.com/woowtech/woow-paas/ent/hook"
	"github.com/woowtech/woow-paas/ent/workspace"
	"github.com/woowtech/woow-paas/ent/workspacemember"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/role"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/viewer"
	"github.com/woowtech/woow-paas/workspaces"
)

// ---------------------------------------------------------------- helpers

type env struct {
	t   *testing.T
	c   *ent.Client
	acc *accounts.Service
	ws  *workspaces.Service
}

func setup(t *testing.T) *env {
	t.Helper()
	db := storetest.Open(t)
	// Every entry the test made says its summary with its params.
	t.Cleanup(func() { activitytest.Check(t, db.Client) })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return &env{
		t:   t,
		c:   db.Client,
		acc: accounts.New(db.Client, accounts.Config{Hasher: authtest.Hasher(), Log: log}),
		ws:  workspaces.New(db.Client, workspaces.Config{PublicURL: "http://woow.test"}),
	}
}

var sys = viewer.System(context.Background())

// user registers an account.
func (e *env) user(email string) *ent.User {
	e.t.Helper()
	u, _, err := e.acc.Register(context.Background(), accounts.RegisterInput{
		Email: email, Password: "correct horse battery", Name: strings.Split(email, "@")[0],
	})
	if err != nil {
		e.t.Fatalf("Register(%s): %v", email, err)
	}
	// As if it had followed the link e-mailed to it: invitations to the
	// address show in the app.
	return e.c.User.UpdateOne(u).SetEmailVerifiedAt(time.Now()).SaveX(sys)
}

// unverifiedUser registers an account that never proved its address.
func (e *env) unverifiedUser(email string) *ent.User {
	e.t.Helper()
	u, _, err := e.acc.Register(context.Background(), accounts.RegisterInput{
		Email: email, Password: "correct horse battery", Name: strings.Split(email, "@")[0],
	})
	if err != nil {
		e.t.Fatalf("Register(%s): %v", email, err)
	}
	return u
}

func as(u *ent.User) context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{UserID: u.ID})
}

// create makes a workspace owned by owner.
func (e *env) create(owner *ent.User, name string) *ent.Workspace {
	e.t.Helper()
	w, err := e.ws.Create(as(owner), name, "")
	if err != nil {
		e.t.Fatalf("Create(%q): %v", name, err)
	}
	return w
}

// invite adds u to w with r, invited by by: an invitation, accepted by u
// among its pending invitations.
func (e *env) invite(by *ent.User, w *ent.Workspace, u *ent.User, r role.Role) {
	e.t.Helper()
	inv, link, err := e.ws.Invite(as(by), w.ID, u.Email, r)
	if err != nil || inv == nil || link == "" {
		e.t.Fatalf("Invite(%s as %s) = %v, %q, %v", u.Email, r, inv, link, err)
	}
	if _, err := e.ws.Accept(as(u), workspaces.Answer{ID: inv.ID}); err != nil {
		e.t.Fatalf("Accept(%s) = %v", u.Email, err)
	}
}

// roles returns every member's role in w, read with a system context.
func (e *env) roles(wsID int) map[int]role.Role {
	e.t.Helper()
	ms, err := e.c.WorkspaceMember.Query().Where(workspacemember.WorkspaceID(wsID)).All(sys)
	if err != nil {
		e.t.Fatal(err)
	}
	out := map[int]role.Role{}
	for _, m := range ms {
		out[m.UserID] = m.Role
	}
	return out
}

// checkOwner asserts that wsID has exactly one owner membership, that it
// is want's, and that the workspace row names the same owner.
func (e *env) checkOwner(wsID int, want *ent.User) {
	e.t.Helper()
	var owners []int
	for uid, r := range e.roles(wsID) {
		if r == role.Owner {
			owners = append(owners, uid)
		}
	}
	if len(owners) != 1 || owners[0] != want.ID {
		e.t.Errorf("owners of workspace %d = %v, want exactly [%d]", wsID, owners, want.ID)
	}
	w, err := e.c.Workspace.Get(sys, wsID)
	if err != nil {
		e.t.Fatal(err)
	}
	if w.OwnerID != want.ID {
		e.t.Errorf("workspace %d owner_id = %d, want %d", wsID, w.OwnerID, want.ID)
	}
}

// events counts wsID's activity events by verb.
func (e *env) events(wsID int) map[string]int {
	e.t.Helper()
	evs, err := e.c.ActivityEvent.Query().Where(activityevent.WorkspaceID(wsID)).All(sys)
	if err != nil {
		e.t.Fatal(err)
	}
	out := map[string]int{}
	for _, ev := range evs {
		out[ev.Verb]++
	}
	return out
}

func (e *env) checkEvents(wsID int, want map[string]int) {
	e.t.Helper()
	if got := e.events(wsID); !maps.Equal(got, want) {
		e.t.Errorf("activity of workspace %d = %v, want %v", wsID, got, want)
	}
}

func wantCode(t *testing.T, err error, code errs.Code) {
	t.Helper()
	if got := errs.CodeOf(err); got != code {
		t.Errorf("error = %v (code %q), want %s", err, got, code)
	}
}

func wantField(t *testing.T, err error, code errs.Code, field string) {
	t.Helper()
	var e *errs.Error
	if !errors.As(err, &e) || e.Code != code || e.Field != field {
		t.Errorf("error = %v, want %s on field %q", err, code, field)
	}
}

// ------------------------------------------------------------------ pure

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Acme", "acme"},
		{"Acme Inc.", "acme-inc"},
		{"  Hello,   World!  ", "hello-world"},
		{"--a--b--", "a-b"},
		{"Team #1 (prod)", "team-1-prod"},
		{"snake_case_name", "snake-case-name"},
		{"R&D / QA", "r-d-qa"},
		{"2024 Roadmap", "2024-roadmap"},
		// Accented Latin letters lose their accents; other letters are
		// dropped; a name with none left is "workspace".
		{"Café Ölmühle", "cafe-olmuhle"},
		{"Ünïcode", "unicode"},
		{"Straße Æsir Łódź Øre", "strasse-aesir-lodz-ore"},
		{"ﬁle Ｗｉｄｅ", "file-wide"},
		{"東京チーム", "workspace"},
		{"Team 東京", "team"},
		{"🚀🚀🚀", "workspace"},
		{"", "workspace"},
		{"   ", "workspace"},
		{"!!!", "workspace"},
		{"---", "workspace"},
		// At most 40 characters, and no hyphen left at the cut.
		{strings.Repeat("a", 50), strings.Repeat("a", 40)},
		{strings.Repeat("a", 39) + " bcd", strings.Repeat("a", 39)},
		{strings.Repeat("ab ", 20), strings.Repeat("ab-", 13) + "a"}, // cut mid-word
	}
	for _, tt := range tests {
		if got := workspaces.Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlugifyShape(t *testing.T) {
	shape := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	inputs := []string{
		"Ünïcödé Wörkspace", "İstanbul", "ＡＢＣ", "a\tb\nc", "x" + strings.Repeat("-", 45) + "y",
		strings.Repeat("é", 100), strings.Repeat("a-", 30), "K kelvin", "ß straße",
		"\x00\xff invalid utf8", strings.Repeat("word ", 30),
	}
	for _, in := range inputs {
		got := workspaces.Slugify(in)
		if !shape.MatchString(got) || len(got) > 40 {
			t.Errorf("Slugify(%q) = %q: not lower-case ASCII words joined by single hyphens, at most 40", in, got)
		}
	}
}

func TestNamespace(t *testing.T) {
	for _, slug := range []string{"acme", "acme-1", "workspace", "a"} {
		want := fmt.Sprintf("paas-ws-%x", md5.Sum([]byte(slug)))[:len("paas-ws-")+8]
		if got := workspaces.Namespace(slug); got != want {
			t.Errorf("Namespace(%q) = %q, want %q", slug, got, want)
		}
	}
	// md5("acme") = 53bce4f1dfa0fe8e7ca126f91b35d3a6.
	if got := workspaces.Namespace("acme"); got != "paas-ws-53bce4f1" {
		t.Errorf("Namespace(acme) = %q, want paas-ws-53bce4f1", got)
	}
}

// -------------------------------------------------------------- database

func TestCreate(t *testing.T) {
	e := setup(t)
	alice, bob := e.user("alice@example.com"), e.user("bob@example.com")

	for i, tt := range []struct {
		by   *ent.User
		name string
		want string
	}{
		{alice, "Acme", "acme"},
		{bob, "Acme", "acme-1"},
		{alice, "ACME!", "acme-2"},
		{bob, "Acme Corp", "acme-corp"},
		{bob, "acme", "acme-3"},
	} {
		w, err := e.ws.Create(as(tt.by), tt.name, "  the description  ")
		if err != nil {
			t.Fatalf("%d: Create(%q): %v", i, tt.name, err)
		}
		if w.Slug != tt.want || w.Name != strings.TrimSpace(tt.name) {
			t.Errorf("%d: Create(%q) slug %q name %q, want slug %q", i, tt.name, w.Slug, w.Name, tt.want)
		}
		if w.Description != "the description" || w.State != workspace.StateActive {
			t.Errorf("%d: description %q state %q", i, w.Description, w.State)
		}
		if got := e.roles(w.ID); len(got) != 1 || got[tt.by.ID] != role.Owner {
			t.Errorf("%d: members %v, want only the creator as owner", i, got)
		}
		e.checkOwner(w.ID, tt.by)
		e.checkEvents(w.ID, map[string]int{"workspace.created": 1})
	}

	_, err := e.ws.Create(as(alice), "   ", "")
	wantField(t, err, errs.Invalid, "name")
	_, err = e.ws.Create(as(alice), strings.Repeat("ä", 101), "")
	wantField(t, err, errs.Invalid, "name")
	_, err = e.ws.Create(as(alice), "ok", strings.Repeat("d", 2001))
	wantField(t, err, errs.Invalid, "description")
	_, err = e.ws.Create(context.Background(), "Anonymous", "")
	wantCode(t, err, errs.Unauthenticated)

	if n, _ := e.c.Workspace.Query().Count(sys); n != 5 {
		t.Errorf("%d workspaces, want 5 (failed creations must add none)", n)
	}
}

// fixture is one workspace with a member of every role and an outsider.
type fixture struct {
	*env
	w                                  *ent.Workspace
	owner, admin, member, guest, outer *ent.User
}

func newFixture(t *testing.T) *fixture {
	e := setup(t)
	f := &fixture{env: e,
		owner: e.user("owner@example.com"), admin: e.user("admin@example.com"),
		member: e.user("member@example.com"), guest: e.user("guest@example.com"),
		outer: e.user("outer@example.com"),
	}
	f.w = e.create(f.owner, "Acme")
	e.invite(f.owner, f.w, f.admin, role.Admin)
	e.invite(f.admin, f.w, f.member, role.User)
	e.invite(f.admin, f.w, f.guest, role.Guest)
	e.create(f.outer, "Elsewhere")
	e.checkEvents(f.w.ID, map[string]int{"workspace.created": 1, "member.invited": 3, "member.joined": 3})
	return f
}

func TestUpdate(t *testing.T) {
	f := newFixture(t)
	name, desc := "Acme Labs", "We build things"
	w, err := f.ws.Update(as(f.admin), f.w.ID, &name, &desc)
	if err != nil {
		t.Fatal(err)
	}
	if w.Name != name || w.Description != desc || w.Slug != "acme" {
		t.Errorf("updated %+v: want the new name and description, the slug unchanged", w)
	}
	f.checkEvents(f.w.ID, map[string]int{"workspace.created": 1, "member.invited": 3, "member.joined": 3, "workspace.updated": 1})

	// Nothing changed: nothing recorded.
	if _, err := f.ws.Update(as(f.owner), f.w.ID, &name, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := f.ws.Update(as(f.owner), f.w.ID, nil, nil); err != nil {
		t.Fatal(err)
	}

	empty, long := " ", strings.Repeat("n", 101)
	for _, tt := range []struct {
		name  string
		by    *ent.User
		n     *string
		code  errs.Code
		field string
	}{
		{"user", f.member, &name, errs.Forbidden, ""},
		{"guest", f.guest, &name, errs.Forbidden, ""},
		{"outsider", f.outer, &name, errs.NotFound, ""},
		{"empty name", f.owner, &empty, errs.Invalid, "name"},
		{"long name", f.owner, &long, errs.Invalid, "name"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.ws.Update(as(tt.by), f.w.ID, tt.n, nil)
			if tt.field != "" {
				wantField(t, err, tt.code, tt.field)
			} else {
				wantCode(t, err, tt.code)
			}
		})
	}
	_, err = f.ws.Update(as(f.owner), 987654, &name, nil)
	wantCode(t, err, errs.NotFound)

	got, _ := f.c.Workspace.Get(sys, f.w.ID)
	if got.Name != name {
		t.Errorf("name after refused updates = %q", got.Name)
	}
	f.checkEvents(f.w.ID, map[string]int{"workspace.created": 1, "member.invited": 3, "member.joined": 3, "workspace.updated": 1})
}

func TestUpdateRole(t *testing.T) {
	f := newFixture(t)
	base := map[string]int{"workspace.created": 1, "member.invited": 3, "member.joined": 3}

	m, err := f.ws.UpdateRole(as(f.admin), f.w.ID, f.guest.ID, role.User)
	if err != nil || m.Role != role.User || m.UserID != f.guest.ID {
		t.Fatalf("UpdateRole(guest→user) = %v, %v", m, err)
	}
	base["member.role_changed"] = 1
	f.checkEvents(f.w.ID, base)
	f.checkOwner(f.w.ID, f.owner)

	// An admin may promote to admin and demote another admin.
	if _, err := f.ws.UpdateRole(as(f.admin), f.w.ID, f.member.ID, role.Admin); err != nil {
		t.Fatal(err)
	}
	if _, err := f.ws.UpdateRole(as(f.member), f.w.ID, f.admin.ID, role.Guest); err != nil {
		t.Fatal(err)
	}
	base["member.role_changed"] = 3
	f.checkEvents(f.w.ID, base)
	if got := f.roles(f.w.ID); got[f.member.ID] != role.Admin || got[f.admin.ID] != role.Guest || got[f.guest.ID] != role.User {
		t.Errorf("roles = %v", got)
	}
	// The same role again changes nothing and records nothing.
	if m, err := f.ws.UpdateRole(as(f.owner), f.w.ID, f.guest.ID, role.User); err != nil || m.Role != role.User {
		t.Errorf("UpdateRole(same) = %v, %v", m, err)
	}
	f.checkEvents(f.w.ID, base)

	// Now: owner, member=admin, admin=guest, guest=user.
	for _, tt := range []struct {
		name  string
		by    *ent.User
		uid   int
		r     role.Role
		code  errs.Code
		field string
	}{
		{"admin assigns owner", f.member, f.guest.ID, role.Owner, errs.Invalid, "role"},
		{"owner assigns owner", f.owner, f.guest.ID, role.Owner, errs.Invalid, "role"},
		{"admin demotes the owner", f.member, f.owner.ID, role.Admin, errs.Conflict, ""},
		{"owner demotes themself", f.owner, f.owner.ID, role.Admin, errs.Conflict, ""},
		{"user changes roles", f.guest, f.admin.ID, role.User, errs.Forbidden, ""},
		{"guest changes roles", f.admin, f.guest.ID, role.Guest, errs.Forbidden, ""},
		{"outsider changes roles", f.outer, f.guest.ID, role.Guest, errs.NotFound, ""},
		// Authorised before the input is checked.
		{"outsider assigns owner", f.outer, f.guest.ID, role.Owner, errs.NotFound, ""},
		{"user assigns a bad role", f.guest, f.admin.ID, "root", errs.Forbidden, ""},
		{"not a member", f.owner, f.outer.ID, role.User, errs.Invalid, "userId"},
		{"unknown role", f.owner, f.guest.ID, "root", errs.Invalid, "role"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.ws.UpdateRole(as(tt.by), f.w.ID, tt.uid, tt.r)
			if tt.field != "" {
				wantField(t, err, tt.code, tt.field)
			} else {
				wantCode(t, err, tt.code)
			}
			f.checkOwner(f.w.ID, f.owner)
		})
	}
	f.checkEvents(f.w.ID, base)
	if got := f.roles(f.w.ID); got[f.member.ID] != role.Admin || got[f.admin.ID] != role.Guest || got[f.guest.ID] != role.User {
		t.Errorf("roles changed by refused updates: %v", got)
	}
}

func TestRemove(t *testing.T) {
	f := newFixture(t)
	base := map[string]int{"workspace.created": 1, "member.invited": 3, "member.joined": 3}
	for _, tt := range []struct {
		name  string
		by    *ent.User
		uid   int
		code  errs.Code
		field string
	}{
		{"the owner", f.admin, f.owner.ID, errs.Conflict, ""},
		{"oneself", f.admin, f.admin.ID, errs.Invalid, "userId"},
		{"owner removes themself", f.owner, f.owner.ID, errs.Invalid, "userId"},
		{"by a user", f.member, f.guest.ID, errs.Forbidden, ""},
		{"by a guest", f.guest, f.member.ID, errs.Forbidden, ""},
		{"by an outsider", f.outer, f.guest.ID, errs.NotFound, ""},
		{"outsider removes themself", f.outer, f.outer.ID, errs.NotFound, ""},
		{"not a member", f.admin, f.outer.ID, errs.Invalid, "userId"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.ws.Remove(as(tt.by), f.w.ID, tt.uid)
			if tt.field != "" {
				wantField(t, err, tt.code, tt.field)
			} else {
				wantCode(t, err, tt.code)
			}
		})
	}
	f.checkEvents(f.w.ID, base)
	if n := len(f.roles(f.w.ID)); n != 4 {
		t.Fatalf("%d members after refused removals, want 4", n)
	}

	w, err := f.ws.Remove(as(f.admin), f.w.ID, f.member.ID)
	if err != nil || w == nil || w.ID != f.w.ID {
		t.Fatalf("Remove = %v, %v", w, err)
	}
	if _, ok := f.roles(f.w.ID)[f.member.ID]; ok {
		t.Error("the removed member is still a member")
	}
	base["member.removed"] = 1
	f.checkEvents(f.w.ID, base)
	f.checkOwner(f.w.ID, f.owner)
	// The removed member no longer sees the workspace.
	_, err = f.c.Workspace.Get(as(f.member), f.w.ID)
	if !ent.IsNotFound(err) {
		t.Errorf("removed member reads the workspace: %v", err)
	}
	// The owner removes an admin.
	if _, err := f.ws.Remove(as(f.owner), f.w.ID, f.admin.ID); err != nil {
		t.Fatal(err)
	}
	base["member.removed"] = 2
	f.checkEvents(f.w.ID, base)
	f.checkOwner(f.w.ID, f.owner)
}

func TestLeave(t *testing.T) {
	f := newFixture(t)
	base := map[string]int{"workspace.created": 1, "member.invited": 3, "member.joined": 3}

	wantCode(t, f.ws.Leave(as(f.owner), f.w.ID), errs.Conflict)
	wantCode(t, f.ws.Leave(as(f.outer), f.w.ID), errs.NotFound)
	wantCode(t, f.ws.Leave(context.Background(), f.w.ID), errs.Unauthenticated)
	f.checkEvents(f.w.ID, base)
	f.checkOwner(f.w.ID, f.owner)

	for i, u := range []*ent.User{f.guest, f.member, f.admin} {
		if err := f.ws.Leave(as(u), f.w.ID); err != nil {
			t.Fatalf("Leave(%s): %v", u.Email, err)
		}
		if _, ok := f.roles(f.w.ID)[u.ID]; ok {
			t.Errorf("%s is still a member after leaving", u.Email)
		}
		base["member.left"] = i + 1
		f.checkEvents(f.w.ID, base)
		f.checkOwner(f.w.ID, f.owner)
		// Gone is gone: the workspace is NOT_FOUND, leaving again too.
		wantCode(t, f.ws.Leave(as(u), f.w.ID), errs.NotFound)
	}
	// The owner, alone now, still cannot leave.
	wantCode(t, f.ws.Leave(as(f.owner), f.w.ID), errs.Conflict)
}

func TestTransferOwnership(t *testing.T) {
	f := newFixture(t)
	base := map[string]int{"workspace.created": 1, "member.invited": 3, "member.joined": 3}
	for _, tt := range []struct {
		name  string
		by    *ent.User
		uid   int
		code  errs.Code
		field string
	}{
		{"by an admin", f.admin, f.member.ID, errs.Forbidden, ""},
		// Authorised before the input is checked.
		{"admin to themself", f.admin, f.admin.ID, errs.Forbidden, ""},
		{"by a user", f.member, f.member.ID, errs.Forbidden, ""},
		{"by a guest", f.guest, f.admin.ID, errs.Forbidden, ""},
		{"by an outsider", f.outer, f.outer.ID, errs.NotFound, ""},
		{"outsider to member", f.outer, f.admin.ID, errs.NotFound, ""},
		{"to oneself", f.owner, f.owner.ID, errs.Invalid, "userId"},
		{"to a non-member", f.owner, f.outer.ID, errs.Invalid, "userId"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.ws.TransferOwnership(as(tt.by), f.w.ID, tt.uid)
			if tt.field != "" {
				wantField(t, err, tt.code, tt.field)
			} else {
				wantCode(t, err, tt.code)
			}
			f.checkOwner(f.w.ID, f.owner)
		})
	}
	f.checkEvents(f.w.ID, base)

	w, err := f.ws.TransferOwnership(as(f.owner), f.w.ID, f.admin.ID)
	if err != nil {
		t.Fatal(err)
	}
	if w.OwnerID != f.admin.ID {
		t.Errorf("returned workspace owner = %d, want %d", w.OwnerID, f.admin.ID)
	}
	f.checkOwner(f.w.ID, f.admin)
	if got := f.roles(f.w.ID)[f.owner.ID]; got != role.Admin {
		t.Errorf("former owner's role = %q, want admin", got)
	}
	base["workspace.ownership_transferred"] = 1
	f.checkEvents(f.w.ID, base)

	// The former owner is an admin now: no more transfers or archiving,
	// and may leave.
	_, err = f.ws.TransferOwnership(as(f.owner), f.w.ID, f.member.ID)
	wantCode(t, err, errs.Forbidden)
	_, err = f.ws.Archive(as(f.owner), f.w.ID)
	wantCode(t, err, errs.Forbidden)
	// The new owner cannot leave.
	wantCode(t, f.ws.Leave(as(f.admin), f.w.ID), errs.Conflict)

	// Ownership can go to a guest, and on again.
	if _, err := f.ws.TransferOwnership(as(f.admin), f.w.ID, f.guest.ID); err != nil {
		t.Fatal(err)
	}
	f.checkOwner(f.w.ID, f.guest)
	if err := f.ws.Leave(as(f.owner), f.w.ID); err != nil {
		t.Errorf("former owner cannot leave: %v", err)
	}
	base["workspace.ownership_transferred"] = 2
	base["member.left"] = 1
	f.checkEvents(f.w.ID, base)
	if got := f.roles(f.w.ID); got[f.admin.ID] != role.Admin || got[f.guest.ID] != role.Owner || len(got) != 3 {
		t.Errorf("roles = %v", got)
	}
	if r, err := f.ws.ViewerRole(as(f.guest), f.w.ID); err != nil || r != role.Owner {
		t.Errorf("ViewerRole(new owner) = %q, %v", r, err)
	}
}

func TestArchive(t *testing.T) {
	f := newFixture(t)
	base := map[string]int{"workspace.created": 1, "member.invited": 3, "member.joined": 3}

	_, err := f.ws.Archive(as(f.admin), f.w.ID)
	wantCode(t, err, errs.Forbidden)
	_, err = f.ws.Archive(as(f.outer), f.w.ID)
	wantCode(t, err, errs.NotFound)
	f.checkEvents(f.w.ID, base)

	w, err := f.ws.Archive(as(f.owner), f.w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if w.State != workspace.StateArchived {
		t.Errorf("state = %q, want archived", w.State)
	}
	base["workspace.archived"] = 1
	f.checkEvents(f.w.ID, base)

	// It refuses every change ...
	name := "Renamed"
	late := f.user("late@example.com")
	changes := map[string]func() error{
		"update":  func() error { _, err := f.ws.Update(as(f.owner), f.w.ID, &name, nil); return err },
		"archive": func() error { _, err := f.ws.Archive(as(f.owner), f.w.ID); return err },
		"invite":  func() error { _, _, err := f.ws.Invite(as(f.owner), f.w.ID, late.Email, role.User); return err },
		"invite new email": func() error {
			_, _, err := f.ws.Invite(as(f.owner), f.w.ID, "nobody@example.com", role.User)
			return err
		},
		"role":     func() error { _, err := f.ws.UpdateRole(as(f.owner), f.w.ID, f.guest.ID, role.User); return err },
		"remove":   func() error { _, err := f.ws.Remove(as(f.admin), f.w.ID, f.guest.ID); return err },
		"transfer": func() error { _, err := f.ws.TransferOwnership(as(f.owner), f.w.ID, f.admin.ID); return err },
	}
	for name, change := range changes {
		t.Run(name, func(t *testing.T) { wantCode(t, change(), errs.Conflict) })
	}
	f.checkEvents(f.w.ID, base)
	f.checkOwner(f.w.ID, f.owner)
	if n := len(f.roles(f.w.ID)); n != 4 {
		t.Errorf("%d members, want 4", n)
	}

	// ... but is still read by every member.
	for _, u := range []*ent.User{f.owner, f.admin, f.member, f.guest} {
		got, err := f.c.Workspace.Get(as(u), f.w.ID)
		if err != nil || got.State != workspace.StateArchived || got.Name != "Acme" {
			t.Errorf("%s reads %v, %v", u.Email, got, err)
		}
		n, err := f.c.WorkspaceMember.Query().Where(workspacemember.WorkspaceID(f.w.ID)).Count(as(u))
		if err != nil || n != 4 {
			t.Errorf("%s sees %d members, %v", u.Email, n, err)
		}
	}
	// Leaving is allowed.
	if err := f.ws.Leave(as(f.guest), f.w.ID); err != nil {
		t.Errorf("leaving an archived workspace: %v", err)
	}
}

// TestDatabaseAllowsOneOwner bypasses the workspaces package: the partial
// unique index workspacemember_one_owner refuses a second owner.
func TestDatabaseAllowsOneOwner(t *testing.T) {
	f := newFixture(t)
	err := f.c.WorkspaceMember.Create().
		SetWorkspaceID(f.w.ID).SetUserID(f.outer.ID).SetRole(role.Owner).Exec(sys)
	if !ent.IsConstraintError(err) {
		t.Errorf("inserting a second owner: %v, want a constraint error", err)
	}
	err = f.c.WorkspaceMember.Update().
		Where(workspacemember.WorkspaceID(f.w.ID), workspacemember.UserID(f.admin.ID)).
		SetRole(role.Owner).Exec(sys)
	if !ent.IsConstraintError(err) {
		t.Errorf("promoting a second owner: %v, want a constraint error", err)
	}
	f.checkOwner(f.w.ID, f.owner)
	// Other roles repeat freely, and another workspace has its own owner.
	if err := f.c.WorkspaceMember.Create().
		SetWorkspaceID(f.w.ID).SetUserID(f.outer.ID).SetRole(role.Admin).Exec(sys); err != nil {
		t.Errorf("a second admin: %v", err)
	}
}

// TestActivityInSameTransaction makes the last write of an operation fail
// and checks that nothing of it stays, the activity entry included.
func TestActivityInSameTransaction(t *testing.T) {
	f := newFixture(t)
	base := map[string]int{"workspace.created": 1, "member.invited": 3, "member.joined": 3}
	var failDelete, failActivity atomic.Bool
	injected := errors.New("injected failure")
	f.c.WorkspaceMember.Use(hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.WorkspaceMemberFunc(func(ctx context.Context, m *ent.WorkspaceMemberMutation) (ent.Value, error) {
			if failDelete.Load() {
				return nil, injected
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpDelete|ent.OpDeleteOne))
	f.c.ActivityEvent.Use(func(next ent.Mutator) ent.Mutator {
		return hook.ActivityEventFunc(func(ctx context.Context, m *ent.ActivityEventMutation) (ent.Value, error) {
			if failActivity.Load() {
				return nil, injected
			}
			return next.Mutate(ctx, m)
		})
	})

	// Remove and Leave record first, then delete.
	failDelete.Store(true)
	if _, err := f.ws.Remove(as(f.admin), f.w.ID, f.member.ID); !errors.Is(err, injected) {
		t.Errorf("Remove = %v, want the injected failure", err)
	}
	if err := f.ws.Leave(as(f.guest), f.w.ID); !errors.Is(err, injected) {
		t.Errorf("Leave = %v, want the injected failure", err)
	}
	failDelete.Store(false)
	f.checkEvents(f.w.ID, base)
	if n := len(f.roles(f.w.ID)); n != 4 {
		t.Errorf("%d members, want 4", n)
	}

	// The others change, then record: the change is undone.
	failActivity.Store(true)
	newName := "Renamed"
	late := f.user("late@example.com")
	ops := map[string]func() error{
		"archive":  func() error { _, err := f.ws.Archive(as(f.owner), f.w.ID); return err },
		"update":   func() error { _, err := f.ws.Update(as(f.owner), f.w.ID, &newName, nil); return err },
		"role":     func() error { _, err := f.ws.UpdateRole(as(f.owner), f.w.ID, f.guest.ID, role.User); return err },
		"transfer": func() error { _, err := f.ws.TransferOwnership(as(f.owner), f.w.ID, f.admin.ID); return err },
		"invite":   func() error { _, _, err := f.ws.Invite(as(f.owner), f.w.ID, late.Email, role.User); return err },
		"invite new": func() error {
			_, _, err := f.ws.Invite(as(f.owner), f.w.ID, "new@example.com", role.User)
			return err
		},
		"create": func() error { _, err := f.ws.Create(as(f.owner), "Rolled back", ""); return err },
	}
	for name, op := range ops {
		if err := op(); !errors.Is(err, injected) {
			t.Errorf("%s = %v, want the injected failure", name, err)
		}
	}
	failActivity.Store(false)

	f.checkEvents(f.w.ID, base)
	f.checkOwner(f.w.ID, f.owner)
	w, _ := f.c.Workspace.Get(sys, f.w.ID)
	if w.State != workspace.StateActive || w.Name != "Acme" {
		t.Errorf("workspace after failed operations: %q %q", w.State, w.Name)
	}
	roles := f.roles(f.w.ID)
	if len(roles) != 4 || roles[f.guest.ID] != role.Guest || roles[f.admin.ID] != role.Admin {
		t.Errorf("roles after failed operations: %v", roles)
	}
	if n, _ := f.c.Invitation.Query().Count(sys); n != 3 {
		t.Errorf("%d invitations after a failed invite, want the fixture's 3", n)
	}
	if n, _ := f.c.Workspace.Query().Where(workspace.Name("Rolled back")).Count(sys); n != 0 {
		t.Errorf("a failed Create left %d workspaces", n)
	}
}

func TestViewerRole(t *testing.T) {
	f := newFixture(t)
	for u, want := range map[*ent.User]role.Role{
		f.owner: role.Owner, f.admin: role.Admin, f.member: role.User, f.guest: role.Guest,
	} {
		if got, err := f.ws.ViewerRole(as(u), f.w.ID); err != nil || got != want {
			t.Errorf("ViewerRole(%s) = %q, %v; want %q", u.Email, got, err, want)
		}
	}
	_, err := f.ws.ViewerRole(as(f.outer), f.w.ID)
	wantCode(t, err, errs.NotFound)
	_, err = f.ws.ViewerRole(context.Background(), f.w.ID)
	wantCode(t, err, errs.Unauthenticated)
}

// TestCreateConcurrentSameName: creations racing for the same slug all
// succeed, each with its own slug.
func TestCreateConcurrentSameName(t *testing.T) {
	e := setup(t)
	u := e.user("racer@example.com")
	const n = 6 // Create retries 5 times; more racers than that can exhaust it
	var wg sync.WaitGroup
	slugs := make([]string, n)
	errc := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w, err := e.ws.Create(as(u), "Race", "")
			errc[i] = err
			if err == nil {
				slugs[i] = w.Slug
			}
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for i := range n {
		if errc[i] != nil {
			t.Errorf("creation %d: %v", i, errc[i])
			continue
		}
		if seen[slugs[i]] {
			t.Errorf("slug %q given twice", slugs[i])
		}
		seen[slugs[i]] = true
	}
	for i := range n {
		want := "race"
		if i > 0 {
			want = fmt.Sprintf("race-%d", i)
		}
		if len(seen) == n && !seen[want] {
			t.Errorf("slugs %v: %q missing", seen, want)
		}
	}
}

// TestNonASCIINameWithinLimit: names and descriptions are limited in
// characters ("at most 100 characters"), so a 50-character name in CJK
// script, or 2000 accented letters of description, are accepted.
func TestNonASCIINameWithinLimit(t *testing.T) {
	e := setup(t)
	u := e.user("tw@example.com")
	name := strings.Repeat("東", 50) // 50 characters, 150 bytes
	w, err := e.ws.Create(as(u), name, "")
	if err != nil {
		t.Fatalf("Create(50 CJK characters) = %v (code %s), want success", err, errs.CodeOf(err))
	}
	if w.Name != name || w.Slug != "workspace" {
		t.Errorf("created %q slug %q", w.Name, w.Slug)
	}
	desc := strings.Repeat("é", 2000)
	if _, err := e.ws.Update(as(u), w.ID, nil, &desc); err != nil {
		t.Errorf("Update(2000-character description) = %v (code %s), want success", err, errs.CodeOf(err))
	}
	full := strings.Repeat("ä", 100)
	if _, err := e.ws.Update(as(u), w.ID, &full, nil); err != nil {
		t.Errorf("Update(100-character name) = %v (code %s), want success", err, errs.CodeOf(err))
	}
}

// TestActivitySummaryTruncationKeepsUTF8: a long summary is shortened to
// fit the column without cutting a character in two (PostgreSQL refuses
// invalid UTF-8; SQLite would store it).
func TestActivitySummaryTruncationKeepsUTF8(t *testing.T) {
	f := newFixture(t)
	ev, err := activity.Record(as(f.owner), f.c, activity.Entry{
		WorkspaceID: f.w.ID, ActorID: f.owner.ID, Verb: "test.long",
		Summary: strings.Repeat("é", 600), // 600 characters, 1200 bytes
	})
	if err != nil {
		t.Fatalf("Record(long non-ASCII summary) = %v", err)
	}
	// Text limits count characters (ent MaxRuneLen), not bytes.
	if n := utf8.RuneCountInString(ev.Summary); !utf8.ValidString(ev.Summary) || n > 500 || !strings.HasSuffix(ev.Summary, "...") {
		t.Errorf("summary %q (%d characters): want valid UTF-8, at most 500 characters, ending in ...", ev.Summary, n)
	}
	stored := f.c.ActivityEvent.GetX(sys, ev.ID)
	if !utf8.ValidString(stored.Summary) {
		t.Errorf("stored summary is not valid UTF-8: %q", stored.Summary)
	}
}
