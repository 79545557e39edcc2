package policy_test

import (
	"context"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/activityevent"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/ent/workspace"
	"github.com/woowtech/woow-paas/ent/workspacemember"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/role"
	"github.com/woowtech/woow-paas/workspaces"
)

// Edge loads of workspaces just authorised are not filtered again
// (scope.go): what they return must be exactly what the filters would
// have let through.
func TestEdgeLoadsUnderAuthorisedWorkspaces(t *testing.T) {
	w := newWorld(t)
	// A pending invitation in A: only A's admins read invitations.
	invA := w.c.Invitation.Create().SetWorkspaceID(w.A.ID).SetEmail("pending.a@example.com").
		SetRole(role.User).SetTokenHash("hash-a").SetExpiresAt(time.Now().Add(time.Hour)).
		SetInvitedByID(w.ownerA.ID).SaveX(sys)

	load := func(t *testing.T, u *ent.User) []*ent.Workspace {
		t.Helper()
		wss, err := w.c.Workspace.Query().
			WithMembers(func(q *ent.WorkspaceMemberQuery) { q.WithUser() }).
			WithServices().WithInvitations().
			Order(ent.Asc(workspace.FieldID)).
			All(as(u))
		if err != nil {
			t.Fatal(err)
		}
		return wss
	}

	t.Run("a member of A only", func(t *testing.T) {
		got := load(t, w.userA)
		if len(got) != 1 || got[0].ID != w.A.ID {
			t.Fatalf("userA reads workspaces %v, want only A", ids(got))
		}
		var users []int
		for _, m := range got[0].Edges.Members {
			if m.Edges.User == nil {
				t.Errorf("member %d loaded without its user", m.ID)
				continue
			}
			users = append(users, m.Edges.User.ID)
		}
		if want := w.members(w.A); !slices.Equal(sorted(users), want) {
			t.Errorf("A's members' users = %v, want %v", sorted(users), want)
		}
		if s := got[0].Edges.Services; len(s) != 1 || s[0].ID != w.svcA.ID {
			t.Errorf("A's services = %v, want [%d]", s, w.svcA.ID)
		}
		// A narrower read permission is still enforced on an edge load.
		if inv := got[0].Edges.Invitations; len(inv) != 0 {
			t.Errorf("a user-role member reads %d invitations of A through the edge", len(inv))
		}
	})

	t.Run("an admin of A reads its invitations", func(t *testing.T) {
		got := load(t, w.adminA)
		if len(got) != 1 || len(got[0].Edges.Invitations) != 1 || got[0].Edges.Invitations[0].ID != invA.ID {
			t.Errorf("adminA reads invitations %v, want [%d]", got[0].Edges.Invitations, invA.ID)
		}
	})
}

// A workspace read earlier (a subscription's payload, a cached object)
// is no authority once the viewer has left: following its edges filters
// as any query does.
func TestEdgesOfAStaleParentAreFiltered(t *testing.T) {
	w := newWorld(t)
	ctx := as(w.shared)
	stale, err := w.c.Workspace.Get(ctx, w.B.ID)
	if err != nil {
		t.Fatal(err)
	}
	removeMember(t, w, w.B, w.shared)

	if ms, err := stale.QueryMembers().All(ctx); err != nil || len(ms) != 0 {
		t.Errorf("members of B after leaving: %d, %v; want none", len(ms), err)
	}
	if ss, err := stale.QueryServices().All(ctx); err != nil || len(ss) != 0 {
		t.Errorf("services of B after leaving: %d, %v; want none", len(ss), err)
	}
	if us, err := stale.QueryMembers().QueryUser().Where(user.ID(w.userB.ID)).All(ctx); err != nil || len(us) != 0 {
		t.Errorf("B's members' users after leaving: %d, %v; want none", len(us), err)
	}
	// The eager path reads B again, and B is gone for this viewer.
	got, err := w.c.Workspace.Query().Where(workspace.ID(w.B.ID)).WithMembers().WithServices().All(ctx)
	if err != nil || len(got) != 0 {
		t.Errorf("B eager-loaded after leaving: %v, %v; want nothing", ids(got), err)
	}
}

