package policy_test

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/accounts"
	"github.com/woowtech/woow-paas/auth/authtest"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/activityevent"
	"github.com/woowtech/woow-paas/ent/apptemplate"
	"github.com/woowtech/woow-paas/ent/invitation"
	"github.com/woowtech/woow-paas/ent/project"
	"github.com/woowtech/woow-paas/ent/service"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/ent/workspace"
	"github.com/woowtech/woow-paas/ent/workspacemember"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/role"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/valuespec"
	"github.com/woowtech/woow-paas/viewer"
	"github.com/woowtech/woow-paas/workspaces"
)

var sys = viewer.System(context.Background())

// world is two workspaces, A and B, with members of every role in A, a
// member of both, a platform admin in neither, and some rows in each.
type world struct {
	c  *ent.Client
	db *store.DB

	root                          *ent.User // platform admin, no workspace
	ownerA, adminA, userA, guestA *ent.User
	ownerB, userB                 *ent.User
	shared                        *ent.User // user in A and in B
	A, B                          *ent.Workspace
	tpl                           *ent.AppTemplate
	projA, projB                  *ent.Project
	svcA, svcB                    *ent.Service
	invB                          *ent.Invitation
	sessions                      int
	lastMemberB, lastActivityB    int
}

func newWorld(t *testing.T) *world {
	t.Helper()
	db := storetest.Open(t)
	acc := accounts.New(db.Client, accounts.Config{Hasher: authtest.Hasher(), Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	wss := workspaces.New(db.Client, workspaces.Config{PublicURL: "http://woow.test"})
	w := &world{c: db.Client, db: db}
	reg := func(email string) *ent.User {
		u, _, err := acc.Register(context.Background(), accounts.RegisterInput{Email: email, Password: "correct horse battery", Name: email})
		if err != nil {
			t.Fatalf("Register(%s): %v", email, err)
		}
		w.sessions++
		return u
	}
	w.root = reg("root@example.com")
	if !w.root.PlatformAdmin {
		t.Fatal("the first account is not platform admin")
	}
	w.ownerA, w.adminA, w.userA, w.guestA = reg("owner.a@example.com"), reg("admin.a@example.com"), reg("user.a@example.com"), reg("guest.a@example.com")
	w.ownerB, w.userB, w.shared = reg("owner.b@example.com"), reg("user.b@example.com"), reg("shared@example.com")

	var err error
	if w.A, err = wss.Create(as(w.ownerA), "A", ""); err != nil {
		t.Fatal(err)
	}
	if w.B, err = wss.Create(as(w.ownerB), "B", ""); err != nil {
		t.Fatal(err)
	}
	invite := func(by *ent.User, ws *ent.Workspace, u *ent.User, r role.Role) {
		_, link, err := wss.Invite(as(by), ws.ID, u.Email, r)
		if err != nil {
			t.Fatalf("Invite(%s): %v", u.Email, err)
		}
		_, token, _ := strings.Cut(link, "#token=")
		if _, err := wss.Accept(as(u), workspaces.Answer{Token: token}); err != nil {
			t.Fatalf("Accept(%s): %v", u.Email, err)
		}
	}
	invite(w.ownerA, w.A, w.adminA, role.Admin)
	invite(w.ownerA, w.A, w.userA, role.User)
	invite(w.ownerA, w.A, w.guestA, role.Guest)
	invite(w.ownerA, w.A, w.shared, role.User)
	invite(w.ownerB, w.B, w.userB, role.User)
	invite(w.ownerB, w.B, w.shared, role.Admin)
	// The accepted invitations have served: the world's only invitation
	// is B's pending one.
	w.c.Invitation.Delete().Where(invitation.AcceptedAtNotNil()).ExecX(sys)
	if w.invB, _, err = wss.Invite(as(w.ownerB), w.B.ID, "pending@example.com", role.User); err != nil {
		t.Fatal(err)
	}

	w.tpl = w.c.AppTemplate.Create().SetName("App").SetSlug("app").SetCategory(apptemplate.CategoryWeb).
		SetChartRef("oci://example.com/app").SetValueSpecs(valuespec.Specs{}).SaveX(sys)
	w.projA = w.c.Project.Create().SetWorkspaceID(w.A.ID).SetName("project A").SaveX(sys)
	w.projB = w.c.Project.Create().SetWorkspaceID(w.B.ID).SetName("project B").SaveX(sys)
	w.svcA = w.newService(t, sys, w.A.ID, "a1")
	w.svcB = w.newService(t, sys, w.B.ID, "b1")

	w.lastMemberB = w.c.WorkspaceMember.Query().Where(workspacemember.WorkspaceID(w.B.ID)).FirstIDX(sys)
	w.lastActivityB = w.c.ActivityEvent.Query().Where(activityevent.WorkspaceID(w.B.ID)).FirstIDX(sys)
	return w
}

func (w *world) newService(t *testing.T, ctx context.Context, wsID int, name string) *ent.Service {
	t.Helper()
	s, err := w.serviceCreate(wsID, name).Save(ctx)
	if err != nil {
		t.Fatalf("creating service %s: %v", name, err)
	}
	return s
}

func (w *world) serviceCreate(wsID int, name string) *ent.ServiceCreate {
	return w.c.Service.Create().SetWorkspaceID(wsID).SetTemplateID(w.tpl.ID).SetName(name).
		SetSubdomain("paas-cs-" + name).SetReleaseName("svc-" + name).SetNamespace("paas-ws-" + name)
}

func as(u *ent.User) context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{UserID: u.ID})
}

