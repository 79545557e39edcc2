package settings_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/ent/platformsetting"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/mail"
	"github.com/woowtech/woow-paas/secretbox"
	"github.com/woowtech/woow-paas/settings"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/viewer"
)

func TestSettings(t *testing.T) {
	db := storetest.Open(t)
	ctx := context.Background()
	admin := viewer.NewContext(ctx, &viewer.Viewer{UserID: 1, PlatformAdmin: true})
	user := viewer.NewContext(ctx, &viewer.Viewer{UserID: 2})
	s, err := settings.New(db.Client, testBox(t), settings.Env{})
	if err != nil {
		t.Fatal(err)
	}
	if v, err := s.Current(ctx); err != nil || v != settings.Defaults {
		t.Fatalf("nothing stored: %+v, %v; want the defaults", v, err)
	}

	// Platform admins only, before anything is looked at.
	domain := "Apps.Example.COM."
	for _, c := range []context.Context{user, ctx} {
		if _, err := s.Get(c); err == nil {
			t.Error("Get without a platform admin: no error")
		}
		if _, err := s.Update(c, settings.Update{ServiceDomain: new("not a domain")}); errs.CodeOf(err) == errs.Invalid || err == nil {
			t.Errorf("Update without a platform admin: %v, want a refusal before validation", err)
		}
	}

	// A change is normalised, stored and seen at once here, and by
	// another replica (another Service on the database).
	invitation := settings.Invitation
	v, err := s.Update(admin, settings.Update{
		ServiceDomain:  &domain,
		Registration:   &invitation,
		NamespaceQuota: &helmops.Quota{CPU: "4"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := settings.Values{ServiceDomain: "apps.example.com", Registration: settings.Invitation,
		NamespaceQuota: helmops.Quota{CPU: "4", Memory: "32Gi", Storage: "200Gi"}}
	if (settings.Values{ServiceDomain: v.ServiceDomain, Registration: v.Registration, NamespaceQuota: v.NamespaceQuota}) != want || len(v.Locked) != 0 {
		t.Errorf("after the update: %+v, want %+v", v, want)
	}
	if got := s.ServiceDomain(ctx); got != "apps.example.com" {
		t.Errorf("ServiceDomain on the same replica: %q", got)
	}
	other, err := settings.New(db.Client, testBox(t), settings.Env{})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := other.Current(ctx); err != nil || got != want {
		t.Errorf("another replica reads %+v, %v", got, err)
	}
	if only, err := other.InvitationOnly(ctx); err != nil || !only {
		t.Errorf("InvitationOnly = %v, %v", only, err)
	}
	// Updated again: the row is replaced, not doubled.
	if _, err := s.Update(admin, settings.Update{NamespaceQuota: &helmops.Quota{Memory: "64Gi"}}); err != nil {
		t.Fatal(err)
	}
	if q, _ := s.NamespaceQuota(ctx); q != (helmops.Quota{CPU: "4", Memory: "64Gi", Storage: "200Gi"}) {
		t.Errorf("quota after a second update: %+v", q)
	}

	// Bad values: BAD_USER_INPUT naming the field, nothing stored.
	for _, tc := range []struct {
		in    settings.Update
		field string
	}{
		{settings.Update{ServiceDomain: new("localhost")}, "serviceDomain"},
		{settings.Update{ServiceDomain: new("a..example.com")}, "serviceDomain"},
		{settings.Update{ServiceDomain: new("-x.example.com")}, "serviceDomain"},
		{settings.Update{ServiceDomain: new(strings.Repeat("a", 60) + "." + strings.Repeat("b", 150) + ".com")}, "serviceDomain"},
		{settings.Update{Registration: new(settings.Registration("closed"))}, "registration"},
		{settings.Update{NamespaceQuota: &helmops.Quota{CPU: "lots"}}, "namespaceQuota"},
		{settings.Update{NamespaceQuota: &helmops.Quota{Storage: "-1Gi"}}, "namespaceQuota"},
	} {
		_, err := s.Update(admin, tc.in)
		if e, ok := errors.AsType[*errs.Error](err); !ok || e.Code != errs.Invalid || e.Field != tc.field {
			t.Errorf("%+v: %v, want BAD_USER_INPUT on %s", tc.in, err, tc.field)
		}
	}
	if got, _ := s.Get(admin); got.ServiceDomain != "apps.example.com" {
		t.Errorf("a refused update changed the domain to %q", got.ServiceDomain)
	}
}

// TestEnvironmentWins: a setting an environment variable sets is the
// variable's, read-only, whatever is stored.
func TestEnvironmentWins(t *testing.T) {
	db := storetest.Open(t)
	ctx := context.Background()
	admin := viewer.NewContext(ctx, &viewer.Viewer{UserID: 1, PlatformAdmin: true})
	free, err := settings.New(db.Client, testBox(t), settings.Env{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := free.Update(admin, settings.Update{ServiceDomain: new("stored.example.com")}); err != nil {
		t.Fatal(err)
	}
	s, err := settings.New(db.Client, testBox(t), settings.Env{ServiceDomain: "env.example.com", NamespaceQuota: "cpu=2"})
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.Get(admin)
	if err != nil {
		t.Fatal(err)
	}
	if v.ServiceDomain != "env.example.com" || v.NamespaceQuota != (helmops.Quota{CPU: "2", Memory: "32Gi", Storage: "200Gi"}) ||
		!slices.Equal(v.Locked, []string{settings.KeyNamespaceQuota, settings.KeyServiceDomain}) {
		t.Errorf("with WOOW_DOMAIN and WOOW_NAMESPACE_QUOTA set: %+v", v)
	}
	_, err = s.Update(admin, settings.Update{ServiceDomain: new("other.example.com")})
	if e, ok := errors.AsType[*errs.Error](err); !ok || e.Code != errs.Invalid || e.Field != "serviceDomain" || !strings.Contains(e.Message, "WOOW_DOMAIN") {
		t.Errorf("changing a setting the environment sets: %v", err)
	}
	// The others stay free.
	if v, err := s.Update(admin, settings.Update{Registration: new(settings.Invitation)}); err != nil || v.Registration != settings.Invitation {
		t.Errorf("changing registration beside locked settings: %+v, %v", v, err)
	}

	for _, env := range []settings.Env{
		{ServiceDomain: "nodots"},
		{Registration: "sometimes"},
		{NamespaceQuota: "cpu=lots"},
		{NamespaceQuota: "gpu=1"},
		{NamespaceQuota: "cpu"},
	} {
		if _, err := settings.New(db.Client, testBox(t), env); err == nil || !strings.Contains(err.Error(), "WOOW_") {
			t.Errorf("%+v: error %v, want one naming the variable", env, err)
		}
	}
}

func testBox(t *testing.T) *secretbox.Box {
	t.Helper()
	box, err := secretbox.New(make([]byte, secretbox.KeySize))
	if err != nil {
		t.Fatal(err)
	}
	return box
}

// TestSecretSettings: the SMTP URL and the Cloudflare token are sealed in
// the database, shown only as set or not, read by the mailer and the
// tunnels client through Current, cleared by an empty string; the
// environment wins over them too.
func TestSecretSettings(t *testing.T) {
	db := storetest.Open(t)
	ctx := context.Background()
	admin := viewer.NewContext(ctx, &viewer.Viewer{UserID: 1, PlatformAdmin: true})
	user := viewer.NewContext(ctx, &viewer.Viewer{UserID: 2})
	box := testBox(t)
	s, err := settings.New(db.Client, box, settings.Env{})
	if err != nil {
		t.Fatal(err)
	}
	const (
		smtpURL = "smtps://woow:Sup3rSecretPw@mail.example.com:465"
		token   = "cf-Token_0123456789abcdefSECRET"
		account = "0123456789ABCDEF0123456789abcdef"
		zone    = "fedcba9876543210fedcba9876543210"
	)
	if _, err := s.Update(user, settings.Update{SMTPURL: new(smtpURL)}); errs.CodeOf(err) != errs.Forbidden {
		t.Errorf("a user sets the SMTP URL: %v, want FORBIDDEN", err)
	}
	v, err := s.Update(admin, settings.Update{SMTPURL: new(" " + smtpURL + " "), MailFrom: new("Woow <noreply@example.com>"),
		CFToken: new(token), CFAccount: new(account), CFZone: new(zone)})
	if err != nil {
		t.Fatal(err)
	}
	if !v.SMTPURL.Set || !v.CloudflareAPIToken.Set || v.MailFrom != "Woow <noreply@example.com>" ||
		v.CloudflareAccountID != strings.ToLower(account) || v.CloudflareZoneID != zone {
		t.Errorf("view after setting: %+v", v)
	}
	if strings.Contains(fmt.Sprintf("%+v", v), "Sup3rSecretPw") || strings.Contains(fmt.Sprintf("%+v", v), token) {
		t.Errorf("the view holds a secret: %+v", v)
	}
	// Sealed at rest: the rows hold neither secret, and open only under
	// the platform's key.
	rows, err := db.Client.PlatformSetting.Query().All(viewer.System(ctx))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		for _, secret := range []string{"Sup3rSecretPw", "mail.example.com", token} {
			if strings.Contains(r.Value, secret) {
				t.Errorf("row %s holds %q in clear: %s", r.Key, secret, r.Value)
			}
		}
	}
	if n, _ := db.Client.PlatformSetting.Query().Where(platformsetting.KeyIn(settings.KeySMTPURL, settings.KeyCFToken)).Count(viewer.System(ctx)); n != 2 {
		t.Errorf("%d secret rows, want 2", n)
	}
	// Another replica reads them (the same key), in Current only.
	other, err := settings.New(db.Client, box, settings.Env{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := other.Mail(ctx)
	if err != nil || m != (mail.Settings{URL: smtpURL, From: "Woow <noreply@example.com>"}) {
		t.Errorf("Mail = %v, %v", m, err)
	}
	if c, err := other.CloudflareCredentials(ctx); err != nil || c != (settings.Cloudflare{APIToken: token, AccountID: strings.ToLower(account), ZoneID: zone}) {
		t.Errorf("CloudflareCredentials = %v, %v", c, err)
	}
	if cur, _ := other.Current(ctx); strings.Contains(fmt.Sprintf("%v %+v", cur, cur), "Sup3rSecretPw") || strings.Contains(fmt.Sprintf("%+v", cur), token) {
		t.Errorf("Values print a secret: %+v", cur)
	}
	// Under another key the sealed values do not open: unset, not garbage.
	wrongKey, _ := secretbox.New(append(make([]byte, secretbox.KeySize-1), 1))
	stranger, _ := settings.New(db.Client, wrongKey, settings.Env{})
	if m, _ := stranger.Mail(ctx); m.URL != "" || m.From == "" {
		t.Errorf("under another key: %v", m)
	}

	// Bad values: BAD_USER_INPUT naming the field, never quoting a secret.
	for _, tc := range []struct {
		in    settings.Update
		field string
	}{
		{settings.Update{SMTPURL: new("http://u:Sup3rSecretPw@mail.example.com")}, "smtpUrl"},
		{settings.Update{SMTPURL: new("smtp://u:Sup3rSecretPw@")}, "smtpUrl"},
		{settings.Update{SMTPURL: new("smtp://u:Sup3rSecretPw@h:port")}, "smtpUrl"},
		{settings.Update{SMTPURL: new("smtp://h/" + strings.Repeat("x", 2000))}, "smtpUrl"},
		{settings.Update{MailFrom: new("not an address")}, "mailFrom"},
		{settings.Update{MailFrom: new("\u202eWoow <noreply@example.com>")}, "mailFrom"},
		{settings.Update{MailFrom: new("=?utf-8?q?Wo=1Bow?= <noreply@example.com>")}, "mailFrom"}, // ESC, encoded
		{settings.Update{CFToken: new("two Sup3rSecretPw")}, "cloudflareApiToken"},
		{settings.Update{CFToken: new(strings.Repeat("t", 201))}, "cloudflareApiToken"},
		{settings.Update{CFAccount: new("acc")}, "cloudflareAccountId"},
		{settings.Update{CFZone: new(strings.Repeat("g", 32))}, "cloudflareZoneId"},
	} {
		_, err := s.Update(admin, tc.in)
		if e, ok := errors.AsType[*errs.Error](err); !ok || e.Code != errs.Invalid || e.Field != tc.field {
			t.Errorf("%+v: %v, want BAD_USER_INPUT on %s", tc.in, err, tc.field)
		} else if strings.Contains(e.Message, "Sup3rSecretPw") {
			t.Errorf("the error quotes the secret: %v", e)
		}
	}

	// The sender's name may be in any language.
	if v, err := s.Update(admin, settings.Update{MailFrom: new("Ünïcode 中文 <noreply@example.com>")}); err != nil || v.MailFrom != "Ünïcode 中文 <noreply@example.com>" {
		t.Errorf("a sender's name in ordinary Unicode: %v, %v", v, err)
	}

	// An empty string clears; the others stay.
	v, err = s.Update(admin, settings.Update{SMTPURL: new(""), CFToken: new("  ")})
	if err != nil {
		t.Fatal(err)
	}
	if v.SMTPURL.Set || v.CloudflareAPIToken.Set || v.MailFrom == "" || v.CloudflareZoneID != zone {
		t.Errorf("after clearing: %+v", v)
	}
	if m, _ := s.Mail(ctx); m.URL != "" {
		t.Errorf("mail after clearing: %v", m)
	}
	if n, _ := db.Client.PlatformSetting.Query().Where(platformsetting.KeyIn(settings.KeySMTPURL, settings.KeyCFToken)).Count(viewer.System(ctx)); n != 0 {
		t.Errorf("%d secret rows after clearing", n)
	}

	// The environment wins, read-only, naming the variable.
	if _, err := s.Update(admin, settings.Update{SMTPURL: new(smtpURL)}); err != nil {
		t.Fatal(err)
	}
	env, err := settings.New(db.Client, box, settings.Env{SMTPURL: "smtp://127.0.0.1:2525", CFToken: "env-token"})
	if err != nil {
		t.Fatal(err)
	}
	ev, err := env.Get(admin)
	if err != nil {
		t.Fatal(err)
	}
	if !ev.SMTPURL.Set || !slices.Equal(ev.Locked, []string{settings.KeyCFToken, settings.KeySMTPURL}) {
		t.Errorf("with the variables: %+v", ev)
	}
	if m, _ := env.Mail(ctx); m.URL != "smtp://127.0.0.1:2525" {
		t.Errorf("the stored URL beat the variable: %v", m)
	}
	for _, in := range []settings.Update{{SMTPURL: new("smtp://other.example.com")}, {CFToken: new("")}} {
		_, err = env.Update(admin, in)
		if e, ok := errors.AsType[*errs.Error](err); !ok || e.Code != errs.Invalid || !strings.Contains(e.Message, "WOOW_") {
			t.Errorf("changing a secret the environment sets: %v", err)
		}
	}
	// Without the web app's address (WOOW_PUBLIC_URL) e-mailed links
	// would be wrong: a stored SMTP server is ignored, a new one refused.
	nopub, err := settings.New(db.Client, box, settings.Env{NoPublicURL: true})
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := nopub.Mail(ctx); m.URL != "" {
		t.Errorf("without a public URL: %v", m)
	}
	_, err = nopub.Update(admin, settings.Update{SMTPURL: new(smtpURL)})
	if e, ok := errors.AsType[*errs.Error](err); !ok || e.Field != "smtpUrl" || !strings.Contains(e.Message, "WOOW_PUBLIC_URL") {
		t.Errorf("an SMTP URL without a public URL: %v", err)
	}
	for _, bad := range []settings.Env{
		{SMTPURL: "http://u:Sup3rSecretPw@x"}, {MailFrom: "nobody"}, {CFAccount: "acc"}, {CFZone: "zone"}, {CFToken: "a b"},
	} {
		_, err := settings.New(db.Client, box, bad)
		if err == nil || !strings.Contains(err.Error(), "WOOW_") || strings.Contains(err.Error(), "Sup3rSecretPw") {
			t.Errorf("%+v: %v, want an error naming the variable", bad, err)
		}
	}
}