// A user visible only through a workspace the viewer left is not visible
// any more, whichever way it is reached: directly, as a member of the
// workspaces the viewer still reads, or as the actor of an activity entry
// (an edge the shortcut does not cover).
func TestUserVisibleOnlyThroughALeftWorkspace(t *testing.T) {
	w := newWorld(t)
	ctx := as(w.shared)
	if _, err := w.c.User.Get(ctx, w.userB.ID); err != nil {
		t.Fatalf("before leaving, shared reads userB: %v", err)
	}
	// userB acted in A once (an entry that outlives their link to A).
	entry := w.c.ActivityEvent.Create().SetWorkspaceID(w.A.ID).SetVerb("test.acted").
		SetSubjectType("Workspace").SetSubjectID(w.A.ID).SetSummary("userB acted").
		SetActorID(w.userB.ID).SaveX(sys)
	removeMember(t, w, w.B, w.shared)

	if _, err := w.c.User.Get(ctx, w.userB.ID); !ent.IsNotFound(err) {
		t.Errorf("reading userB after leaving B: %v, want not found", err)
	}

	got, err := w.c.Workspace.Query().WithMembers(func(q *ent.WorkspaceMemberQuery) { q.WithUser() }).All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, ws := range got {
		for _, m := range ws.Edges.Members {
			if m.Edges.User != nil && m.Edges.User.ID == w.userB.ID {
				t.Errorf("userB reached as a member of workspace %d", ws.ID)
			}
		}
	}
	ev, err := w.c.ActivityEvent.Query().Where(activityevent.ID(entry.ID)).WithActor().Only(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Edges.Actor != nil {
		t.Errorf("userB reached as the actor of an entry in A")
	}
}

func removeMember(t *testing.T, w *world, ws *ent.Workspace, u *ent.User) {
	t.Helper()
	n, err := w.c.WorkspaceMember.Delete().
		Where(workspacemember.WorkspaceID(ws.ID), workspacemember.UserID(u.ID)).Exec(sys)
	if err != nil || n != 1 {
		t.Fatalf("removing %s from %s: %d, %v", u.Email, ws.Name, n, err)
	}
}

func ids(wss []*ent.Workspace) []int {
	var out []int
	for _, ws := range wss {
		out = append(out, ws.ID)
	}
	return out
}

// countingDriver counts the statements a client sends.
type countingDriver struct {
	dialect.Driver
	n atomic.Int64
}

func (d *countingDriver) Query(ctx context.Context, query string, args, v any) error {
	d.n.Add(1)
	return d.Driver.Query(ctx, query, args, v)
}

// A read that asks the viewer's role in each workspace of a page reads
// those standings in one go (the Memo's candidates), not once per
// workspace, and answers exactly as a read without the Memo would.
func TestMemoReadsAPageOfStandingsAtOnce(t *testing.T) {
	w := newWorld(t)
	d := dialect.SQLite
	if w.db.Dialect == "postgres" {
		d = dialect.Postgres
	}
	drv := &countingDriver{Driver: entsql.OpenDB(d, w.db.SQL)}
	c := ent.NewClient(ent.Driver(drv))
	c.Intercept(policy.EdgeScope())
	wss := workspaces.New(w.c, workspaces.Config{PublicURL: "http://woow.test"})
	for i := range 5 {
		if _, err := wss.Create(as(w.shared), fmt.Sprintf("Extra %d", i), ""); err != nil {
			t.Fatal(err)
		}
	}
	ctx := policy.WithMemo(as(w.shared))
	page, err := c.Workspace.Query().All(ctx)
	if err != nil || len(page) != 7 {
		t.Fatalf("shared reads %d workspaces, %v; want 7", len(page), err)
	}
	before := drv.n.Load()
	for _, ws := range page {
		got, err := policy.MemberRole(ctx, c, w.shared.ID, ws.ID)
		want, werr := policy.MemberRole(as(w.shared), w.c, w.shared.ID, ws.ID)
		if got != want || (err == nil) != (werr == nil) {
			t.Errorf("role in %s: %q, %v with the Memo; %q, %v without", ws.Name, got, err, want, werr)
		}
	}
	// Member and workspace state: ent's eager load is two statements.
	if n := drv.n.Load() - before; n != 2 {
		t.Errorf("%d workspaces' roles took %d statements, want 2", len(page), n)
	}
}