func asAdmin(u *ent.User) context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{UserID: u.ID, PlatformAdmin: true})
}

func wantCode(t *testing.T, what string, err error, code errs.Code) {
	t.Helper()
	if got := errs.CodeOf(err); got != code {
		t.Errorf("%s: error %v (code %q), want %s", what, err, got, code)
	}
}

func sorted(ids []int) []int { sort.Ints(ids); return ids }

func (w *world) members(ws *ent.Workspace) []int {
	ids, err := w.c.WorkspaceMember.Query().Where(workspacemember.WorkspaceID(ws.ID)).
		Select(workspacemember.FieldUserID).Ints(sys)
	if err != nil {
		panic(err)
	}
	return sorted(ids)
}

// ---------------------------------------------------------------- reads

func TestReadsConfinedToViewerWorkspaces(t *testing.T) {
	w := newWorld(t)
	activityA := w.c.ActivityEvent.Query().Where(activityevent.WorkspaceID(w.A.ID)).CountX(sys)
	for _, u := range []*ent.User{w.ownerA, w.adminA, w.userA, w.guestA} {
		t.Run(u.Email, func(t *testing.T) {
			ctx := as(u)
			wsIDs, err := w.c.Workspace.Query().IDs(ctx)
			if err != nil || !slices.Equal(wsIDs, []int{w.A.ID}) {
				t.Errorf("workspaces = %v, %v; want [A=%d]", wsIDs, err, w.A.ID)
			}
			ms, err := w.c.WorkspaceMember.Query().All(ctx)
			if err != nil || len(ms) != 5 {
				t.Errorf("members = %d, %v; want A's 5", len(ms), err)
			}
			for _, m := range ms {
				if m.WorkspaceID != w.A.ID {
					t.Errorf("sees membership %d of workspace %d", m.ID, m.WorkspaceID)
				}
			}
			evs, err := w.c.ActivityEvent.Query().All(ctx)
			if err != nil || len(evs) != activityA {
				t.Errorf("activity = %d, %v; want A's %d", len(evs), err, activityA)
			}
			for _, ev := range evs {
				if ev.WorkspaceID != w.A.ID {
					t.Errorf("sees activity %d of workspace %d", ev.ID, ev.WorkspaceID)
				}
			}
			if ids, err := w.c.Project.Query().IDs(ctx); err != nil || !slices.Equal(ids, []int{w.projA.ID}) {
				t.Errorf("projects = %v, %v; want [%d]", ids, err, w.projA.ID)
			}
			if ids, err := w.c.Service.Query().IDs(ctx); err != nil || !slices.Equal(ids, []int{w.svcA.ID}) {
				t.Errorf("services = %v, %v; want [%d]", ids, err, w.svcA.ID)
			}
			if n, err := w.c.Invitation.Query().Count(ctx); err != nil || n != 0 {
				t.Errorf("invitations = %d, %v; want 0 (the only one is B's)", n, err)
			}
			// Asking for B's rows by its id finds nothing either.
			if n, err := w.c.WorkspaceMember.Query().Where(workspacemember.WorkspaceID(w.B.ID)).Count(ctx); err != nil || n != 0 {
				t.Errorf("B's members by workspace id = %d, %v", n, err)
			}
			if n, err := w.c.Workspace.Query().Where(workspace.ID(w.B.ID)).QueryMembers().Count(ctx); err != nil || n != 0 {
				t.Errorf("B's members through the edge = %d, %v", n, err)
			}
		})
	}
}

