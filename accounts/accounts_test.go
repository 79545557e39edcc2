package accounts_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/accounts"
	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/auth/authtest"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/session"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/viewer"
)

const password = "correct horse battery"

func newService(t *testing.T) (*accounts.Service, *ent.Client) {
	t.Helper()
	db := storetest.Open(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return accounts.New(db.Client, accounts.Config{Hasher: authtest.Hasher(), Log: log, Dialect: db.Dialect}), db.Client
}

func register(t *testing.T, svc *accounts.Service, email string) (*ent.User, *accounts.Session) {
	t.Helper()
	u, s, err := svc.Register(context.Background(), accounts.RegisterInput{
		Email: email, Password: password, Name: "Name of " + email, UserAgent: "test",
	})
	if err != nil {
		t.Fatalf("Register(%s): %v", email, err)
	}
	return u, s
}

func sys() context.Context { return viewer.System(context.Background()) }

func wantCode(t *testing.T, err error, code errs.Code) {
	t.Helper()
	if got := errs.CodeOf(err); got != code {
		t.Fatalf("error = %v (code %q), want code %s", err, got, code)
	}
}

func wantField(t *testing.T, err error, code errs.Code, field string) {
	t.Helper()
	wantCode(t, err, code)
	var e *errs.Error
	if !errors.As(err, &e) || e.Field != field {
		t.Fatalf("error = %v, want field %q", err, field)
	}
}

func TestRegisterFirstIsPlatformAdmin(t *testing.T) {
	svc, c := newService(t)
	first, s1 := register(t, svc, "first@example.com")
	second, s2 := register(t, svc, "second@example.com")
	if !first.PlatformAdmin {
		t.Error("the first account is not platform admin")
	}
	if second.PlatformAdmin {
		t.Error("the second account is platform admin")
	}
	if s1.Token == "" || s2.Token == "" || s1.Token == s2.Token {
		t.Errorf("session tokens %q and %q", s1.Token, s2.Token)
	}
	// Stored as such, not only in the returned value.
	u, err := c.User.Get(sys(), first.ID)
	if err != nil || !u.PlatformAdmin {
		t.Fatalf("stored first user: %v, %v", u, err)
	}
	if !strings.HasPrefix(u.PasswordHash, "$argon2id$") || strings.Contains(u.PasswordHash, password) {
		t.Errorf("password stored as %q", u.PasswordHash)
	}
	if u.LastLoginAt == nil {
		t.Error("registration did not set last login")
	}
}

func TestRegisterEmailCaseInsensitive(t *testing.T) {
	svc, c := newService(t)
	u, _ := register(t, svc, "  Alice@Example.COM ")
	if u.Email != "alice@example.com" {
		t.Errorf("stored email %q, want it lower-cased and trimmed", u.Email)
	}
	for _, email := range []string{"alice@example.com", "ALICE@EXAMPLE.COM", "Alice@example.com"} {
		_, _, err := svc.Register(context.Background(), accounts.RegisterInput{Email: email, Password: password, Name: "Other"})
		wantField(t, err, errs.Invalid, "email")
	}
	n, err := c.User.Query().Count(sys())
	if err != nil || n != 1 {
		t.Errorf("users = %d, %v; want 1", n, err)
	}
	// Login works with any case.
	if _, _, err := svc.Login(context.Background(), "ALICE@example.com", password, "10.0.0.1", "ua", ""); err != nil {
		t.Errorf("Login with upper-case email: %v", err)
	}
}

func TestRegisterValidates(t *testing.T) {
	svc, c := newService(t)
	tests := []struct {
		name  string
		in    accounts.RegisterInput
		field string
	}{
		{"bad email", accounts.RegisterInput{Email: "not-an-email", Password: password, Name: "N"}, "email"},
		{"display-name email", accounts.RegisterInput{Email: "Bob <bob@example.com>", Password: password, Name: "N"}, "email"},
		{"short password", accounts.RegisterInput{Email: "a@example.com", Password: "short", Name: "N"}, "password"},
		{"empty name", accounts.RegisterInput{Email: "a@example.com", Password: password, Name: "   "}, "name"},
		{"long name", accounts.RegisterInput{Email: "a@example.com", Password: password, Name: strings.Repeat("n", 201)}, "name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := svc.Register(context.Background(), tt.in)
			wantField(t, err, errs.Invalid, tt.field)
		})
	}
	if n, _ := c.User.Query().Count(sys()); n != 0 {
		t.Errorf("invalid registrations created %d users", n)
	}
}

