package settings_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/settings"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/viewer"
)

func TestSettings(t *testing.T) {
	db := storetest.Open(t)
	ctx := context.Background()
	admin := viewer.NewContext(ctx, &viewer.Viewer{UserID: 1, PlatformAdmin: true})
	user := viewer.NewContext(ctx, &viewer.Viewer{UserID: 2})
	s, err := settings.New(db.Client, settings.Env{})
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
	if v.Values != want || len(v.Locked) != 0 {
		t.Errorf("after the update: %+v, want %+v", v, want)
	}
	if got := s.ServiceDomain(ctx); got != "apps.example.com" {
		t.Errorf("ServiceDomain on the same replica: %q", got)
	}
	other, err := settings.New(db.Client, settings.Env{})
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
	free, err := settings.New(db.Client, settings.Env{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := free.Update(admin, settings.Update{ServiceDomain: new("stored.example.com")}); err != nil {
		t.Fatal(err)
	}
	s, err := settings.New(db.Client, settings.Env{ServiceDomain: "env.example.com", NamespaceQuota: "cpu=2"})
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
		if _, err := settings.New(db.Client, env); err == nil || !strings.Contains(err.Error(), "WOOW_") {
			t.Errorf("%+v: error %v, want one naming the variable", env, err)
		}
	}
}