// TestSharedMemberDoesNotBridge: a user in both A and B is visible to A's
// members, but walking from them leads only to A.
func TestSharedMemberDoesNotBridge(t *testing.T) {
	w := newWorld(t)
	ctx := as(w.userA)
	ms, err := w.c.User.Query().Where(user.ID(w.shared.ID)).QueryMemberships().All(ctx)
	if err != nil || len(ms) != 1 || ms[0].WorkspaceID != w.A.ID {
		t.Errorf("shared user's memberships seen from A = %v, %v; want only A's", ms, err)
	}
	ws, err := w.c.User.Query().Where(user.ID(w.shared.ID)).QueryMemberships().QueryWorkspace().IDs(ctx)
	if err != nil || !slices.Equal(ws, []int{w.A.ID}) {
		t.Errorf("shared user's workspaces seen from A = %v, %v", ws, err)
	}
	u, err := w.c.User.Query().Where(user.ID(w.shared.ID)).WithMemberships(func(q *ent.WorkspaceMemberQuery) {
		q.WithWorkspace()
	}).Only(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range u.Edges.Memberships {
		if m.WorkspaceID != w.A.ID {
			t.Errorf("eager loading shows membership of workspace %d", m.WorkspaceID)
		}
	}
	if len(u.Edges.Memberships) != 1 {
		t.Errorf("eager loading shows %d memberships, want 1", len(u.Edges.Memberships))
	}
	// B's users stay invisible even via the shared member's workspace.
	ids, err := w.c.User.Query().Where(user.ID(w.shared.ID)).
		QueryMemberships().QueryWorkspace().QueryMembers().QueryUser().IDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if id == w.ownerB.ID || id == w.userB.ID {
			t.Errorf("reached B's user %d through the shared member", id)
		}
	}
}

func TestGetOtherWorkspaceRowsNotFound(t *testing.T) {
	w := newWorld(t)
	ctx := as(w.ownerA)
	checks := map[string]error{}
	_, checks["workspace"] = w.c.Workspace.Get(ctx, w.B.ID)
	_, checks["member"] = w.c.WorkspaceMember.Get(ctx, w.lastMemberB)
	_, checks["project"] = w.c.Project.Get(ctx, w.projB.ID)
	_, checks["service"] = w.c.Service.Get(ctx, w.svcB.ID)
	_, checks["invitation"] = w.c.Invitation.Get(ctx, w.invB.ID)
	_, checks["activity"] = w.c.ActivityEvent.Get(ctx, w.lastActivityB)
	_, checks["user"] = w.c.User.Get(ctx, w.ownerB.ID)
	_, checks["node"] = w.c.Noder(ctx, w.B.ID)
	_, checks["project node"] = w.c.Noder(ctx, w.projB.ID)
	for what, err := range checks {
		if !ent.IsNotFound(err) {
			t.Errorf("%s of B: %v, want not found", what, err)
		}
	}
	// The same reads of A's rows work: the ids are right.
	if _, err := w.c.Workspace.Get(ctx, w.A.ID); err != nil {
		t.Errorf("Get(A): %v", err)
	}
	if _, err := w.c.Noder(ctx, w.projA.ID); err != nil {
		t.Errorf("Noder(project A): %v", err)
	}
	if _, err := w.c.Project.Get(as(w.ownerB), w.projB.ID); err != nil {
		t.Errorf("B's owner reads B's project: %v", err)
	}
}

// ------------------------------------------------------------- mutations

func TestCreateInOtherWorkspaceNotFound(t *testing.T) {
	w := newWorld(t)
	ctx := as(w.ownerA) // the highest role, but in A only
	before := map[string]int{
		"projects": w.c.Project.Query().CountX(sys), "services": w.c.Service.Query().CountX(sys),
		"activity": w.c.ActivityEvent.Query().CountX(sys), "members": w.c.WorkspaceMember.Query().CountX(sys),
		"invitations": w.c.Invitation.Query().CountX(sys),
	}
	wantCode(t, "project in B", w.c.Project.Create().SetWorkspaceID(w.B.ID).SetName("x").Exec(ctx), errs.NotFound)
	wantCode(t, "service in B", w.serviceCreate(w.B.ID, "x").Exec(ctx), errs.NotFound)
	wantCode(t, "activity in B", w.c.ActivityEvent.Create().SetWorkspaceID(w.B.ID).SetVerb("x").SetSummary("x").Exec(ctx), errs.NotFound)
	wantCode(t, "invitation in B", w.c.Invitation.Create().SetWorkspaceID(w.B.ID).SetEmail("x@example.com").
		SetRole(role.User).SetTokenHash("h").SetExpiresAt(w.A.CreatedAt).Exec(ctx), errs.NotFound)
	wantCode(t, "joining B as guest", w.c.WorkspaceMember.Create().SetWorkspaceID(w.B.ID).SetUserID(w.ownerA.ID).
		SetRole(role.Guest).Exec(ctx), errs.NotFound)
	wantCode(t, "joining B as owner", w.c.WorkspaceMember.Create().SetWorkspaceID(w.B.ID).SetUserID(w.ownerA.ID).
		SetRole(role.Owner).Exec(ctx), errs.NotFound)
	wantCode(t, "renaming B", w.c.Workspace.UpdateOneID(w.B.ID).SetName("x").Exec(ctx), errs.NotFound)
	wantCode(t, "renaming B's project", w.c.Project.UpdateOneID(w.projB.ID).SetName("x").Exec(ctx), errs.NotFound)
	wantCode(t, "changing B's member", w.c.WorkspaceMember.UpdateOneID(w.lastMemberB).SetRole(role.Guest).Exec(ctx), errs.NotFound)
	if err := w.c.Project.DeleteOneID(w.projB.ID).Exec(ctx); !ent.IsNotFound(err) {
		t.Errorf("deleting B's project: %v, want not found", err)
	}
	after := map[string]int{
		"projects": w.c.Project.Query().CountX(sys), "services": w.c.Service.Query().CountX(sys),
		"activity": w.c.ActivityEvent.Query().CountX(sys), "members": w.c.WorkspaceMember.Query().CountX(sys),
		"invitations": w.c.Invitation.Query().CountX(sys),
	}
	for k := range before {
		if before[k] != after[k] {
			t.Errorf("%s: %d before, %d after refused writes", k, before[k], after[k])
		}
	}
	if got := w.c.Project.GetX(sys, w.projB.ID).Name; got != "project B" {
		t.Errorf("B's project renamed to %q", got)
	}
}

