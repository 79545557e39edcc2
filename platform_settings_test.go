package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/mail/mailtest"
)

const (
	platformSettingsQuery = `{ platformSettings { serviceDomain registration namespaceQuota { cpu memory storage } fromEnvironment { setting variable } } }`
	updateSettingsMut     = `mutation($input: UpdatePlatformSettingsInput!) { updatePlatformSettings(input: $input) {
		settings { serviceDomain registration namespaceQuota { cpu memory storage } } } }`
)

// TestPlatformSettings: platform admins read and change the settings
// through GraphQL; the platform follows them (service addresses, who may
// register); a setting an environment variable sets is read-only.
func TestPlatformSettings(t *testing.T) {
	charts := t.TempDir()
	env := newTestEnv(t)
	env["WOOW_CHART_DIRS"] = charts
	env["WOOW_NAMESPACE_QUOTA"] = "cpu=8,memory=16Gi"
	srv := startServer(t, env)
	root := register(t, srv.URL, "root@x.io", "Root") // the platform admin
	owner := register(t, srv.URL, "owner@x.io", "Olive")

	owner.expectErr(t, "FORBIDDEN", "", platformSettingsQuery, nil)
	owner.expectErr(t, "FORBIDDEN", "", updateSettingsMut, map[string]any{"input": map[string]any{"serviceDomain": "bad"}})
	data := root.mustDo(t, platformSettingsQuery, nil)
	var got struct {
		PlatformSettings struct {
			ServiceDomain   string
			Registration    string
			NamespaceQuota  map[string]string
			FromEnvironment []map[string]string
		}
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	s := got.PlatformSettings
	if s.ServiceDomain != "woowtech.io" || s.Registration != "open" ||
		s.NamespaceQuota["cpu"] != "8" || s.NamespaceQuota["memory"] != "16Gi" || s.NamespaceQuota["storage"] != "200Gi" ||
		len(s.FromEnvironment) != 1 || s.FromEnvironment[0]["setting"] != "namespaceQuota" || s.FromEnvironment[0]["variable"] != "WOOW_NAMESPACE_QUOTA" {
		t.Errorf("settings: %s", data)
	}
	root.expectErr(t, "BAD_USER_INPUT", "namespaceQuota", updateSettingsMut, map[string]any{"input": map[string]any{"namespaceQuota": map[string]any{"cpu": "2"}}})
	root.expectErr(t, "BAD_USER_INPUT", "serviceDomain", updateSettingsMut, map[string]any{"input": map[string]any{"serviceDomain": "no_domain"}})

	// A service's address follows the domain.
	chartDir := filepath.Join(charts, "e2eapp")
	writeChart(t, chartDir)
	tpl := pick[string](t, root.mustDo(t, createTemplateMut, map[string]any{"input": map[string]any{
		"name": "Site", "slug": "site", "category": "web", "chartRef": chartDir, "ingressEnabled": true,
		"valueSpecs": map[string]any{"required": []any{}, "optional": []any{}},
	}}), "createAppTemplate.appTemplate.id")
	ws := pick[string](t, owner.mustDo(t, createWorkspaceMut, map[string]any{"name": "Shop"}), "createWorkspace.workspace.id")
	svc := pick[string](t, owner.mustDo(t, deployServiceMut, map[string]any{"input": map[string]any{
		"workspaceId": ws, "templateId": tpl, "name": "Site", "values": map[string]any{"auth.password": "Secret123"}}}), "deployService.service.id")
	url := func() string {
		return pick[string](t, owner.mustDo(t, serviceQuery, map[string]any{"id": svc}), "node.url")
	}
	if u := url(); !strings.HasSuffix(u, ".woowtech.io") {
		t.Errorf("address before the change: %s", u)
	}
	data = root.mustDo(t, updateSettingsMut, map[string]any{"input": map[string]any{"serviceDomain": "Apps.Example.com", "registration": "invitation"}})
	if d := pick[string](t, data, "updatePlatformSettings.settings.serviceDomain"); d != "apps.example.com" {
		t.Errorf("stored domain %q", d)
	}
	if u := url(); !strings.HasPrefix(u, "https://") || !strings.HasSuffix(u, ".apps.example.com") {
		t.Errorf("address after the change: %s", u)
	}

	// Registration by invitation only: a stranger is refused, an invited
	// address is welcome.
	stranger := newClient(t, srv.URL, "stranger")
	_, errs := stranger.do(t, registerMutation, map[string]any{"input": map[string]any{"email": "eve@x.io", "password": testPassword, "name": "Eve"}})
	requireErr(t, errs, "FORBIDDEN", "email")
	if len(errs) > 0 && errs[0].Extensions.Reason != "invitation_required" {
		t.Errorf("refused registration: reason %q", errs[0].Extensions.Reason)
	}
	owner.mustDo(t, inviteMemberMutation, map[string]any{"ws": ws, "email": "carol@x.io", "role": "user"})
	register(t, srv.URL, "carol@x.io", "Carol")
}

const secretSettingsQuery = `{ platformSettings { smtpUrl { set } mailFrom cloudflareApiToken { set } cloudflareAccountId cloudflareZoneId fromEnvironment { setting variable } } }`

// TestPlatformSecretSettings: a platform admin sets the SMTP server and
// the Cloudflare credentials through GraphQL, and the running server uses
// them at once (no restart): a reset e-mail reaches the SMTP server with
// its password, a smart home's tunnel is made with the token. The secrets
// never come back in a response nor go to the log.
func TestPlatformSecretSettings(t *testing.T) {
	smtp := mailtest.Start(t)
	smtp.RequireAuth = "woow:Sm7pPassw0rd"
	env, cf := cloudflareEnv(t)
	for _, k := range []string{"WOOW_CLOUDFLARE_API_TOKEN", "WOOW_CLOUDFLARE_ACCOUNT_ID", "WOOW_CLOUDFLARE_ZONE_ID"} {
		delete(env, k) // the platform settings give them
	}
	env["WOOW_PUBLIC_URL"] = "https://paas.woow.test"
	env["WOOW_MAIL_FROM"] = "Woow <noreply@woow.test>" // read-only beside the rest
	srv := startServer(t, env)
	root := register(t, srv.URL, "root@x.io", "Root")
	alice := register(t, srv.URL, "alice@x.io", "Alice")
	anon := newClient(t, srv.URL, "forgetful")
	smtpURL := "smtp://woow:Sm7pPassw0rd@" + smtp.Addr
	secrets := []string{"Sm7pPassw0rd", smtp.Addr, cf.Token}
	// every response is checked for the secrets
	check := func(what string, data any) {
		t.Helper()
		b, _ := json.Marshal(data)
		for _, s := range secrets {
			if strings.Contains(string(b), s) {
				t.Errorf("%s: the response holds a secret: %s", what, b)
			}
		}
	}
	settingsNow := func() map[string]any {
		t.Helper()
		data := root.mustDo(t, secretSettingsQuery, nil)
		check("platformSettings", data)
		return pick[map[string]any](t, data, "platformSettings")
	}

	// Nothing set: no e-mail, no tunnels, as without the settings.
	s := settingsNow()
	if s["smtpUrl"].(map[string]any)["set"] != false || s["cloudflareApiToken"].(map[string]any)["set"] != false ||
		s["mailFrom"] != "Woow <noreply@woow.test>" || s["cloudflareAccountId"] != "" {
		t.Errorf("before: %v", s)
	}
	if fe, _ := json.Marshal(s["fromEnvironment"]); string(fe) != `[{"setting":"mailFrom","variable":"WOOW_MAIL_FROM"}]` {
		t.Errorf("fromEnvironment: %s", fe)
	}
	_, errs := anon.do(t, `mutation { requestPasswordReset(input: {email: "alice@x.io"}) { ok } }`, nil)
	requireErr(t, errs, "CONFLICT", "")
	ws := pick[string](t, alice.mustDo(t, createWorkspaceMut, map[string]any{"name": "Home"}), "createWorkspace.workspace.id")
	home := pick[string](t, alice.mustDo(t, createHomeMut, map[string]any{"ws": ws, "name": "Cabin"}), "createSmartHome.smartHome.id")
	if msg := pick[string](t, waitHome(t, alice, home, "error"), "node.errorMessage"); !strings.Contains(msg, "platform settings") {
		t.Errorf("a home without Cloudflare credentials: %q", msg)
	}

	// Platform admins only; bad values name the field; an env-fixed one
	// is read-only.
	set := func(c *account, in map[string]any) (json.RawMessage, []gqlErr) {
		data, errs := c.do(t, updateSettingsMut, map[string]any{"input": in})
		check("updatePlatformSettings", data)
		check("updatePlatformSettings errors", errs)
		return data, errs
	}
	_, errs = set(alice, map[string]any{"smtpUrl": smtpURL})
	requireErr(t, errs, "FORBIDDEN", "")
	alice.expectErr(t, "FORBIDDEN", "", secretSettingsQuery, nil)
	for field, in := range map[string]map[string]any{
		"smtpUrl":             {"smtpUrl": "http://woow:Sm7pPassw0rd@" + smtp.Addr},
		"cloudflareAccountId": {"cloudflareAccountId": "my-account"},
		"cloudflareZoneId":    {"cloudflareZoneId": "0123"},
		"mailFrom":            {"mailFrom": "other@woow.test"},
	} {
		_, errs = set(root, in)
		requireErr(t, errs, "BAD_USER_INPUT", field)
	}

	// Set: mail goes through the new server, with its password.
	_, errs = set(root, map[string]any{"smtpUrl": smtpURL})
	if len(errs) > 0 {
		t.Fatalf("setting the SMTP URL: %v", errs)
	}
	if s := settingsNow(); s["smtpUrl"].(map[string]any)["set"] != true {
		t.Errorf("after setting: %v", s)
	}
	anon.mustDo(t, `mutation { requestPasswordReset(input: {email: "alice@x.io"}) { ok } }`, nil)
	m := smtp.NextAbout(t, "alice@x.io", "Reset", 10*time.Second)
	if m.Auth != "woow:Sm7pPassw0rd" || m.Link() == "" {
		t.Errorf("reset e-mail: auth %q, body %q", m.Auth, m.Body)
	}

	// Cloudflare: the home made with the token set through the API.
	_, errs = set(root, map[string]any{"cloudflareApiToken": cf.Token, "cloudflareAccountId": strings.ToUpper(cf.Account), "cloudflareZoneId": cf.Zone})
	if len(errs) > 0 {
		t.Fatalf("setting Cloudflare: %v", errs)
	}
	if s := settingsNow(); s["cloudflareApiToken"].(map[string]any)["set"] != true || s["cloudflareAccountId"] != cf.Account || s["cloudflareZoneId"] != cf.Zone {
		t.Errorf("after setting Cloudflare: %v", s)
	}
	alice.mustDo(t, retryHomeMut, map[string]any{"id": home})
	waitHome(t, alice, home, "active")
	if n := len(cf.Tunnels()); n != 1 {
		t.Errorf("%d tunnels at Cloudflare, want 1", n)
	}

	// Cleared: no e-mail again, at once on this replica.
	_, errs = set(root, map[string]any{"smtpUrl": ""})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	_, errs = anon.do(t, `mutation { requestPasswordReset(input: {email: "alice@x.io"}) { ok } }`, nil)
	requireErr(t, errs, "CONFLICT", "")
	smtp.Quiet(t, 200*time.Millisecond)
	for _, s := range []string{"Sm7pPassw0rd", cf.Token} {
		if strings.Contains(srv.Log.String(), s) {
			t.Errorf("the server log holds the secret %q", s)
		}
	}
}