func TestAuthenticate(t *testing.T) {
	svc, _ := newService(t)
	u, s := register(t, svc, "a@example.com")
	ctx := context.Background()

	v, err := svc.Authenticate(ctx, s.Token)
	if err != nil || v == nil {
		t.Fatalf("Authenticate(token) = %v, %v", v, err)
	}
	if v.UserID != u.ID || !v.PlatformAdmin || v.SessionID == 0 {
		t.Errorf("viewer = %+v, want user %d, platform admin, a session", v, u.ID)
	}

	other, _ := auth.NewToken()
	for name, tok := range map[string]string{"wrong": other, "empty": "", "garbage": "x"} {
		v, err := svc.Authenticate(ctx, tok)
		if err != nil || v != nil {
			t.Errorf("Authenticate(%s token) = %v, %v; want nil, nil", name, v, err)
		}
	}
}

func TestSessionExpiry(t *testing.T) {
	svc, c := newService(t)
	_, s := register(t, svc, "a@example.com")
	start := time.Now().UTC()

	// Shortly before the end the session still works, and use extends it.
	svc.Now = func() time.Time { return start.Add(svc.SessionTTL - time.Hour) }
	if v, err := svc.Authenticate(context.Background(), s.Token); err != nil || v == nil {
		t.Fatalf("Authenticate just before expiry = %v, %v", v, err)
	}
	stored, err := c.Session.Query().Where(session.TokenHash(auth.HashToken(s.Token))).Only(sys())
	if err != nil {
		t.Fatal(err)
	}
	// PostgreSQL keeps microseconds.
	if want := svc.Now().Add(svc.SessionTTL); stored.ExpiresAt.Sub(want).Abs() > time.Millisecond {
		t.Errorf("expiry after use = %v, want extended to %v", stored.ExpiresAt, want)
	}

	// Past the (extended) expiry it is gone.
	svc.Now = func() time.Time { return stored.ExpiresAt.Add(time.Second) }
	if v, err := svc.Authenticate(context.Background(), s.Token); err != nil || v != nil {
		t.Fatalf("Authenticate after expiry = %v, %v; want nil", v, err)
	}

	n, err := svc.PurgeExpired(context.Background())
	if err != nil || n != 1 {
		t.Errorf("PurgeExpired = %d, %v; want 1", n, err)
	}
}

func TestSessionExpiresWithoutUse(t *testing.T) {
	svc, _ := newService(t)
	_, s := register(t, svc, "a@example.com")
	svc.Now = func() time.Time { return time.Now().UTC().Add(svc.SessionTTL + time.Minute) }
	if v, err := svc.Authenticate(context.Background(), s.Token); err != nil || v != nil {
		t.Fatalf("Authenticate past SessionTTL = %v, %v; want nil", v, err)
	}
}

func TestLogout(t *testing.T) {
	svc, c := newService(t)
	u, s := register(t, svc, "a@example.com")
	_, s2, err := svc.Login(context.Background(), "a@example.com", password, "10.0.0.1", "other browser", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Logout(signedIn(t, svc, s.Token)); err != nil {
		t.Fatal(err)
	}
	if v, _ := svc.Authenticate(context.Background(), s.Token); v != nil {
		t.Error("the session works after logout")
	}
	if n, _ := c.Session.Query().Where(session.TokenHash(auth.HashToken(s.Token))).Count(sys()); n != 0 {
		t.Errorf("%d session rows left for the token", n)
	}
	// Only that session ended.
	if v, _ := svc.Authenticate(context.Background(), s2.Token); v == nil || v.UserID != u.ID {
		t.Error("logging out ended the other session too")
	}
	// Anonymous viewers have nothing to end.
	if err := svc.Logout(context.Background()); err != nil {
		t.Errorf("Logout(anonymous) = %v", err)
	}
}

func TestLogin(t *testing.T) {
	svc, c := newService(t)
	u, _ := register(t, svc, "a@example.com")
	ctx := context.Background()

	_, _, err := svc.Login(ctx, "a@example.com", "wrong password", "10.0.0.1", "ua", "")
	wantCode(t, err, errs.Unauthenticated)
	_, _, err = svc.Login(ctx, "nobody@example.com", password, "10.0.0.1", "ua", "")
	wantCode(t, err, errs.Unauthenticated)

	svc.Now = func() time.Time { return time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC) }
	got, s, err := svc.Login(ctx, "a@example.com", password, "10.0.0.1", strings.Repeat("u", 600), "")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != u.ID || got.LastLoginAt == nil || !got.LastLoginAt.Equal(svc.Now()) {
		t.Errorf("Login user = %+v, want id %d with last login %v", got, u.ID, svc.Now())
	}
	stored, err := c.Session.Query().Where(session.TokenHash(auth.HashToken(s.Token))).Only(sys())
	if err != nil {
		t.Fatal(err)
	}
	if len(stored.UserAgent) != 512 {
		t.Errorf("stored user agent has %d bytes, want it cut to 512", len(stored.UserAgent))
	}
}

// clock is a settable time for the limits.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time          { return c.now }
func (c *clock) advance(d time.Duration) { c.now = c.now.Add(d) }