func TestWriteRoles(t *testing.T) {
	w := newWorld(t)
	project := func(u *ent.User) error {
		return w.c.Project.Create().SetWorkspaceID(w.A.ID).SetName("by " + u.Email).Exec(as(u))
	}
	svc := func(u *ent.User) error { return w.serviceCreate(w.A.ID, "s"+u.Email[:4]).Exec(as(u)) }
	activity := func(u *ent.User) error {
		return w.c.ActivityEvent.Create().SetWorkspaceID(w.A.ID).SetVerb("test").SetSummary("x").Exec(as(u))
	}
	renameProject := func(u *ent.User) error {
		return w.c.Project.UpdateOneID(w.projA.ID).SetName("p " + u.Email).Exec(as(u))
	}
	renameService := func(u *ent.User) error {
		return w.c.Service.UpdateOneID(w.svcA.ID).SetName("s " + u.Email[:4]).Exec(as(u))
	}
	addMember := func(u *ent.User) error {
		return w.c.WorkspaceMember.Create().SetWorkspaceID(w.A.ID).SetUserID(w.userB.ID).SetRole(role.Guest).Exec(as(u))
	}
	tests := []struct {
		name string
		op   func(*ent.User) error
		by   *ent.User
		want errs.Code // "" for success
	}{
		{"guest creates project", project, w.guestA, errs.Forbidden},
		{"user creates project", project, w.userA, ""},
		{"guest renames project", renameProject, w.guestA, errs.Forbidden},
		{"user renames project", renameProject, w.userA, ""},
		{"user creates service", svc, w.userA, errs.Forbidden},
		{"guest creates service", svc, w.guestA, errs.Forbidden},
		{"admin creates service", svc, w.adminA, ""},
		{"user renames service", renameService, w.userA, errs.Forbidden},
		{"admin renames service", renameService, w.adminA, ""},
		{"guest writes activity", activity, w.guestA, ""},
		{"user adds member", addMember, w.userA, errs.Forbidden},
		{"admin adds member", addMember, w.adminA, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.op(tt.by)
			if tt.want == "" {
				if err != nil {
					t.Errorf("%v, want success", err)
				}
				return
			}
			wantCode(t, tt.name, err, tt.want)
		})
	}
	// Workspace: admins rename; only the owner archives or hands over.
	wantCode(t, "user renames A", w.c.Workspace.UpdateOneID(w.A.ID).SetName("x").Exec(as(w.userA)), errs.Forbidden)
	if err := w.c.Workspace.UpdateOneID(w.A.ID).SetName("A2").Exec(as(w.adminA)); err != nil {
		t.Errorf("admin renames A: %v", err)
	}
	wantCode(t, "admin archives A", w.c.Workspace.UpdateOneID(w.A.ID).SetState(workspace.StateArchived).Exec(as(w.adminA)), errs.Forbidden)
	wantCode(t, "admin takes A", w.c.Workspace.UpdateOneID(w.A.ID).SetOwnerID(w.adminA.ID).Exec(as(w.adminA)), errs.Forbidden)
	wantCode(t, "workspace created for another owner",
		w.c.Workspace.Create().SetName("x").SetSlug("x").SetOwnerID(w.ownerB.ID).Exec(as(w.userA)), errs.Forbidden)
}

