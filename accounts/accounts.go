// Package accounts registers people, signs them in and out, and turns a
// session token back into a viewer. It knows nothing of HTTP: it takes
// plain values (a token, a client address, a User-Agent) and returns the
// Session a sign-in opened; package httpauth carries them to and from
// requests and cookies.
//
// Sessions are random tokens; only their SHA-256 is stored. Everything here
// runs in a system context: these are the rules that establish who the
// viewer is, so the viewer-based privacy rules cannot apply yet.
package accounts

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/emailverification"
	"github.com/woowtech/woow-paas/ent/invitation"
	"github.com/woowtech/woow-paas/ent/passwordreset"
	"github.com/woowtech/woow-paas/ent/predicate"
	"github.com/woowtech/woow-paas/ent/session"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/events"
	"github.com/woowtech/woow-paas/mail"
	"github.com/woowtech/woow-paas/revocation"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
)

// Config is what the accounts service needs besides the database.
type Config struct {
	// Hasher hashes passwords; nil: one with the production argon2id
	// parameters (auth.DefaultParams).
	Hasher *auth.Hasher
	// Revoked is told of every session that ends, to end what it opened
	// on every replica.
	Revoked *revocation.Watcher
	// DeviceKey signs the cookies of browsers that signed in before
	// (see Login); 32 random bytes, derived from the secret key.
	DeviceKey []byte
	// PublicURL is the web app's address, the base of reset links.
	PublicURL string
	// Mail sends reset links; nil: password reset is not available.
	Mail *mail.Outbox
	// Lockout, when set, ends what else an account holds (its OAuth
	// tokens) once the account is disabled or its password reset: the
	// same moments its sessions end.
	Lockout func(ctx context.Context, userID int) error
	// InvitationOnly, when set, tells whether registration needs a
	// pending invitation to the address (package settings).
	InvitationOnly func(ctx context.Context) (bool, error)
	// Dialect is the database's ("postgres" or "sqlite", store.DB's): on
	// PostgreSQL the last-admin rule locks rows (see keepAnAdmin).
	Dialect string
	Log     *slog.Logger
}

// Service manages accounts and sessions.
type Service struct {
	client *ent.Client
	cfg    Config
	hasher *auth.Hasher
	// limiter blocks a client address after too many failed sign-ins, and
	// a known device after too many on its account.
	limiter *auth.Limiter
	// slow slows down the sign-ins of an account after failures, instead
	// of locking it: anyone can fail on purpose for any account.
	slow *auth.Backoff
	// changes limits wrong current passwords per account.
	changes *auth.Limiter
	// mails limits the e-mails (reset and verification links) asked for
	// per address and per client.
	mails *auth.Limiter
	// resets limits attempts at reset links per client.
	resets *auth.Limiter
	// background holds work done after the answer (e-mails whose timing
	// must not tell whether an account exists); Run does it.
	background chan func(context.Context)
	revoked    *revocation.Watcher
	log        *slog.Logger
	// SessionTTL is how long a session lives without use; using it extends it.
	SessionTTL time.Duration
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// New returns a Service on client.
func New(client *ent.Client, cfg Config) *Service {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if len(cfg.DeviceKey) == 0 {
		// Without a configured key, known devices last as long as the
		// process (tests, tools).
		cfg.DeviceKey = make([]byte, 32)
		_, _ = rand.Read(cfg.DeviceKey)
	}
	if cfg.Hasher == nil {
		cfg.Hasher = auth.NewHasher(auth.DefaultParams(), 0)
	}
	if cfg.Revoked == nil {
		// One process, nothing to tell other replicas (tests, tools).
		cfg.Revoked = revocation.New(events.NewHub(0), nil, cfg.Log)
	}
	cfg.PublicURL = strings.TrimRight(cfg.PublicURL, "/")
	s := &Service{
		client:     client,
		cfg:        cfg,
		hasher:     cfg.Hasher,
		revoked:    cfg.Revoked,
		log:        cfg.Log,
		SessionTTL: 30 * 24 * time.Hour,
		Now:        func() time.Time { return time.Now().UTC() },
		background: make(chan func(context.Context), 64),
	}
	// The limits follow s.Now, which tests move.
	now := func() time.Time { return s.Now() }
	s.limiter = auth.NewLimiter(auth.LimiterConfig{Failures: 10, Window: 15 * time.Minute, Now: now})
	s.slow = auth.NewBackoff(auth.BackoffConfig{Now: now})
	s.changes = auth.NewLimiter(auth.LimiterConfig{Failures: 10, Window: 15 * time.Minute, Now: now})
	s.mails = auth.NewLimiter(auth.LimiterConfig{Failures: 5, Window: time.Hour, Now: now})
	s.resets = auth.NewLimiter(auth.LimiterConfig{Failures: 20, Window: time.Hour, Now: now})
	return s
}

// Run does the service's background work (e-mails) until ctx ends.
func (s *Service) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case f := <-s.background:
			f(ctx)
		}
	}
}

// Session is a freshly issued session: the token goes into the cookie once
// and is never stored.
type Session struct {
	Token   string
	Expires time.Time
	// Device is the signed cookie that marks this browser as one where
	// the account signed in (see Login).
	Device string
}