func TestLoginBlocksAnAddress(t *testing.T) {
	svc, _ := newService(t)
	register(t, svc, "a@example.com")
	register(t, svc, "b@example.com")
	clk := &clock{now: time.Now().UTC()}
	svc.Now = clk.Now
	ctx := context.Background()
	// Ten failures from one address, spread over accounts so that no
	// account is slowed down.
	for i := 1; i <= 10; i++ {
		email := []string{"a@example.com", "b@example.com"}[i%2]
		_, _, err := svc.Login(ctx, email, "wrong password", "10.0.0.1", "ua", "")
		if errs.CodeOf(err) != errs.Unauthenticated {
			t.Fatalf("failure %d: %v, want UNAUTHENTICATED", i, err)
		}
		clk.advance(time.Minute)
	}
	// That address is blocked, for every account and the right password.
	_, _, err := svc.Login(ctx, "a@example.com", password, "10.0.0.1", "ua", "")
	wantCode(t, err, errs.TooManyRequests)
	// The owners, elsewhere, are not.
	if _, _, err := svc.Login(ctx, "a@example.com", password, "10.9.9.9", "ua", ""); err != nil {
		t.Fatalf("owner on another address: %v", err)
	}
	// The block lifts with the window.
	clk.advance(15 * time.Minute)
	if _, _, err := svc.Login(ctx, "b@example.com", password, "10.0.0.1", "ua", ""); err != nil {
		t.Fatalf("after the window: %v", err)
	}
}

// TestStrangersCannotLockTheOwnerOut: failures from many addresses slow an
// account down (one attempt per wait, the wait doubling up to a minute)
// but never lock it: the owner gets in from a fresh address after at most
// the wait, and at once from a browser where they signed in before.
func TestStrangersCannotLockTheOwnerOut(t *testing.T) {
	svc, _ := newService(t)
	register(t, svc, "a@example.com")
	clk := &clock{now: time.Now().UTC()}
	svc.Now = clk.Now
	ctx := context.Background()
	_, known, err := svc.Login(ctx, "a@example.com", password, "10.1.1.1", "ua", "")
	if err != nil || known.Device == "" {
		t.Fatalf("first sign-in: %v, device %q", err, known.Device)
	}

	// A distributed guesser: each guess from another address, as fast as
	// it is let through.
	failures, refused := 0, 0
	for i := range 200 {
		_, _, err := svc.Login(ctx, "a@example.com", "guess", fmt.Sprintf("10.2.%d.%d", i/250, i%250), "ua", "")
		switch errs.CodeOf(err) {
		case errs.Unauthenticated:
			failures++
		case errs.TooManyRequests:
			refused++
		default:
			t.Fatalf("guess %d: %v", i, err)
		}
		clk.advance(time.Second)
	}
	// 200 seconds let 5 free guesses and then about one a minute through.
	if failures > 12 || refused == 0 {
		t.Fatalf("%d guesses checked, %d refused: the account is not slowed down", failures, refused)
	}

	// The owner from a fresh address waits at most a minute; never locked.
	_, _, err = svc.Login(ctx, "a@example.com", password, "10.3.3.3", "ua", "")
	var waited time.Duration
	for errs.CodeOf(err) == errs.TooManyRequests && waited <= time.Minute {
		clk.advance(10 * time.Second)
		waited += 10 * time.Second
		_, _, err = svc.Login(ctx, "a@example.com", password, "10.3.3.3", "ua", "")
	}
	if err != nil {
		t.Fatalf("the owner is still refused after %v: %v", waited, err)
	}

	// More guessing; the owner's known browser gets in at once.
	for i := range 20 {
		_, _, _ = svc.Login(ctx, "a@example.com", "guess", fmt.Sprintf("10.4.0.%d", i), "ua", "")
	}
	if _, _, err := svc.Login(ctx, "a@example.com", password, "10.5.5.5", "ua", known.Device); err != nil {
		t.Fatalf("the owner's known browser is refused: %v", err)
	}
	// A device cookie of another account, or a forged one, is no help.
	_, other := register(t, svc, "b@example.com")
	// The forgery changes the last two characters; "AA" when they are not
	// already that (1 time in 4,096 they were, and the "forged" cookie was
	// the real one: CI saw the known browser blocked below).
	forged := known.Device[:len(known.Device)-2] + "AA"
	if forged == known.Device {
		forged = known.Device[:len(known.Device)-2] + "BB"
	}
	for name, dev := range map[string]string{"another account's": other.Device, "forged": forged} {
		for i := range 20 {
			_, _, _ = svc.Login(ctx, "a@example.com", "guess", fmt.Sprintf("10.6.0.%d", i), "ua", dev)
		}
		if _, _, err := svc.Login(ctx, "a@example.com", password, "10.7.7.7", "ua", dev); errs.CodeOf(err) != errs.TooManyRequests {
			t.Errorf("with %s device cookie: %v, want TOO_MANY_REQUESTS", name, err)
		}
		clk.advance(2 * time.Minute)
	}
	// A known browser that guesses is blocked on its own after ten.
	for i := range 10 {
		_, _, err := svc.Login(ctx, "a@example.com", "guess", fmt.Sprintf("10.8.0.%d", i), "ua", known.Device)
		wantCode(t, err, errs.Unauthenticated)
	}
	_, _, err = svc.Login(ctx, "a@example.com", password, "10.8.1.1", "ua", known.Device)
	wantCode(t, err, errs.TooManyRequests)
}

