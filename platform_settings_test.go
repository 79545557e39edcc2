package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
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