// RegisterInput is what a person gives to open an account.
type RegisterInput struct {
	Email, Password, Name string
	UserAgent             string
}

// Register creates an account and signs it in. The first account becomes
// platform admin. It joins no workspace by itself: an invitation to its
// address is accepted through the invitation's link (an address is not
// proof that whoever registers it owns it).
// Errors: BAD_USER_INPUT naming email, password or name.
func (s *Service) Register(ctx context.Context, in RegisterInput) (*ent.User, *Session, error) {
	email, err := auth.NormalizeEmail(in.Email)
	if err != nil {
		return nil, nil, err
	}
	if err := s.mayRegister(ctx, email); err != nil {
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
		sess, err = s.newSession(sys, tx.Client(), u.ID, in.UserAgent)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	s.log.InfoContext(ctx, "account registered", "user_id", u.ID, "platform_admin", u.PlatformAdmin)
	if s.cfg.Mail.Enabled(ctx) {
		select {
		case s.background <- func(ctx context.Context) { s.sendVerification(ctx, u) }:
		default:
			s.log.WarnContext(ctx, "no room to send the verification e-mail; the account can ask again", "user_id", u.ID)
		}
	}
	return u.Unwrap(), sess, nil
}

// mayRegister refuses a new account when registration is by invitation
// only and no pending invitation names the address; the first account
// (the platform admin) is always welcome.
func (s *Service) mayRegister(ctx context.Context, email string) error {
	if s.cfg.InvitationOnly == nil {
		return nil
	}
	only, err := s.cfg.InvitationOnly(ctx)
	if err != nil || !only {
		return err
	}
	sys := viewer.System(ctx)
	if n, err := s.client.User.Query().Count(sys); err != nil || n == 0 {
		return err
	}
	invited, err := s.client.Invitation.Query().Where(
		invitation.Email(email),
		invitation.AcceptedAtIsNil(), invitation.DeclinedAtIsNil(), invitation.CancelledAtIsNil(),
		invitation.ExpiresAtGT(s.Now()),
	).Exist(sys)
	if err != nil || invited {
		return err
	}
	return &errs.Error{Code: errs.Forbidden, Reason: "invitation_required", Field: "email",
		Message: "registration is by invitation only: ask a workspace admin to invite this address"}
}

// Login checks a password and opens a session. device is the browser's
// device cookie ("" when it has none).
//
// Guessing is limited three ways, so that a stranger cannot lock the owner
// out: a client address (an IPv6 /64) is blocked after 10 failures in 15
// minutes (all accounts together); an account is slowed down, not
// blocked, after 5 failures from anywhere (one attempt per wait, doubling
// up to a minute); and a browser where the account signed in before is not
// slowed by the others' failures, only blocked after 10 failures of its
// own. Each attempt is counted before the password is checked, so
// concurrent guesses cannot slip past the limits together. A wrong email
// and a wrong password look the same (and take the same time). Errors:
// UNAUTHENTICATED, TOO_MANY_REQUESTS, FORBIDDEN (disabled),
// BAD_USER_INPUT naming email or password.
func (s *Service) Login(ctx context.Context, email, password, clientIP, userAgent, device string) (*ent.User, *Session, error) {
	email, err := auth.NormalizeEmail(email)
	if err != nil {
		return nil, nil, err
	}
	if len(password) > auth.MaxPasswordBytes {
		return nil, nil, errs.InvalidField("password", "the password is too long")
	}
	tooMany := func(retry time.Duration) error {
		return errs.E(errs.TooManyRequests, "too many failed sign-ins; try again in %s", retry.Round(time.Second))
	}
	ipKey, emailKey := "ip:"+auth.AddressKey(clientIP), "email:"+email
	if ok, retry := s.limiter.Take(ipKey); !ok {
		return nil, nil, tooMany(retry)
	}
	sys := viewer.System(ctx)
	u, err := s.client.User.Query().Where(user.Email(email)).Only(sys)
	if err != nil && !ent.IsNotFound(err) {
		s.limiter.Undo(ipKey)
		return nil, nil, err
	}
	// A browser is known to this account when its device cookie names it;
	// it is limited on its own instead of with everyone else.
	var deviceKey string
	if uid, id, ok := auth.VerifyDeviceToken(s.cfg.DeviceKey, device); ok && u != nil && uid == u.ID {
		deviceKey = fmt.Sprintf("device:%d:%s", uid, id)
		if ok, retry := s.limiter.Take(deviceKey); !ok {
			s.limiter.Undo(ipKey) // not attempted
			return nil, nil, tooMany(retry)
		}
	} else if ok, retry := s.slow.Take(emailKey); !ok {
		s.limiter.Undo(ipKey)
		return nil, nil, tooMany(retry)
	}
	// The attempt is counted as failed on every key; a success gives it
	// back.
	failed := errs.E(errs.Unauthenticated, "wrong email or password")
	if u == nil {
		s.hasher.DummyCheck(password)
		return nil, nil, failed
	}
	ok, err := s.hasher.Check(u.PasswordHash, password)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, failed
	}
	s.limiter.Undo(ipKey)
	s.slow.Reset(emailKey)
	if deviceKey != "" {
		s.limiter.Reset(deviceKey)
	}
	if u.Disabled {
		return nil, nil, errs.E(errs.Forbidden, "this account is disabled")
	}
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
	return &Session{Token: token, Expires: exp, Device: auth.NewDeviceToken(s.cfg.DeviceKey, userID)}, nil
}

