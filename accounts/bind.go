package accounts

import (
	"context"

	"github.com/woowtech/woow-paas/revocation"
	"github.com/woowtech/woow-paas/viewer"
)

// Bind makes ctx end, with revocation.ErrEnded as its cause, when v's
// session ends on any replica (a logout, an expiry, a disabled account), so
// that a request or a stream does not outlive its session; release unbinds
// it. A viewer without a session is not bound.
//
// Work that lives on (a stream, a socket) then calls Recheck: a session
// that ended before the binding has ended nothing.
func (s *Service) Bind(ctx context.Context, v *viewer.Viewer) (_ context.Context, release func()) {
	if v.SessionID == 0 {
		return ctx, func() {}
	}
	return s.revoked.Bind(ctx, revocation.Credential{Kind: revocation.Session, ID: v.SessionID})
}

// Recheck ends the contexts bound to v's session when the session is no
// longer valid. Errors: any of the database's (the session is then
// neither confirmed nor ended).
func (s *Service) Recheck(ctx context.Context, v *viewer.Viewer) error {
	if v.SessionID == 0 {
		return nil
	}
	valid, err := s.ValidSessions(ctx, []int{v.SessionID})
	if err != nil {
		return err
	}
	if len(valid) == 0 {
		s.revoked.End(revocation.Credential{Kind: revocation.Session, ID: v.SessionID})
	}
	return nil
}
