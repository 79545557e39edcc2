package policy

import (
	"context"
	"slices"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/privacy"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/viewer"
)

// The scopes of OAuth access tokens (SPEC section 3). A first-party
// session carries all of them; a token only those granted, and its user's
// role bounds it as well.
const (
	// ScopeRead opens every query and subscription the user may see.
	ScopeRead = "read"
	// ScopeWrite opens mutations (and reading what they return).
	ScopeWrite = "write"
	// The Home Assistant scopes open only the REST shim, never GraphQL.
	ScopeWorkspaceRead        = "workspace:read"
	ScopeSmartHomeRead        = "smarthome:read"
	ScopeSmartHomeTunnel      = "smarthome:tunnel"
	ScopeSecurityAccessRead   = "security-access:read"
	ScopeSecurityAccessTunnel = "security-access:tunnel"
)

// Scope is a scope and what it lets a client do, in words a consent page
// shows.
type Scope struct {
	Name, Description string
}

// Scopes lists every scope, in the order a consent page shows them.
var Scopes = []Scope{
	{ScopeRead, "See your workspaces and everything in them that you can see"},
	{ScopeWrite, "Make changes in your workspaces on your behalf, as far as your role allows"},
	{ScopeWorkspaceRead, "List the workspaces you belong to (Home Assistant)"},
	{ScopeSmartHomeRead, "See your smart homes and their tunnel status (Home Assistant)"},
	{ScopeSmartHomeTunnel, "Get the Cloudflare Tunnel token of your smart homes, where your role allows (Home Assistant)"},
	{ScopeSecurityAccessRead, "See security access settings (Home Assistant; not used yet)"},
	{ScopeSecurityAccessTunnel, "Use security access tunnels (Home Assistant; not used yet)"},
}

// KnownScope reports whether s is one of Scopes.
func KnownScope(s string) bool {
	for _, sc := range Scopes {
		if sc.Name == s {
			return true
		}
	}
	return false
}

// RequireScope is nil when the viewer's credential carries scope (a
// session carries all; the platform itself needs none), FORBIDDEN with
// the reason insufficient_scope otherwise. Reading through the data layer
// takes read or write (a mutation reads what it returns); changing takes
// write.
func RequireScope(ctx context.Context, scope string) error {
	v := viewer.FromContext(ctx)
	if viewer.IsSystem(ctx) || v == nil || v.HasScope(scope) {
		return nil
	}
	if scope == ScopeRead && v.HasScope(ScopeWrite) {
		return nil
	}
	return errs.InsufficientScope(scope)
}

// scope is the permission's scope: reading takes read, doing takes write.
func (p Permission) scope() string {
	switch p {
	case ReadWorkspace, ReadInvitations, InspectServices:
		return ScopeRead
	case ReadTunnelToken:
		return ScopeSmartHomeTunnel
	}
	return ScopeWrite
}

// viewerRule admits a signed-in viewer whose credential carries the
// scope of the operation: read for queries, write for mutations. It is
// the first rule of every viewer-facing policy, so a token's scopes bound
// everything its user's role allows.
type viewerRule struct{}

func (viewerRule) EvalQuery(ctx context.Context, _ ent.Query) error {
	return signedInWith(ctx, ScopeRead)
}

func (viewerRule) EvalMutation(ctx context.Context, _ ent.Mutation) error {
	return signedInWith(ctx, ScopeWrite)
}

func signedInWith(ctx context.Context, scope string) error {
	if viewer.FromContext(ctx) == nil {
		return errs.E(errs.Unauthenticated, "sign in first")
	}
	if err := RequireScope(ctx, scope); err != nil {
		return err
	}
	return privacy.Skip
}

// ReadWithScope is how the REST shim of Home Assistant reads: it checks
// that the viewer's credential carries scope (one of the Home Assistant
// scopes, which the data layer does not know), and returns a context in
// which that credential reads through the data layer as a read-scoped one
// would. The shim's handlers read only what their scope names; roles and
// workspaces bound the reads as always.
func ReadWithScope(ctx context.Context, scope string) (context.Context, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return ctx, errs.E(errs.Unauthenticated, "sign in first")
	}
	if err := RequireScope(ctx, scope); err != nil {
		return ctx, err
	}
	if v.HasScope(ScopeRead) {
		return ctx, nil
	}
	reader := *v
	reader.Scopes = append(slices.Clone(v.Scopes), ScopeRead)
	return viewer.NewContext(ctx, &reader), nil
}
