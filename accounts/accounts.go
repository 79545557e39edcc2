// Package accounts registers people, signs them in and out, and turns a
// session cookie back into a viewer.
//
// Sessions are random tokens; only their SHA-256 is stored. Everything here
// runs in a system context: these are the rules that establish who the
// viewer is, so the viewer-based privacy rules cannot apply yet.
package accounts

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/woowtech/woow-paas/activity"
	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/invitation"
	"github.com/woowtech/woow-paas/ent/session"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/ent/workspace"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
)

// Service manages accounts and sessions.
type Service struct {
	client  *ent.Client
	hasher  auth.Hasher
	limiter *auth.Limiter
	log     *slog.Logger
	// SessionTTL is how long a session lives without use; using it extends it.
	SessionTTL time.Duration
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// New returns a Service. hasher's zero value uses the production argon2id
// parameters.
func New(client *ent.Client, hasher auth.Hasher, log *slog.Logger) *Service {
	return &Service{
		client:     client,
		hasher:     hasher,
		limiter:    auth.NewLimiter(auth.LimiterConfig{Failures: 10, Window: 15 * time.Minute}),
		log:        log,
		SessionTTL: 30 * 24 * time.Hour,
		Now:        func() time.Time { return time.Now().UTC() },
	}
}

// Session is a freshly issued session: the token goes into the cookie once
// and is never stored.
type Session struct {
	Token   string
	Expires time.Time
}

// RegisterInput is what a person gives to open an account.
type RegisterInput struct {
	Email, Password, Name string
	UserAgent             string
}

// Register creates an account and signs it in. The first account becomes
// platform admin; pending invitations to the email are accepted at once.
// Errors: BAD_USER_INPUT naming email, password or name.
func (s *Service) Register(ctx context.Context, in RegisterInput) (*ent.User, *Session, error) {
	email, err := auth.NormalizeEmail(in.Email)
	if err != nil {
		return nil, nil, err
	}
	if err := auth.ValidatePassword(in.Password); err != nil {
		return nil, nil, err
	}
	name, err := validName(in.Name)
	if err != nil {
		return nil, nil, err
	}
	hash, err := s.hasher.Hash(in.Password)
	if err != nil {
		return nil, nil, err
	}
	sys := viewer.System(ctx)
	var (
		u    *ent.User
		sess *Session
	)
	err = store.WithTx(sys, s.client, func(tx *ent.Tx) error {
		taken, err := tx.User.Query().Where(user.Email(email)).Exist(sys)
		if err != nil {
			return err
		}
		if taken {
			return errs.InvalidField("email", "an account with this email already exists")
		}
		// The first account administers the platform. Concurrent first
		// registrations serialise on SQLite (write lock at BEGIN); on
		// PostgreSQL the unique email index is the only guard, which is
		// acceptable for a one-time bootstrap.
		n, err := tx.User.Query().Count(sys)
		if err != nil {
			return err
		}
		u, err = tx.User.Create().
			SetEmail(email).
			SetName(name).
			SetPasswordHash(hash).
			SetPlatformAdmin(n == 0).
			SetLastLoginAt(s.Now()).
			Save(sys)
		if ent.IsConstraintError(err) {
			return errs.InvalidField("email", "an account with this email already exists")
		}
		if err != nil {
			return err
		}
		if err := s.acceptInvitations(sys, tx, u); err != nil {
			return err
		}
		sess, err = s.newSession(sys, tx.Client(), u.ID, in.UserAgent)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	s.log.InfoContext(ctx, "account registered", "user_id", u.ID, "platform_admin", u.PlatformAdmin)
	return u.Unwrap(), sess, nil
}

// acceptInvitations makes u a member of every workspace that invited its
// email and whose invitation has not expired.
func (s *Service) acceptInvitations(ctx context.Context, tx *ent.Tx, u *ent.User) error {
	invs, err := tx.Invitation.Query().
		Where(
			invitation.Email(u.Email),
			invitation.AcceptedAtIsNil(),
			invitation.ExpiresAtGT(s.Now()),
			// An archived workspace takes no new members.
			invitation.HasWorkspaceWith(workspace.StateEQ(workspace.StateActive)),
		).
		All(ctx)
	if err != nil {
		return err
	}
	for _, inv := range invs {
		m := tx.WorkspaceMember.Create().
			SetWorkspaceID(inv.WorkspaceID).
			SetUserID(u.ID).
			SetRole(inv.Role).
			SetInvitedAt(inv.CreatedAt)
		if inv.InvitedByID != nil {
			m.SetInvitedByID(*inv.InvitedByID)
		}
		if _, err := m.Save(ctx); err != nil {
			return err
		}
		if err := tx.Invitation.UpdateOne(inv).SetAcceptedAt(s.Now()).Exec(ctx); err != nil {
			return err
		}
		if _, err := activity.Record(ctx, tx.Client(), activity.Entry{
			WorkspaceID: inv.WorkspaceID, ActorID: u.ID,
			Verb: "member.joined", SubjectType: "User", SubjectID: u.ID,
			Summary: u.Name + " joined as " + string(inv.Role),
		}); err != nil {
			return err
		}
	}
	return nil
}

// Login checks a password and opens a session. Failures are counted per
// client address and per email; past the limit the answer is
// TOO_MANY_REQUESTS until the window passes. A wrong email and a wrong
// password look the same (and take the same time).
func (s *Service) Login(ctx context.Context, email, password, clientIP, userAgent string) (*ent.User, *Session, error) {
	email, err := auth.NormalizeEmail(email)
	if err != nil {
		return nil, nil, err
	}
	keys := []string{"ip:" + clientIP, "email:" + email}
	for _, k := range keys {
		if ok, retry := s.limiter.Allow(k); !ok {
			return nil, nil, errs.E(errs.TooManyRequests,
				"too many failed sign-ins; try again in %s", retry.Round(time.Second))
		}
	}
	if len(password) > auth.MaxPasswordBytes {
		return nil, nil, errs.InvalidField("password", "the password is too long")
	}
	sys := viewer.System(ctx)
	u, err := s.client.User.Query().Where(user.Email(email)).Only(sys)
	if ent.IsNotFound(err) {
		s.hasher.DummyCheck(password)
		s.fail(keys)
		return nil, nil, errs.E(errs.Unauthenticated, "wrong email or password")
	}
	if err != nil {
		return nil, nil, err
	}
	ok, err := s.hasher.Check(u.PasswordHash, password)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		s.fail(keys)
		return nil, nil, errs.E(errs.Unauthenticated, "wrong email or password")
	}
	if u.Disabled {
		return nil, nil, errs.E(errs.Forbidden, "this account is disabled")
	}
	s.limiter.Reset("email:" + email)
	u, err = u.Update().SetLastLoginAt(s.Now()).Save(sys)
	if err != nil {
		return nil, nil, err
	}
	sess, err := s.newSession(sys, s.client, u.ID, userAgent)
	if err != nil {
		return nil, nil, err
	}
	return u, sess, nil
}

func (s *Service) fail(keys []string) {
	for _, k := range keys {
		s.limiter.Fail(k)
	}
}

func (s *Service) newSession(ctx context.Context, c *ent.Client, userID int, userAgent string) (*Session, error) {
	token, hash := auth.NewToken()
	if len(userAgent) > 512 {
		userAgent = userAgent[:512]
	}
	exp := s.Now().Add(s.SessionTTL)
	_, err := c.Session.Create().
		SetTokenHash(hash).
		SetUserID(userID).
		SetExpiresAt(exp).
		SetLastSeenAt(s.Now()).
		SetUserAgent(strings.ToValidUTF8(userAgent, "")).
		Save(ctx)
	if err != nil {
		return nil, err
	}
	return &Session{Token: token, Expires: exp}, nil
}

// Logout ends the session with this token; an unknown token is no error.
func (s *Service) Logout(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	_, err := s.client.Session.Delete().
		Where(session.TokenHash(auth.HashToken(token))).
		Exec(viewer.System(ctx))
	return err
}

// touchEvery limits how often using a session writes to it.
const touchEvery = 5 * time.Minute

// Authenticate returns the viewer of a session token, or nil when the token
// is unknown, expired or its account disabled. Use extends the session.
func (s *Service) Authenticate(ctx context.Context, token string) (*viewer.Viewer, error) {
	if token == "" {
		return nil, nil
	}
	sys := viewer.System(ctx)
	sess, err := s.client.Session.Query().
		Where(session.TokenHash(auth.HashToken(token))).
		WithUser().
		Only(sys)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	now := s.Now()
	if !sess.ExpiresAt.After(now) || sess.Edges.User.Disabled {
		return nil, nil
	}
	if now.Sub(sess.LastSeenAt) > touchEvery {
		err := sess.Update().SetLastSeenAt(now).SetExpiresAt(now.Add(s.SessionTTL)).Exec(sys)
		if err != nil {
			s.log.WarnContext(ctx, "extending session", "err", err)
		}
	}
	return &viewer.Viewer{
		UserID:        sess.UserID,
		PlatformAdmin: sess.Edges.User.PlatformAdmin,
		SessionID:     sess.ID,
	}, nil
}

// PurgeExpired deletes expired sessions; returns how many.
func (s *Service) PurgeExpired(ctx context.Context) (int, error) {
	return s.client.Session.Delete().Where(session.ExpiresAtLTE(s.Now())).Exec(viewer.System(ctx))
}