func TestBulkMutationsConfined(t *testing.T) {
	w := newWorld(t)
	ctx := as(w.ownerA)
	count := func(what string, n int, err error, want int) {
		t.Helper()
		if err != nil || n != want {
			t.Errorf("%s affected %d rows, %v; want %d", what, n, err, want)
		}
	}
	n, err := w.c.Project.Update().Where(project.WorkspaceID(w.B.ID)).SetName("pwned").Save(ctx)
	count("update of B's projects", n, err, 0)
	n, err = w.c.Project.Update().SetName("renamed").Save(ctx)
	count("update of all projects", n, err, 1)
	n, err = w.c.Service.Update().Where(service.WorkspaceID(w.B.ID)).SetName("pwned").Save(ctx)
	count("update of B's services", n, err, 0)
	n, err = w.c.WorkspaceMember.Update().Where(workspacemember.WorkspaceID(w.B.ID)).SetRole(role.Guest).Save(ctx)
	count("update of B's members", n, err, 0)
	n, err = w.c.Workspace.Update().Where(workspace.ID(w.B.ID)).SetName("pwned").Save(ctx)
	count("update of workspace B", n, err, 0)
	n, err = w.c.Invitation.Update().Where(invitation.WorkspaceID(w.B.ID)).SetRole(role.Admin).Save(ctx)
	count("update of B's invitations", n, err, 0)

	n, err = w.c.Project.Delete().Where(project.WorkspaceID(w.B.ID)).Exec(ctx)
	count("delete of B's projects", n, err, 0)
	n, err = w.c.Service.Delete().Where(service.WorkspaceID(w.B.ID)).Exec(ctx)
	count("delete of B's services", n, err, 0)
	n, err = w.c.WorkspaceMember.Delete().Where(workspacemember.WorkspaceID(w.B.ID)).Exec(ctx)
	count("delete of B's members", n, err, 0)
	// The feed is append-only: no viewer deletes from it, in any workspace.
	_, err = w.c.ActivityEvent.Delete().Where(activityevent.WorkspaceID(w.B.ID)).Exec(ctx)
	if got := errs.CodeOf(err); got != errs.Forbidden {
		t.Errorf("delete of B's activity: %v, want FORBIDDEN", err)
	}
	_, err = w.c.ActivityEvent.Delete().Where(activityevent.WorkspaceID(w.A.ID)).Exec(ctx)
	if got := errs.CodeOf(err); got != errs.Forbidden {
		t.Errorf("delete of A's own activity: %v, want FORBIDDEN", err)
	}
	n, err = w.c.Invitation.Delete().Exec(ctx)
	count("delete of all invitations", n, err, 0)
	n, err = w.c.Workspace.Delete().Where(workspace.ID(w.B.ID)).Exec(ctx)
	count("delete of workspace B", n, err, 0)

	// Too low a role in A: bulk writes reach nothing there either.
	n, err = w.c.Service.Update().SetName("by a user").Save(as(w.userA))
	count("user's update of all services", n, err, 0)
	n, err = w.c.Project.Update().SetName("by a guest").Save(as(w.guestA))
	count("guest's update of all projects", n, err, 0)
	n, err = w.c.WorkspaceMember.Update().SetRole(role.Guest).Save(as(w.userA))
	count("user's update of all members", n, err, 0)
	n, err = w.c.Workspace.Update().SetName("by an admin").Save(as(w.adminA))
	count("admin's bulk update of workspaces", n, err, 0)

	// B is untouched.
	if got := w.c.Project.GetX(sys, w.projB.ID).Name; got != "project B" {
		t.Errorf("B's project is now %q", got)
	}
	if got := w.c.Service.GetX(sys, w.svcB.ID).Name; got != "b1" {
		t.Errorf("B's service is now %q", got)
	}
	if got := w.c.Workspace.GetX(sys, w.B.ID).Name; got != "B" {
		t.Errorf("B is now %q", got)
	}
	if got := w.members(w.B); !slices.Equal(got, sorted([]int{w.ownerB.ID, w.userB.ID, w.shared.ID})) {
		t.Errorf("B's members are now %v", got)
	}
	roles, _ := w.c.WorkspaceMember.Query().Where(workspacemember.WorkspaceID(w.B.ID)).Select(workspacemember.FieldRole).Strings(sys)
	if sort.Strings(roles); !slices.Equal(roles, []string{"admin", "owner", "user"}) {
		t.Errorf("B's roles are now %v", roles)
	}
	if n := w.c.Invitation.Query().CountX(sys); n != 1 {
		t.Errorf("%d invitations, want B's 1", n)
	}
	// Nor did the too-low roles change A.
	if got := w.c.Service.GetX(sys, w.svcA.ID).Name; got != "a1" {
		t.Errorf("A's service renamed by a user to %q", got)
	}
	if got := w.c.Project.GetX(sys, w.projA.ID).Name; got != "renamed" {
		t.Errorf("A's project is %q, want the owner's rename only", got)
	}
}