// Logout ends the viewer's session: the one that made the request, however
// it was presented (cookie or bearer token). Streams opened with it end
// too. Anonymous viewers have nothing to end.
func (s *Service) Logout(ctx context.Context) error {
	v := viewer.FromContext(ctx)
	if v == nil || v.SessionID == 0 {
		return nil
	}
	ids, err := s.endSessions(viewer.System(ctx), s.client, session.ID(v.SessionID))
	s.ended(ctx, ids)
	return err
}

// endSessions deletes the sessions matching where with c (a transactional
// client inside a transaction) and returns their ids, for the caller to
// pass to ended once the deletion is committed.
func (s *Service) endSessions(ctx context.Context, c *ent.Client, where ...predicate.Session) ([]int, error) {
	ids, err := c.Session.Query().Where(where...).IDs(ctx)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	if _, err := c.Session.Delete().Where(session.IDIn(ids...)).Exec(ctx); err != nil {
		return nil, err
	}
	return ids, nil
}

// ended tells every replica that the sessions with ids have ended (their
// rows are gone), so that requests and streams opened with them stop.
func (s *Service) ended(ctx context.Context, ids []int) {
	if len(ids) == 0 {
		return
	}
	if err := s.revoked.Publish(context.WithoutCancel(ctx), revocation.Session, ids); err != nil {
		// The periodic sweep of every replica ends them within a minute.
		s.log.WarnContext(ctx, "publishing ended sessions", "err", err, "count", len(ids))
	}
}

// lockout calls Config.Lockout, logging a failure (the account is locked
// out already: its tokens fail their next check).
func (s *Service) lockout(ctx context.Context, userID int) {
	if s.cfg.Lockout == nil {
		return
	}
	if err := s.cfg.Lockout(context.WithoutCancel(ctx), userID); err != nil {
		s.log.WarnContext(ctx, "ending an account's other credentials", "err", err, "user_id", userID)
	}
}

// ValidSessions is the revocation.Checker of sessions: which of ids are
// still present, unexpired and of an enabled account.
func (s *Service) ValidSessions(ctx context.Context, ids []int) ([]int, error) {
	return s.client.Session.Query().
		Where(session.IDIn(ids...), session.ExpiresAtGT(s.Now()), session.HasUserWith(user.Disabled(false))).
		IDs(viewer.System(ctx))
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
	now := s.Now()
	// Every request starts here, so the session and its account are read
	// in one statement (a join), not ent's two (session, then user).
	var found []struct {
		ID            int       `json:"id"`
		UserID        int       `json:"user_id"`
		LastSeenAt    time.Time `json:"last_seen_at"`
		PlatformAdmin bool      `json:"platform_admin"`
	}
	err := s.client.Session.Query().
		Where(session.TokenHash(auth.HashToken(token)), session.ExpiresAtGT(now)).
		Modify(func(q *sql.Selector) {
			u := sql.Table(user.Table)
			q.Join(u).On(q.C(session.FieldUserID), u.C(user.FieldID)).
				Where(sql.EQ(u.C(user.FieldDisabled), false)).
				Select(q.C(session.FieldID), q.C(session.FieldUserID), q.C(session.FieldLastSeenAt),
					u.C(user.FieldPlatformAdmin))
		}).
		Scan(sys, &found)
	if err != nil || len(found) != 1 {
		return nil, err
	}
	sess := found[0]
	if now.Sub(sess.LastSeenAt) > touchEvery {
		err := s.client.Session.UpdateOneID(sess.ID).SetLastSeenAt(now).SetExpiresAt(now.Add(s.SessionTTL)).Exec(sys)
		if err != nil {
			s.log.WarnContext(ctx, "extending session", "err", err)
		}
	}
	return &viewer.Viewer{
		UserID:        sess.UserID,
		PlatformAdmin: sess.PlatformAdmin,
		SessionID:     sess.ID,
	}, nil
}

// PurgeExpired deletes expired sessions (returning how many) and expired
// reset and verification links.
func (s *Service) PurgeExpired(ctx context.Context) (int, error) {
	sys := viewer.System(ctx)
	ids, err := s.endSessions(sys, s.client, session.ExpiresAtLTE(s.Now()))
	s.ended(ctx, ids)
	if err != nil {
		return len(ids), err
	}
	if _, err := s.client.PasswordReset.Delete().Where(passwordreset.ExpiresAtLTE(s.Now())).Exec(sys); err != nil {
		return len(ids), err
	}
	_, err = s.client.EmailVerification.Delete().Where(emailverification.ExpiresAtLTE(s.Now())).Exec(sys)
	return len(ids), err
}
