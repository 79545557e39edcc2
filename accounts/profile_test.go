package accounts_test

import (
	"context"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/accounts"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/viewer"
)

func ptr(s string) *string { return &s }

// signedIn is the context of a request that came with the session token.
func signedIn(t *testing.T, svc *accounts.Service, token string) context.Context {
	t.Helper()
	v, err := svc.Authenticate(context.Background(), token)
	if err != nil || v == nil {
		t.Fatalf("Authenticate: %v, %v", v, err)
	}
	return viewer.NewContext(context.Background(), v)
}

func TestUpdateProfile(t *testing.T) {
	svc, c := newService(t)
	u, s := register(t, svc, "a@example.com")
	register(t, svc, "b@example.com")
	ctx := signedIn(t, svc, s.Token)

	got, err := svc.UpdateProfile(ctx, accounts.ProfileInput{Name: ptr("  Ada Lovelace "), Email: ptr(" Ada@Example.com ")})
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Ada Lovelace" || got.Email != "ada@example.com" {
		t.Errorf("updated to %q <%s>", got.Name, got.Email)
	}
	stored, _ := c.User.Get(sys(), u.ID)
	if stored.Name != "Ada Lovelace" || stored.Email != "ada@example.com" {
		t.Errorf("stored %q <%s>", stored.Name, stored.Email)
	}
	// The new email signs in; nil fields keep their values.
	if _, _, err := svc.Login(context.Background(), "ada@example.com", password, "10.0.0.9", "ua", ""); err != nil {
		t.Errorf("login with the new email: %v", err)
	}
	got, err = svc.UpdateProfile(ctx, accounts.ProfileInput{})
	if err != nil || got.Name != "Ada Lovelace" || got.Email != "ada@example.com" {
		t.Errorf("empty update = %+v, %v", got, err)
	}

	for _, tc := range []struct {
		name  string
		in    accounts.ProfileInput
		field string
	}{
		{"blank name", accounts.ProfileInput{Name: ptr("   ")}, "name"},
		{"long name", accounts.ProfileInput{Name: ptr(strings.Repeat("x", 201))}, "name"},
		{"taken email", accounts.ProfileInput{Email: ptr("B@example.com")}, "email"},
		{"bad email", accounts.ProfileInput{Email: ptr("not an email")}, "email"},
		{"unknown language", accounts.ProfileInput{Locale: ptr("fr")}, "locale"},
		{"simplified Chinese", accounts.ProfileInput{Locale: ptr("zh-CN")}, "locale"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := svc.UpdateProfile(ctx, tc.in)
			wantField(t, err, errs.Invalid, tc.field)
		})
	}
	// A refused update changed nothing.
	if stored, _ := c.User.Get(sys(), u.ID); stored.Email != "ada@example.com" || stored.Name != "Ada Lovelace" {
		t.Errorf("after refusals: %q <%s>", stored.Name, stored.Email)
	}
	_, err = svc.UpdateProfile(context.Background(), accounts.ProfileInput{Name: ptr("x")})
	wantCode(t, err, errs.Unauthenticated)
}

// TestProfileLocale: the web app's language is stored on the account in
// its canonical form; empty follows the browser again; a profile update
// without it keeps it.
func TestProfileLocale(t *testing.T) {
	svc, c := newService(t)
	u, s := register(t, svc, "a@example.com")
	ctx := signedIn(t, svc, s.Token)
	if stored, _ := c.User.Get(sys(), u.ID); stored.Locale != "" {
		t.Fatalf("a new account's locale is %q, want empty (the browser's)", stored.Locale)
	}
	for _, step := range []struct{ set, want string }{{"zh-tw", "zh-TW"}, {"EN", "en"}, {"", ""}} {
		got, err := svc.UpdateProfile(ctx, accounts.ProfileInput{Locale: ptr(step.set)})
		if err != nil || got.Locale != step.want {
			t.Fatalf("locale %q: %+v, %v", step.set, got, err)
		}
	}
	if _, err := svc.UpdateProfile(ctx, accounts.ProfileInput{Locale: ptr("zh-TW")}); err != nil {
		t.Fatal(err)
	}
	if got, err := svc.UpdateProfile(ctx, accounts.ProfileInput{Name: ptr("Ada")}); err != nil || got.Locale != "zh-TW" {
		t.Fatalf("a name change: %+v, %v", got, err)
	}
}

func TestChangePassword(t *testing.T) {
	svc, _ := newService(t)
	_, s := register(t, svc, "a@example.com")
	_, other, err := svc.Login(context.Background(), "a@example.com", password, "10.0.0.1", "other browser", "")
	if err != nil {
		t.Fatal(err)
	}
	_, bystander := register(t, svc, "b@example.com")
	ctx := signedIn(t, svc, s.Token)

	wantField(t, svc.ChangePassword(ctx, "wrong password", "a new long password"), errs.Invalid, "currentPassword")
	wantField(t, svc.ChangePassword(ctx, password, "short"), errs.Invalid, "newPassword")
	wantCode(t, svc.ChangePassword(context.Background(), password, "a new long password"), errs.Unauthenticated)

	if err := svc.ChangePassword(ctx, password, "a new long password"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.Login(context.Background(), "a@example.com", password, "10.0.0.2", "ua", ""); errs.CodeOf(err) != errs.Unauthenticated {
		t.Errorf("old password still signs in: %v", err)
	}
	if _, _, err := svc.Login(context.Background(), "a@example.com", "a new long password", "10.0.0.2", "ua", ""); err != nil {
		t.Errorf("new password: %v", err)
	}
	// This session stays, the account's other one ended, others' are untouched.
	for name, tc := range map[string]struct {
		token string
		live  bool
	}{"this session": {s.Token, true}, "other session": {other.Token, false}, "another account": {bystander.Token, true}} {
		v, _ := svc.Authenticate(context.Background(), tc.token)
		if (v != nil) != tc.live {
			t.Errorf("%s: live = %v, want %v", name, v != nil, tc.live)
		}
	}
}

func TestChangePasswordLimitsGuesses(t *testing.T) {
	svc, _ := newService(t)
	_, s := register(t, svc, "a@example.com")
	ctx := signedIn(t, svc, s.Token)
	var err error
	for range 11 {
		err = svc.ChangePassword(ctx, "guess", "a new long password")
	}
	wantCode(t, err, errs.TooManyRequests)
	// Even the right password waits now.
	wantCode(t, svc.ChangePassword(ctx, password, "a new long password"), errs.TooManyRequests)
}