// ------------------------------------------------------------ identities

func TestAnonymousIsUnauthenticated(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	reads := map[string]error{}
	_, reads["workspace"] = w.c.Workspace.Query().All(ctx)
	_, reads["member"] = w.c.WorkspaceMember.Query().All(ctx)
	_, reads["user"] = w.c.User.Query().All(ctx)
	_, reads["activity"] = w.c.ActivityEvent.Query().All(ctx)
	_, reads["project"] = w.c.Project.Query().All(ctx)
	_, reads["template"] = w.c.AppTemplate.Query().All(ctx)
	_, reads["get workspace"] = w.c.Workspace.Get(ctx, w.A.ID)
	reads["create workspace"] = w.c.Workspace.Create().SetName("x").SetSlug("x").SetOwnerID(w.userA.ID).Exec(ctx)
	reads["create project"] = w.c.Project.Create().SetWorkspaceID(w.A.ID).SetName("x").Exec(ctx)
	_, reads["bulk delete"] = w.c.Project.Delete().Exec(ctx)
	for what, err := range reads {
		wantCode(t, "anonymous "+what, err, errs.Unauthenticated)
	}
}

func TestPlatformAdminGetsNoTenantData(t *testing.T) {
	w := newWorld(t)
	ctx := asAdmin(w.root)
	for what, n := range map[string]int{
		"workspaces": w.c.Workspace.Query().CountX(ctx), "members": w.c.WorkspaceMember.Query().CountX(ctx),
		"projects": w.c.Project.Query().CountX(ctx), "services": w.c.Service.Query().CountX(ctx),
		"activity": w.c.ActivityEvent.Query().CountX(ctx), "invitations": w.c.Invitation.Query().CountX(ctx),
	} {
		if n != 0 {
			t.Errorf("platform admin sees %d %s", n, what)
		}
	}
	if ids := w.c.User.Query().IDsX(ctx); !slices.Equal(ids, []int{w.root.ID}) {
		t.Errorf("platform admin sees users %v, want only themself", ids)
	}
	if _, err := w.c.Workspace.Get(ctx, w.A.ID); !ent.IsNotFound(err) {
		t.Errorf("platform admin Get(A): %v, want not found", err)
	}
	wantCode(t, "platform admin creates a project in A",
		w.c.Project.Create().SetWorkspaceID(w.A.ID).SetName("x").Exec(ctx), errs.NotFound)
	wantCode(t, "platform admin joins A",
		w.c.WorkspaceMember.Create().SetWorkspaceID(w.A.ID).SetUserID(w.root.ID).SetRole(role.Admin).Exec(ctx), errs.NotFound)
	n, err := w.c.Project.Delete().Exec(ctx)
	if err != nil || n != 0 {
		t.Errorf("platform admin bulk delete of projects: %d, %v", n, err)
	}
	wantCode(t, "platform admin changes a user",
		w.c.User.UpdateOneID(w.userA.ID).SetDisabled(true).Exec(ctx), errs.Forbidden)
}

func TestSessionsAreSystemOnly(t *testing.T) {
	w := newWorld(t)
	for name, ctx := range map[string]context.Context{
		"member": as(w.userA), "platform admin": asAdmin(w.root), "anonymous": context.Background(),
	} {
		_, err := w.c.Session.Query().All(ctx)
		wantCode(t, name+" reads sessions", err, errs.Forbidden)
		_, err = w.c.Session.Query().Count(ctx)
		wantCode(t, name+" counts sessions", err, errs.Forbidden)
		_, err = w.c.Session.Delete().Exec(ctx)
		wantCode(t, name+" deletes sessions", err, errs.Forbidden)
		err = w.c.Session.Create().SetTokenHash("h-" + name).SetUserID(w.userA.ID).SetExpiresAt(w.A.CreatedAt).Exec(ctx)
		wantCode(t, name+" creates a session", err, errs.Forbidden)
	}
	// Eager loading through the user edge is refused too.
	_, err := w.c.User.Query().Where(user.ID(w.userA.ID)).WithSessions().All(as(w.userA))
	wantCode(t, "member loads own sessions via the edge", err, errs.Forbidden)
	if n, err := w.c.Session.Query().Count(sys); err != nil || n != w.sessions {
		t.Errorf("system reads %d sessions, %v; want %d", n, err, w.sessions)
	}
}

