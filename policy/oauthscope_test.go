package policy_test

import (
	"context"
	"testing"

	"github.com/woowtech/woow-paas/ent/service"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/viewer"
)

// TestScopesBoundTheRole: an OAuth token's scopes bound what its user's
// role allows, in the data layer itself (not only at the GraphQL edge):
// reads need read or write, writes need write, and a Home Assistant
// token reaches nothing through ent.
func TestScopesBoundTheRole(t *testing.T) {
	w := newWorld(t)
	as := func(scopes ...string) context.Context {
		return viewer.NewContext(context.Background(), &viewer.Viewer{UserID: w.ownerA.ID, TokenID: 1, Scopes: scopes})
	}
	insufficient := func(what string, err error) {
		t.Helper()
		if e := errs.Public(err); e == nil || e.Code != errs.Forbidden || e.Reason != "insufficient_scope" {
			t.Errorf("%s: %v, want FORBIDDEN insufficient_scope", what, err)
		}
	}
	for _, tc := range []struct {
		name        string
		ctx         context.Context
		read, write bool
	}{
		{"session", viewer.NewContext(context.Background(), &viewer.Viewer{UserID: w.ownerA.ID, SessionID: 1}), true, true},
		{"read", as(policy.ScopeRead), true, false},
		{"write", as(policy.ScopeWrite), true, true},
		{"home assistant", as(policy.ScopeWorkspaceRead, policy.ScopeSmartHomeRead), false, false},
		{"no scope", as(), false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := w.c.Service.Query().Where(service.WorkspaceID(w.A.ID)).Count(tc.ctx)
			if tc.read && (err != nil || n == 0) {
				t.Errorf("read: %d, %v", n, err)
			}
			if !tc.read {
				insufficient("read", err)
			}
			err = w.c.Workspace.UpdateOneID(w.A.ID).SetDescription("by " + tc.name).Exec(tc.ctx)
			if tc.write && err != nil {
				t.Errorf("write: %v", err)
			}
			if !tc.write {
				insufficient("write", err)
			}
			err = policy.Can(tc.ctx, w.c, w.A.ID, policy.OperateServices)
			if tc.write && err != nil {
				t.Errorf("Can(OperateServices): %v", err)
			}
			if !tc.write {
				insufficient("Can(OperateServices)", err)
			}
		})
	}
}

// TestReadWithScope: the shim's Home Assistant scopes open reading
// through the data layer only once checked, never writing; the tunnel
// token needs its own scope and the admin role.
func TestReadWithScope(t *testing.T) {
	w := newWorld(t)
	as := func(uid int, scopes ...string) context.Context {
		return viewer.NewContext(context.Background(), &viewer.Viewer{UserID: uid, TokenID: 1, Scopes: scopes})
	}
	ha := as(w.ownerA.ID, policy.ScopeSmartHomeRead)
	if _, err := policy.ReadWithScope(ha, policy.ScopeSmartHomeTunnel); errs.Public(err).Reason != "insufficient_scope" {
		t.Fatalf("a missing scope: %v", err)
	}
	if _, err := policy.ReadWithScope(context.Background(), policy.ScopeSmartHomeRead); !errs.Is(err, errs.Unauthenticated) {
		t.Fatalf("anonymous: %v", err)
	}
	ctx, err := policy.ReadWithScope(ha, policy.ScopeSmartHomeRead)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := w.c.Service.Query().Where(service.WorkspaceID(w.A.ID)).Count(ctx); err != nil || n == 0 {
		t.Errorf("read with the checked scope: %d, %v", n, err)
	}
	if err := w.c.Workspace.UpdateOneID(w.A.ID).SetDescription("x").Exec(ctx); errs.Public(err).Reason != "insufficient_scope" {
		t.Errorf("write with a read scope: %v", err)
	}
	// The original viewer is untouched.
	if viewer.FromContext(ha).HasScope(policy.ScopeRead) {
		t.Error("ReadWithScope changed the caller's viewer")
	}
	for _, tc := range []struct {
		name string
		ctx  context.Context
		want errs.Code
	}{
		{"owner with the tunnel scope", as(w.ownerA.ID, policy.ScopeSmartHomeTunnel), ""},
		{"admin with the tunnel scope", as(w.adminA.ID, policy.ScopeSmartHomeTunnel), ""},
		{"user with the tunnel scope", as(w.userA.ID, policy.ScopeSmartHomeTunnel), errs.Forbidden},
		{"owner with read only", as(w.ownerA.ID, policy.ScopeRead, policy.ScopeWrite), errs.Forbidden},
	} {
		if got := errs.CodeOf(policy.Can(tc.ctx, w.c, w.A.ID, policy.ReadTunnelToken)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
