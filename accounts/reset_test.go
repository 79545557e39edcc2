package accounts_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/accounts"
	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/auth/authtest"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/passwordreset"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/mail"
	"github.com/woowtech/woow-paas/mail/mailtest"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/viewer"
)

// newMailingService is newService with mail through a test SMTP server.
func newMailingService(t *testing.T) (*accounts.Service, *ent.Client, *mailtest.Server) {
	t.Helper()
	db := storetest.Open(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := mailtest.Start(t)
	smtp, err := mail.NewSMTP(srv.URL(), "Woow <noreply@woow.test>")
	if err != nil {
		t.Fatal(err)
	}
	out := mail.NewOutbox(smtp, log)
	go out.Run(t.Context())
	svc := accounts.New(db.Client, accounts.Config{
		Hasher: authtest.Hasher(), Log: log,
		PublicURL: "https://paas.example.com/", Mail: out,
	})
	go svc.Run(t.Context())
	return svc, db.Client, srv
}

// registerMailed registers email and takes its verification e-mail.
func registerMailed(t *testing.T, svc *accounts.Service, srv *mailtest.Server, email string) (*ent.User, *accounts.Session, mailtest.Message) {
	t.Helper()
	u, s := register(t, svc, email)
	m := srv.Next(t, 5*time.Second)
	if m.To[0] != email || !strings.Contains(m.Link(), "/verify-email#token=") {
		t.Fatalf("after registering: e-mail to %v with %q", m.To, m.Link())
	}
	return u, s, m
}

func TestPasswordReset(t *testing.T) {
	svc, c, srv := newMailingService(t)
	u, s1, _ := registerMailed(t, svc, srv, "a@example.com")
	_, s2, err := svc.Login(context.Background(), "a@example.com", password, "10.0.0.1", "ua", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.RequestPasswordReset(context.Background(), " A@Example.com ", "10.0.0.1"); err != nil {
		t.Fatal(err)
	}
	m := srv.Next(t, 5*time.Second)
	if len(m.To) != 1 || m.To[0] != "a@example.com" {
		t.Fatalf("sent to %v", m.To)
	}
	if !strings.HasPrefix(m.Link(), "https://paas.example.com/reset-password#token=") {
		t.Fatalf("link %q in %q", m.Link(), m.Body)
	}
	token := m.Token()
	// Only its hash is stored.
	rows, err := c.PasswordReset.Query().All(viewer.System(context.Background()))
	if err != nil || len(rows) != 1 || rows[0].TokenHash != auth.HashToken(token) || strings.Contains(rows[0].TokenHash, token) {
		t.Fatalf("stored resets %v, %v", rows, err)
	}

	// A weak password is refused naming the field, and leaves the link usable.
	wantField(t, svc.ResetPassword(context.Background(), token, "short", "10.0.0.1"), errs.Invalid, "newPassword")
	if err := svc.ResetPassword(context.Background(), token, "a brand new password", "10.0.0.1"); err != nil {
		t.Fatal(err)
	}
	// The link reached the address: it counts as verified.
	if got, _ := c.User.Get(viewer.System(context.Background()), u.ID); got.EmailVerifiedAt == nil {
		t.Error("the address is not verified after a reset")
	}
	// Every session ended; the new password works, the old does not.
	for _, s := range []*accounts.Session{s1, s2} {
		if v, _ := svc.Authenticate(context.Background(), s.Token); v != nil {
			t.Error("a session survived the reset")
		}
	}
	if _, _, err := svc.Login(context.Background(), "a@example.com", password, "10.0.0.2", "ua", ""); errs.CodeOf(err) != errs.Unauthenticated {
		t.Errorf("old password: %v", err)
	}
	if got, _, err := svc.Login(context.Background(), "a@example.com", "a brand new password", "10.0.0.2", "ua", ""); err != nil || got.ID != u.ID {
		t.Errorf("new password: %v", err)
	}
	// Single use.
	wantField(t, svc.ResetPassword(context.Background(), token, "yet another password", "10.0.0.1"), errs.Invalid, "token")
	wantField(t, svc.ResetPassword(context.Background(), "", "yet another password", "10.0.0.1"), errs.Invalid, "token")
	other, _ := auth.NewToken()
	wantField(t, svc.ResetPassword(context.Background(), other, "yet another password", "10.0.0.1"), errs.Invalid, "token")
}

func TestPasswordResetExpiresAndStaysQuiet(t *testing.T) {
	svc, c, srv := newMailingService(t)
	registerMailed(t, svc, srv, "a@example.com")
	// An unknown address: the same answer, and no e-mail.
	if err := svc.RequestPasswordReset(context.Background(), "nobody@example.com", "10.0.0.1"); err != nil {
		t.Fatalf("unknown address: %v", err)
	}
	srv.Quiet(t, 200*time.Millisecond)

	if err := svc.RequestPasswordReset(context.Background(), "a@example.com", "10.0.0.1"); err != nil {
		t.Fatal(err)
	}
	token := srv.Next(t, 5*time.Second).Token()
	r, err := c.PasswordReset.Query().Where(passwordreset.TokenHash(auth.HashToken(token))).Only(viewer.System(context.Background()))
	if err != nil {
		t.Fatal(err)
	}
	if ttl := r.ExpiresAt.Sub(r.CreatedAt); ttl != accounts.ResetTTL {
		t.Errorf("valid for %v, want %v", ttl, accounts.ResetTTL)
	}
	svc.Now = func() time.Time { return r.ExpiresAt.Add(time.Second) }
	wantField(t, svc.ResetPassword(context.Background(), token, "a brand new password", "10.0.0.1"), errs.Invalid, "token")

	// Requests are limited per address and per client.
	svc.Now = func() time.Time { return time.Now().UTC() }
	var err2 error
	for i := range 10 {
		if err2 = svc.RequestPasswordReset(context.Background(), "a@example.com", fmt.Sprintf("10.0.1.%d", i)); err2 != nil {
			break
		}
	}
	wantCode(t, err2, errs.TooManyRequests)
}

func TestPasswordResetNeedsMail(t *testing.T) {
	svc, _ := newService(t)
	register(t, svc, "a@example.com")
	wantCode(t, svc.RequestPasswordReset(context.Background(), "a@example.com", "10.0.0.1"), errs.Conflict)
}

// TestDisablingEndsSessions: a platform admin disables an account; its
// sessions end at once (what they opened too) and it cannot sign in.
func TestDisablingEndsSessions(t *testing.T) {
	svc, _ := newService(t)
	admin, as := register(t, svc, "admin@example.com")
	u, us := register(t, svc, "a@example.com")
	adminCtx := signedIn(t, svc, as.Token)
	userCtx := signedIn(t, svc, us.Token)

	setDisabled := func(ctx context.Context, id int, disabled bool) error {
		_, err := svc.SetDisabled(ctx, id, disabled)
		return err
	}
	wantCode(t, setDisabled(userCtx, admin.ID, true), errs.Forbidden)
	wantField(t, setDisabled(adminCtx, admin.ID, true), errs.Invalid, "userId")
	wantCode(t, setDisabled(context.Background(), u.ID, true), errs.Unauthenticated)
	wantCode(t, setDisabled(adminCtx, u.ID+1000, true), errs.NotFound)

	if err := setDisabled(adminCtx, u.ID, true); err != nil {
		t.Fatal(err)
	}
	if v, _ := svc.Authenticate(context.Background(), us.Token); v != nil {
		t.Error("the disabled account's session still works")
	}
	_, _, err := svc.Login(context.Background(), "a@example.com", password, "10.0.0.1", "ua", "")
	wantCode(t, err, errs.Forbidden)
	if err := setDisabled(adminCtx, u.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.Login(context.Background(), "a@example.com", password, "10.0.0.1", "ua", ""); err != nil {
		t.Errorf("enabled again: %v", err)
	}
}

// TestEmailVerification: the link e-mailed at registration verifies the
// address, once; changing the address unverifies it, sends a new link and
// voids the old links (verification and reset).
func TestEmailVerification(t *testing.T) {
	svc, c, srv := newMailingService(t)
	u, s, m := registerMailed(t, svc, srv, "a@example.com")
	ctx := signedIn(t, svc, s.Token)
	verified := func() bool {
		got, err := c.User.Get(viewer.System(context.Background()), u.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got.EmailVerifiedAt != nil
	}
	if verified() {
		t.Fatal("verified before following the link")
	}
	wantField(t, svc.VerifyEmail(context.Background(), "not-a-token", "10.0.0.1"), errs.Invalid, "token")
	if err := svc.VerifyEmail(context.Background(), m.Token(), "10.0.0.1"); err != nil {
		t.Fatal(err)
	}
	if !verified() {
		t.Fatal("not verified after following the link")
	}
	wantField(t, svc.VerifyEmail(context.Background(), m.Token(), "10.0.0.1"), errs.Invalid, "token")
	// Nothing to send for a verified address.
	if err := svc.RequestEmailVerification(ctx, "10.0.0.1"); err != nil {
		t.Fatal(err)
	}
	srv.Quiet(t, 200*time.Millisecond)

	// A reset link, then a new address.
	if err := svc.RequestPasswordReset(context.Background(), "a@example.com", "10.0.0.1"); err != nil {
		t.Fatal(err)
	}
	reset := srv.Next(t, 5*time.Second)
	if _, err := svc.UpdateProfile(ctx, accounts.ProfileInput{Email: ptr("b@example.com")}); err != nil {
		t.Fatal(err)
	}
	if verified() {
		t.Error("a new address is verified without a link")
	}
	m2 := srv.Next(t, 5*time.Second)
	if m2.To[0] != "b@example.com" || m2.Token() == "" {
		t.Fatalf("after the change: e-mail to %v", m2.To)
	}
	wantField(t, svc.ResetPassword(context.Background(), reset.Token(), "a brand new password", "10.0.0.1"), errs.Invalid, "token")
	// A link for the old address does not verify the new one.
	if err := svc.RequestEmailVerification(ctx, "10.0.0.1"); err != nil {
		t.Fatal(err)
	}
	m3 := srv.Next(t, 5*time.Second)
	if _, err := svc.UpdateProfile(ctx, accounts.ProfileInput{Email: ptr("c@example.com")}); err != nil {
		t.Fatal(err)
	}
	srv.Next(t, 5*time.Second) // c's link
	wantField(t, svc.VerifyEmail(context.Background(), m3.Token(), "10.0.0.1"), errs.Invalid, "token")
	if verified() {
		t.Error("an old address's link verified the new one")
	}
	// Without mail, there is nothing to ask for.
	plain, _ := newService(t)
	_, ps := register(t, plain, "x@example.com")
	wantCode(t, plain.RequestEmailVerification(signedIn(t, plain, ps.Token), "10.0.0.1"), errs.Conflict)
}

// TestResetPasswordChecksTheTokenFirst: a made-up token is refused before
// the new password is hashed (a hash is what a sign-in waits for), and
// guessing is limited per client.
func TestResetPasswordChecksTheTokenFirst(t *testing.T) {
	db := storetest.Open(t)
	// A hasher that cannot hash: any hashing shows as an internal error.
	broken := auth.NewHasher(auth.Params{Memory: 8, Iterations: 1, Parallelism: 1, SaltLength: 0, KeyLength: 16}, 0)
	if _, err := broken.Hash("a brand new password"); err == nil {
		t.Fatal("the broken hasher hashes")
	}
	svc := accounts.New(db.Client, accounts.Config{Hasher: broken})
	other, _ := auth.NewToken()
	for range 20 {
		wantField(t, svc.ResetPassword(context.Background(), other, "a brand new password", "10.0.0.1"), errs.Invalid, "token")
	}
	wantCode(t, svc.ResetPassword(context.Background(), other, "a brand new password", "10.0.0.1"), errs.TooManyRequests)
}