func TestUserVisibility(t *testing.T) {
	w := newWorld(t)
	tests := []struct {
		name string
		ctx  context.Context
		want []int
	}{
		{"A's user", as(w.userA), []int{w.ownerA.ID, w.adminA.ID, w.userA.ID, w.guestA.ID, w.shared.ID}},
		{"B's user", as(w.userB), []int{w.ownerB.ID, w.userB.ID, w.shared.ID}},
		{"the shared user", as(w.shared), []int{w.ownerA.ID, w.adminA.ID, w.userA.ID, w.guestA.ID, w.ownerB.ID, w.userB.ID, w.shared.ID}},
		{"platform admin", asAdmin(w.root), []int{w.root.ID}},
	}
	for _, tt := range tests {
		ids, err := w.c.User.Query().IDs(tt.ctx)
		if err != nil || !slices.Equal(sorted(ids), sorted(tt.want)) {
			t.Errorf("%s sees users %v, %v; want %v", tt.name, sorted(ids), err, sorted(tt.want))
		}
	}
	// Writes: only oneself, and not one's platform role.
	if err := w.c.User.UpdateOneID(w.userA.ID).SetName("New name").Exec(as(w.userA)); err != nil {
		t.Errorf("changing own name: %v", err)
	}
	wantCode(t, "changing a co-member", w.c.User.UpdateOneID(w.guestA.ID).SetName("x").Exec(as(w.ownerA)), errs.Forbidden)
	wantCode(t, "making oneself platform admin", w.c.User.UpdateOneID(w.userA.ID).SetPlatformAdmin(true).Exec(as(w.userA)), errs.Forbidden)
	wantCode(t, "creating a user", w.c.User.Create().SetEmail("x@example.com").SetPasswordHash("h").Exec(as(w.userA)), errs.Forbidden)
	wantCode(t, "deleting oneself", w.c.User.DeleteOneID(w.userA.ID).Exec(as(w.userA)), errs.Forbidden)
	_, err := w.c.User.Update().SetName("everyone").Save(as(w.userA))
	wantCode(t, "bulk update of users", err, errs.Forbidden)
	if got := w.c.User.GetX(sys, w.guestA.ID).Name; got == "everyone" {
		t.Error("a bulk update renamed another user")
	}
	if w.c.User.GetX(sys, w.userA.ID).PlatformAdmin {
		t.Error("userA became platform admin")
	}
}

func TestAppTemplateMutationsNeedPlatformAdmin(t *testing.T) {
	w := newWorld(t)
	create := func(ctx context.Context, slug string) error {
		return w.c.AppTemplate.Create().SetName(slug).SetSlug(slug).SetCategory(apptemplate.CategoryDevops).
			SetChartRef("oci://example.com/" + slug).SetValueSpecs(valuespec.Specs{}).Exec(ctx)
	}
	wantCode(t, "workspace owner creates a template", create(as(w.ownerA), "t1"), errs.Forbidden)
	wantCode(t, "workspace owner edits a template", w.c.AppTemplate.UpdateOneID(w.tpl.ID).SetName("x").Exec(as(w.ownerA)), errs.Forbidden)
	wantCode(t, "workspace owner deletes a template", w.c.AppTemplate.DeleteOneID(w.tpl.ID).Exec(as(w.ownerA)), errs.Forbidden)
	wantCode(t, "anonymous creates a template", create(context.Background(), "t2"), errs.Unauthenticated)
	if err := create(asAdmin(w.root), "t3"); err != nil {
		t.Errorf("platform admin creates a template: %v", err)
	}
	if err := w.c.AppTemplate.UpdateOneID(w.tpl.ID).SetName("Renamed").Exec(asAdmin(w.root)); err != nil {
		t.Errorf("platform admin edits a template: %v", err)
	}
	// Every signed-in viewer reads the marketplace.
	for _, u := range []*ent.User{w.guestA, w.userB, w.root} {
		if n, err := w.c.AppTemplate.Query().Count(as(u)); err != nil || n != 2 {
			t.Errorf("%s reads %d templates, %v; want 2", u.Email, n, err)
		}
	}
	// Platform settings are for platform admins only.
	_, err := w.c.Setting.Query().All(as(w.ownerA))
	wantCode(t, "workspace owner reads settings", err, errs.Forbidden)
	if _, err := w.c.Setting.Query().All(asAdmin(w.root)); err != nil {
		t.Errorf("platform admin reads settings: %v", err)
	}
}

func TestMemberRole(t *testing.T) {
	w := newWorld(t)
	for u, want := range map[*ent.User]role.Role{w.ownerA: role.Owner, w.adminA: role.Admin, w.userA: role.User, w.guestA: role.Guest, w.shared: role.User} {
		if got, err := policy.MemberRole(context.Background(), w.c, u.ID, w.A.ID); err != nil || got != want {
			t.Errorf("MemberRole(%s, A) = %q, %v; want %q", u.Email, got, err, want)
		}
	}
	if got, err := policy.MemberRole(context.Background(), w.c, w.shared.ID, w.B.ID); err != nil || got != role.Admin {
		t.Errorf("MemberRole(shared, B) = %q, %v; want admin", got, err)
	}
	_, err := policy.MemberRole(context.Background(), w.c, w.userA.ID, w.B.ID)
	wantCode(t, "MemberRole of an outsider", err, errs.NotFound)
}