func TestLoginSuccessResetsTheSlowDown(t *testing.T) {
	svc, _ := newService(t)
	register(t, svc, "a@example.com")
	clk := &clock{now: time.Now().UTC()}
	svc.Now = clk.Now
	ctx := context.Background()
	// Four failures from four addresses, a success, four more: the account
	// never reaches its fifth failure, so nothing is refused.
	for round := range 2 {
		for i := range 4 {
			_, _, err := svc.Login(ctx, "a@example.com", "wrong password", fmt.Sprintf("10.0.%d.%d", round, i), "ua", "")
			wantCode(t, err, errs.Unauthenticated)
		}
		if _, _, err := svc.Login(ctx, "a@example.com", password, "10.1.1.1", "ua", ""); err != nil {
			t.Fatalf("round %d: correct password refused: %v", round, err)
		}
	}
}

func TestLoginDisabled(t *testing.T) {
	svc, c := newService(t)
	u, s := register(t, svc, "a@example.com")
	if err := c.User.UpdateOneID(u.ID).SetDisabled(true).Exec(sys()); err != nil {
		t.Fatal(err)
	}
	_, _, err := svc.Login(context.Background(), "a@example.com", password, "10.0.0.1", "ua", "")
	wantCode(t, err, errs.Forbidden)
	// A wrong password does not reveal the account is disabled.
	_, _, err = svc.Login(context.Background(), "a@example.com", "wrong password", "10.0.0.1", "ua", "")
	wantCode(t, err, errs.Unauthenticated)
	// Its existing session no longer authenticates.
	if v, err := svc.Authenticate(context.Background(), s.Token); err != nil || v != nil {
		t.Errorf("Authenticate for a disabled account = %v, %v; want nil", v, err)
	}
}

func TestSessionTokenStoredHashed(t *testing.T) {
	svc, c := newService(t)
	u, s := register(t, svc, "a@example.com")
	_, s2, err := svc.Login(context.Background(), "a@example.com", password, "10.0.0.1", "ua", "")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := c.Session.Query().All(sys())
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d sessions, want 2", len(rows))
	}
	want := map[string]bool{auth.HashToken(s.Token): true, auth.HashToken(s2.Token): true}
	for _, r := range rows {
		if r.TokenHash == s.Token || r.TokenHash == s2.Token {
			t.Errorf("session %d stores the token itself", r.ID)
		}
		if !want[r.TokenHash] {
			t.Errorf("session %d stores %q, not the hash of an issued token", r.ID, r.TokenHash)
		}
		if r.UserID != u.ID {
			t.Errorf("session %d belongs to %d", r.ID, r.UserID)
		}
	}
}

// TestRegisterNonASCIIName: the name limit is 200 characters, so a
// 100-character name in CJK script (300 bytes) is accepted.
func TestRegisterNonASCIIName(t *testing.T) {
	svc, _ := newService(t)
	name := strings.Repeat("王", 100)
	u, _, err := svc.Register(context.Background(), accounts.RegisterInput{Email: "wang@example.com", Password: password, Name: name})
	if err != nil {
		t.Fatalf("Register(100-character name) = %v, want success", err)
	}
	if u.Name != name {
		t.Errorf("stored name %q", u.Name)
	}
}

// TestConcurrentGuessesAreCounted: guesses sent at once cannot all slip
// past the limits before the first of them fails.
func TestConcurrentGuessesAreCounted(t *testing.T) {
	svc, _ := newService(t)
	register(t, svc, "a@example.com")
	var wg sync.WaitGroup
	var checked, refused atomic.Int32
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, err := svc.Login(context.Background(), "a@example.com", "guess", "10.0.0.1", "ua", "")
			switch errs.CodeOf(err) {
			case errs.Unauthenticated:
				checked.Add(1)
			case errs.TooManyRequests:
				refused.Add(1)
			default:
				t.Errorf("guess: %v", err)
			}
		}()
	}
	wg.Wait()
	// Five free attempts on the account (the address allows ten).
	if n := checked.Load(); n != 5 {
		t.Fatalf("%d of 50 concurrent guesses checked, want 5 (%d refused)", n, refused.Load())
	}
}
