// Package viewer carries who is acting through a context.
//
// The data layer (ent privacy rules in package policy) reads the viewer to
// decide what a query may see and what a mutation may change; HTTP and
// WebSocket authentication put it there.
package viewer

import (
	"context"

	"github.com/woowtech/woow-paas/errs"
)

// Viewer is an authenticated account acting on the platform.
type Viewer struct {
	UserID int
	// PlatformAdmin manages global things (templates, providers, settings).
	// It grants no access to tenant data.
	PlatformAdmin bool
	// SessionID is set when the viewer came with a session cookie or token.
	SessionID int
	// TokenID is set when the viewer came with an OAuth access token.
	TokenID int
	// Scopes bound an OAuth access token (TokenID set): only these are
	// carried, none when empty. A session carries every scope. What each
	// scope opens is package policy's rule (policy.RequireScope).
	Scopes []string
}

// HasScope reports whether v's credential carries scope: a session
// carries every scope, an OAuth token those it was granted.
func (v *Viewer) HasScope(scope string) bool {
	if v.TokenID == 0 {
		return true
	}
	for _, s := range v.Scopes {
		if s == scope {
			return true
		}
	}
	return false
}

type ctxKey struct{}

// NewContext returns ctx carrying v.
func NewContext(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, ctxKey{}, v)
}

// FromContext returns the viewer in ctx, or nil for an anonymous request.
func FromContext(ctx context.Context) *Viewer {
	v, _ := ctx.Value(ctxKey{}).(*Viewer)
	return v
}

// Required returns the viewer in ctx, or UNAUTHENTICATED for an anonymous
// request: the first line of every operation that acts for someone.
func Required(ctx context.Context) (*Viewer, error) {
	if v := FromContext(ctx); v != nil {
		return v, nil
	}
	return nil, errs.E(errs.Unauthenticated, "sign in first")
}

type systemKey struct{}

// System returns a context in which the platform itself acts: the data
// layer's rules (package policy) allow everything. Use it only in code that
// enforces its own rules (authentication, seeding, jobs), never for work
// done on a user's behalf.
func System(ctx context.Context) context.Context {
	return context.WithValue(ctx, systemKey{}, true)
}

// IsSystem reports whether ctx is the platform's own (see System).
func IsSystem(ctx context.Context) bool {
	b, _ := ctx.Value(systemKey{}).(bool)
	return b
}