// TestNoReferencesIntoOtherWorkspace: a row of A cannot point at a row of
// B. Otherwise A's members could take B's unique slots (one support
// project per service, one revision number per service) and learn which
// ids exist in B from the constraint errors.
func TestNoReferencesIntoOtherWorkspace(t *testing.T) {
	w := newWorld(t)
	ctx := as(w.ownerA)
	err := w.c.Project.Create().SetWorkspaceID(w.A.ID).SetName("support for B's service").SetServiceID(w.svcB.ID).Exec(ctx)
	if err == nil {
		t.Error("A's owner attached a project of A to B's service")
	}
	svcB2 := w.newService(t, sys, w.B.ID, "b2")
	err = w.c.Project.UpdateOneID(w.projA.ID).SetServiceID(svcB2.ID).Exec(ctx)
	if err == nil {
		t.Error("A's owner re-pointed A's project at B's service")
	}
	err = w.c.ServiceRevision.Create().SetWorkspaceID(w.A.ID).SetServiceID(w.svcB.ID).SetRevision(1).Exec(ctx)
	if err == nil {
		t.Error("A's owner wrote revision 1 of B's service")
	}
	err = w.c.TaskStage.Create().SetWorkspaceID(w.A.ID).SetProjectID(w.projB.ID).SetName("stage").Exec(ctx)
	if err == nil {
		t.Error("A's owner added a stage to B's project")
	}
	// B's own support project for its service is still possible (fails
	// when the first write above went through).
	if err := w.c.Project.Create().SetWorkspaceID(w.B.ID).SetName("support").SetServiceID(w.svcB.ID).Exec(as(w.ownerB)); err != nil {
		t.Errorf("B's owner creates the support project of B's service: %v", err)
	}
}

// TestCan: every permission, for every role and an outsider, in an active
// and an archived workspace; the privacy policies and the viewerCan fields
// ask the same question.
func TestCan(t *testing.T) {
	w := newWorld(t)
	perms := []policy.Permission{policy.ReadWorkspace, policy.RecordActivity, policy.UpdateWorkspace, policy.ManageMembers,
		policy.ReadInvitations, policy.AdministerWorkspace, policy.OperateServices, policy.InspectServices,
		policy.ManageSmartHomes, policy.ReadTunnelToken, policy.WriteProjects, policy.Chat}
	people := map[*ent.User]role.Role{w.ownerA: role.Owner, w.adminA: role.Admin, w.userA: role.User, w.guestA: role.Guest}
	check := func(archived bool) {
		for _, p := range perms {
			if !p.Min().Valid() {
				t.Fatalf("permission %d has no role", p)
			}
			for u, r := range people {
				err := policy.Can(as(u), w.c, w.A.ID, p)
				var want errs.Code
				switch {
				case !r.AtLeast(p.Min()):
					want = errs.Forbidden
				case archived && !p.OnArchived():
					want = errs.Conflict
				}
				if (want == "" && err != nil) || (want != "" && !errs.Is(err, want)) {
					t.Errorf("archived=%v %s, permission %d: %v, want %q", archived, r, p, err, want)
				}
				can, err := policy.ViewerCan(as(u), w.c, w.A.ID, p)
				if err != nil || can != (want == "") {
					t.Errorf("archived=%v %s, permission %d: ViewerCan = %v, %v", archived, r, p, can, err)
				}
			}
			if err := policy.Can(as(w.ownerB), w.c, w.A.ID, p); !errs.Is(err, errs.NotFound) {
				t.Errorf("outsider, permission %d: %v, want NOT_FOUND", p, err)
			}
			if err := policy.Can(context.Background(), w.c, w.A.ID, p); !errs.Is(err, errs.Unauthenticated) {
				t.Errorf("anonymous, permission %d: %v, want UNAUTHENTICATED", p, err)
			}
			if err := policy.Can(sys, w.c, w.A.ID, p); err != nil {
				t.Errorf("system, permission %d: %v", p, err)
			}
		}
	}
	check(false)
	w.c.Workspace.UpdateOneID(w.A.ID).SetState(workspace.StateArchived).ExecX(sys)
	check(true)
	if err := policy.Can(as(w.ownerA), w.c, w.A.ID, policy.Permission(999)); !errs.Is(err, errs.Forbidden) {
		t.Errorf("an unknown permission: %v, want FORBIDDEN", err)
	}
}
