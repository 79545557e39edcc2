package accounts_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/woowtech/woow-paas/accounts"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/viewer"
)

// adminCtx is a request of a viewer who was a platform admin when the
// request began (the flag as Authenticate read it).
func adminCtx(id int) context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{UserID: id, PlatformAdmin: true})
}

func activeAdmins(t *testing.T, c *ent.Client) []int {
	t.Helper()
	ids, err := c.User.Query().Where(user.PlatformAdmin(true), user.Disabled(false)).IDs(sys())
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// TestUsersList: platform admins list every account (not only those they
// share a workspace with), searched by name or address and paged.
func TestUsersList(t *testing.T) {
	svc, _ := newService(t)
	root, rs := register(t, svc, "root@example.com")
	_, us := register(t, svc, "alice@example.com")
	register(t, svc, "bob@example.com")
	first := 2

	_, err := svc.Users(signedIn(t, svc, us.Token), nil, nil, nil, nil, nil, nil)
	wantCode(t, err, errs.Forbidden)
	_, err = svc.Users(context.Background(), nil, nil, nil, nil, nil, nil)
	wantCode(t, err, errs.Unauthenticated)

	ctx := signedIn(t, svc, rs.Token)
	page, err := svc.Users(ctx, nil, &first, nil, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if page.TotalCount != 3 || len(page.Edges) != 2 || page.Edges[0].Node.ID != root.ID || !page.PageInfo.HasNextPage {
		t.Errorf("first page: total %d, %d edges, next %v", page.TotalCount, len(page.Edges), page.PageInfo.HasNextPage)
	}
	rest, err := svc.Users(ctx, page.PageInfo.EndCursor, &first, nil, nil, nil, nil)
	if err != nil || len(rest.Edges) != 1 || rest.Edges[0].Node.Email != "bob@example.com" {
		t.Errorf("second page: %+v, %v", rest, err)
	}
	for search, want := range map[string]string{"ALICE@": "alice@example.com", "name of b": "bob@example.com"} {
		found, err := svc.Users(ctx, nil, nil, nil, nil, &search, nil)
		if err != nil || found.TotalCount != 1 || found.Edges[0].Node.Email != want {
			t.Errorf("search %q: %+v, %v", search, found, err)
		}
	}
	tooLong := strings.Repeat("x", 101)
	_, err = svc.Users(ctx, nil, nil, nil, nil, &tooLong, nil)
	wantField(t, err, errs.Invalid, "search")
}

// TestLastPlatformAdmin: the last active platform admin keeps the role
// and the account, whoever asks; an admin demoted since their request
// began may do nothing more.
func TestLastPlatformAdmin(t *testing.T) {
	svc, c := newService(t)
	root, _ := register(t, svc, "root@example.com")
	alice, _ := register(t, svc, "alice@example.com")

	_, err := svc.SetPlatformAdmin(adminCtx(root.ID), root.ID, false)
	wantCode(t, err, errs.Conflict)
	_, err = svc.SetPlatformAdmin(viewer.NewContext(context.Background(), &viewer.Viewer{UserID: alice.ID}), alice.ID, true)
	wantCode(t, err, errs.Forbidden)
	_, err = svc.SetPlatformAdmin(adminCtx(root.ID), alice.ID+1000, true)
	wantCode(t, err, errs.NotFound)

	u, err := svc.SetPlatformAdmin(adminCtx(root.ID), alice.ID, true)
	if err != nil || !u.PlatformAdmin {
		t.Fatalf("promoting alice: %+v, %v", u, err)
	}
	// Alice disables root: she is the last active admin now, and cannot
	// step down.
	if u, err := svc.SetDisabled(adminCtx(alice.ID), root.ID, true); err != nil || !u.Disabled {
		t.Fatalf("disabling root: %+v, %v", u, err)
	}
	_, err = svc.SetPlatformAdmin(adminCtx(alice.ID), alice.ID, false)
	wantCode(t, err, errs.Conflict)
	// Root's request, begun before, finds root disabled.
	_, err = svc.SetPlatformAdmin(adminCtx(root.ID), alice.ID, false)
	wantCode(t, err, errs.Forbidden)
	if _, err := svc.SetDisabled(adminCtx(alice.ID), root.ID, false); err != nil {
		t.Fatal(err)
	}
	// With root active again, alice may step down herself.
	if u, err := svc.SetPlatformAdmin(adminCtx(alice.ID), alice.ID, false); err != nil || u.PlatformAdmin {
		t.Fatalf("alice stepping down: %+v, %v", u, err)
	}
	if got := activeAdmins(t, c); len(got) != 1 || got[0] != root.ID {
		t.Errorf("active admins %v, want root %d", got, root.ID)
	}
}

// TestConcurrentDemotions: two admins demoting (or disabling) each other
// at the same moment never leave the platform without an active admin:
// one of them wins, the other is refused.
func TestConcurrentDemotions(t *testing.T) {
	svc, c := newService(t)
	a, _ := register(t, svc, "a@example.com")
	b, _ := register(t, svc, "b@example.com")
	ops := map[string]func(ctx context.Context, s *accounts.Service, by, target int) error{
		"demote": func(_ context.Context, s *accounts.Service, by, target int) error {
			_, err := s.SetPlatformAdmin(adminCtx(by), target, false)
			return err
		},
		"disable": func(_ context.Context, s *accounts.Service, by, target int) error {
			_, err := s.SetDisabled(adminCtx(by), target, true)
			return err
		},
	}
	for round := range 20 {
		// Both active admins again.
		for _, id := range []int{a.ID, b.ID} {
			if err := c.User.UpdateOneID(id).SetPlatformAdmin(true).SetDisabled(false).Exec(sys()); err != nil {
				t.Fatal(err)
			}
		}
		first, second := ops["demote"], ops["demote"]
		if round%2 == 1 {
			second = ops["disable"]
		}
		var wg sync.WaitGroup
		errA, errB := make(chan error, 1), make(chan error, 1)
		wg.Add(2)
		go func() { defer wg.Done(); errA <- first(context.Background(), svc, a.ID, b.ID) }()
		go func() { defer wg.Done(); errB <- second(context.Background(), svc, b.ID, a.ID) }()
		wg.Wait()
		ea, eb := <-errA, <-errB
		if got := activeAdmins(t, c); len(got) != 1 {
			t.Fatalf("round %d: active admins %v after (%v, %v)", round, got, ea, eb)
		}
		if (ea == nil) == (eb == nil) {
			t.Fatalf("round %d: want exactly one refusal, got %v and %v", round, ea, eb)
		}
		for _, err := range []error{ea, eb} {
			if err != nil && errs.CodeOf(err) != errs.Forbidden && errs.CodeOf(err) != errs.Conflict {
				t.Fatalf("round %d: refusal %v", round, err)
			}
		}
	}
}
