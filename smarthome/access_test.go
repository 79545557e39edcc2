package smarthome_test

import (
	"context"
	"strings"
	"testing"

	entsh "github.com/woowtech/woow-paas/ent/smarthome"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/smarthome"
	"github.com/woowtech/woow-paas/tunnels/cffake"
	"github.com/woowtech/woow-paas/viewer"
)

func TestAccess(t *testing.T) {
	f := newFixture(t, options{})
	home := f.activate("Den")
	f.cf.FailNext(cffake.OpCreateTunnel, 400, 1001, "no")
	failed := f.waitState(f.create("Failed", 0).ID, entsh.StateError)

	oauth := func(from context.Context, scopes ...string) context.Context {
		v := *viewer.FromContext(from)
		v.TokenID, v.Scopes = 1, scopes
		return viewer.NewContext(context.Background(), &v)
	}
	ops := map[string]func(ctx context.Context) error{
		"Create": func(ctx context.Context) error {
			_, err := f.homes.Create(ctx, smarthome.CreateInput{WorkspaceID: f.ws.ID, Name: "Another"})
			return err
		},
		"Retry":  func(ctx context.Context) error { _, err := f.homes.Retry(ctx, failed.ID); return err },
		"Delete": func(ctx context.Context) error { _, err := f.homes.Delete(ctx, home.ID); return err },
		"Get":    func(ctx context.Context) error { _, err := f.homes.Get(ctx, home.ID); return err },
		"List": func(ctx context.Context) error {
			l, err := f.homes.List(ctx, f.ws.ID)
			if err == nil && len(l) != 2 {
				t.Errorf("List gave %d homes, want 2", len(l))
			}
			return err
		},
		"Refresh":     func(ctx context.Context) error { _, err := f.homes.Refresh(ctx, home.ID); return err },
		"TunnelToken": func(ctx context.Context) error { _, err := f.homes.TunnelToken(ctx, home.ID); return err },
		"Changes": func(ctx context.Context) error {
			ctx, cancel := context.WithCancel(ctx)
			defer cancel()
			_, err := f.homes.Changes(ctx, f.ws.ID, nil)
			return err
		},
	}
	// want: "" allowed, else the error code (and reason after a colon).
	for _, tc := range []struct {
		who  string
		ctx  context.Context
		want map[string]string
	}{
		{"user", f.user, map[string]string{"Create": "FORBIDDEN", "Retry": "FORBIDDEN", "Delete": "FORBIDDEN", "TunnelToken": "FORBIDDEN"}},
		{"guest", f.guest, map[string]string{"Create": "FORBIDDEN", "Retry": "FORBIDDEN", "Delete": "FORBIDDEN", "TunnelToken": "FORBIDDEN"}},
		{"outsider", f.outsider, map[string]string{"Create": "NOT_FOUND", "Retry": "NOT_FOUND", "Delete": "NOT_FOUND", "Get": "NOT_FOUND",
			"List": "NOT_FOUND", "Refresh": "NOT_FOUND", "TunnelToken": "NOT_FOUND", "Changes": "NOT_FOUND"}},
		{"anonymous", context.Background(), map[string]string{"Create": "UNAUTHENTICATED", "Retry": "UNAUTHENTICATED", "Delete": "UNAUTHENTICATED",
			"Get": "*", "List": "*", "Refresh": "*", "TunnelToken": "UNAUTHENTICATED", "Changes": "UNAUTHENTICATED"}},
		{"admin token without smarthome:tunnel", oauth(f.admin, policy.ScopeRead, policy.ScopeSmartHomeRead),
			map[string]string{"Create": "FORBIDDEN", "Retry": "FORBIDDEN", "Delete": "FORBIDDEN", "TunnelToken": "FORBIDDEN:insufficient_scope"}},
	} {
		t.Run(tc.who, func(t *testing.T) {
			for _, op := range []string{"Get", "List", "Refresh", "Changes", "TunnelToken", "Create", "Retry", "Delete"} {
				err := ops[op](tc.ctx)
				want := tc.want[op]
				switch want {
				case "":
					if err != nil {
						t.Errorf("%s: %v, want allowed", op, err)
					}
				case "*":
					if err == nil {
						t.Errorf("%s: allowed, want an error", op)
					}
				default:
					code, reason, _ := strings.Cut(want, ":")
					if reason != "" {
						t.Run(op, func(t *testing.T) { wantCode(t, err, errs.Code(code), reason) })
					} else if !errs.Is(err, errs.Code(code)) {
						t.Errorf("%s: %v, want %s", op, err, code)
					}
				}
			}
			if tok, err := f.homes.TokenField(tc.ctx, home); tok != nil || (err != nil && tc.who != "anonymous") {
				t.Errorf("TokenField: %v, %v, want nil", tok, err)
			}
		})
	}
	// Nothing changed.
	if got := f.get(home.ID); got.State != entsh.StateActive {
		t.Errorf("home is %s", got.State)
	}
	if got := f.get(failed.ID); got.State != entsh.StateError {
		t.Errorf("failed home is %s", got.State)
	}
	// A token with the scope reads it.
	tok, err := f.homes.TunnelToken(oauth(f.admin, policy.ScopeSmartHomeRead, policy.ScopeSmartHomeTunnel, policy.ScopeRead), home.ID)
	if err != nil || tok.Token != f.cf.TokenOf(home.TunnelID) {
		t.Errorf("TunnelToken with smarthome:tunnel: %v", err)
	}
}
