package cffake_test

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cloudflare/cloudflare-go"

	"github.com/woowtech/woow-paas/tunnels/cffake"
)

func secret(t *testing.T) string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(b)
}

func cfErr(t *testing.T, err error) *cloudflare.Error {
	t.Helper()
	var e *cloudflare.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *cloudflare.Error", err, err)
	}
	return e
}

func wantCode(t *testing.T, err error, status, code int) *cloudflare.Error {
	t.Helper()
	e := cfErr(t, err)
	if e.StatusCode != status || !e.InternalErrorCodeIs(code) {
		t.Fatalf("got HTTP %d codes %v (%v), want HTTP %d code %d", e.StatusCode, e.ErrorCodes, err, status, code)
	}
	return e
}

func setup(t *testing.T) (*cffake.Server, *cloudflare.API, *cloudflare.ResourceContainer, context.Context) {
	srv := cffake.New(t)
	api, err := cloudflare.NewWithAPIToken(srv.Token, cloudflare.BaseURL(srv.URL),
		cloudflare.UsingRateLimit(1e5), cloudflare.UsingRetryPolicy(0, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	return srv, api, cloudflare.AccountIdentifier(srv.Account), context.Background()
}

func TestTunnelLifecycle(t *testing.T) {
	srv, api, acct, ctx := setup(t)
	sec := secret(t)

	tun, err := api.CreateTunnel(ctx, acct, cloudflare.TunnelCreateParams{Name: "home-1", Secret: sec, ConfigSrc: "cloudflare"})
	if err != nil {
		t.Fatal(err)
	}
	if tun.ID == "" || tun.Name != "home-1" || tun.TunnelType != "cfd_tunnel" || tun.Status != "inactive" || !tun.RemoteConfig || tun.CreatedAt == nil {
		t.Fatalf("created %+v", tun)
	}

	// Duplicate live name, empty name or secret.
	_, err = api.CreateTunnel(ctx, acct, cloudflare.TunnelCreateParams{Name: "home-1", Secret: sec})
	e := wantCode(t, err, http.StatusConflict, cffake.CodeTunnelNameTaken)
	if !strings.Contains(err.Error(), "You already have a tunnel with this name") || e.Type != cloudflare.ErrorTypeRequest {
		t.Fatalf("conflict error %v type %v", err, e.Type)
	}
	var reqErr *cloudflare.RequestError
	if !errors.As(err, &reqErr) {
		t.Fatalf("conflict is %T, want *cloudflare.RequestError", err)
	}
	_, err = api.Raw(ctx, http.MethodPost, "/accounts/"+srv.Account+"/cfd_tunnel", map[string]string{"name": "x"}, nil)
	wantCode(t, err, http.StatusBadRequest, cffake.CodeBadRequest)
	_, err = api.Raw(ctx, http.MethodPost, "/accounts/"+srv.Account+"/cfd_tunnel", map[string]string{"tunnel_secret": sec}, nil)
	wantCode(t, err, http.StatusBadRequest, cffake.CodeBadRequest)

	other, err := api.CreateTunnel(ctx, acct, cloudflare.TunnelCreateParams{Name: "home-2", Secret: secret(t)})
	if err != nil {
		t.Fatal(err)
	}

	// List by name.
	live := false
	got, _, err := api.ListTunnels(ctx, acct, cloudflare.TunnelListParams{Name: "home-1", IsDeleted: &live})
	if err != nil || len(got) != 1 || got[0].ID != tun.ID {
		t.Fatalf("list by name: %+v %v", got, err)
	}
	got, _, err = api.ListTunnels(ctx, acct, cloudflare.TunnelListParams{UUID: other.ID})
	if err != nil || len(got) != 1 || got[0].Name != "home-2" {
		t.Fatalf("list by uuid: %+v %v", got, err)
	}

	// Get, token.
	g, err := api.GetTunnel(ctx, acct, tun.ID)
	if err != nil || g.ID != tun.ID || g.Status != "inactive" {
		t.Fatalf("get: %+v %v", g, err)
	}
	tok, err := api.GetTunnelToken(ctx, acct, tun.ID)
	if err != nil || tok != srv.TokenOf(tun.ID) {
		t.Fatalf("token %q %v, want %q", tok, err, srv.TokenOf(tun.ID))
	}
	raw, err := base64.StdEncoding.DecodeString(tok)
	if err != nil {
		t.Fatal(err)
	}
	var tj map[string]string
	if err := json.Unmarshal(raw, &tj); err != nil || tj["a"] != srv.Account || tj["t"] != tun.ID || tj["s"] != sec {
		t.Fatalf("token json %s %v", raw, err)
	}

	// Configure: catch-all validation, then success.
	_, err = api.UpdateTunnelConfiguration(ctx, acct, cloudflare.TunnelConfigurationParams{TunnelID: tun.ID,
		Config: cloudflare.TunnelConfiguration{Ingress: []cloudflare.UnvalidatedIngressRule{{Hostname: "a.example.com", Service: "http://a:80"}}}})
	e = wantCode(t, err, http.StatusBadRequest, cffake.CodeInvalidIngress)
	if !strings.Contains(err.Error(), "catch-all") || len(e.ErrorMessages) != 1 {
		t.Fatalf("ingress error %v", err)
	}
	_, err = api.UpdateTunnelConfiguration(ctx, acct, cloudflare.TunnelConfigurationParams{TunnelID: tun.ID})
	wantCode(t, err, http.StatusBadRequest, cffake.CodeInvalidIngress)
	cfg, err := api.UpdateTunnelConfiguration(ctx, acct, cloudflare.TunnelConfigurationParams{TunnelID: tun.ID,
		Config: cloudflare.TunnelConfiguration{Ingress: []cloudflare.UnvalidatedIngressRule{
			{Hostname: "a.example.com", Service: "http://a:80"}, {Service: "http_status:404"}}}})
	if err != nil || cfg.TunnelID != tun.ID || cfg.Version != 1 || len(cfg.Config.Ingress) != 2 || cfg.Config.Ingress[0].Hostname != "a.example.com" {
		t.Fatalf("configure: %+v %v", cfg, err)
	}
	if ts := srv.Tunnels(); len(ts) != 2 || len(ts[0].Config) != 2 || ts[0].Config[0] != (cffake.IngressRule{Hostname: "a.example.com", Service: "http://a:80"}) || ts[0].Secret != sec {
		t.Fatalf("stored %+v", ts)
	}
	gc, err := api.GetTunnelConfiguration(ctx, acct, tun.ID)
	if err != nil || gc.Version != 1 || len(gc.Config.Ingress) != 2 {
		t.Fatalf("get config %+v %v", gc, err)
	}

	// Connections.
	opened := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	srv.Connect(tun.ID, cffake.Connector{ID: "c1", Arch: "linux_arm64", Version: "2025.1.0", OpenedAt: opened, ColoName: "tpe01"})
	cs, err := api.ListTunnelConnections(ctx, acct, tun.ID)
	if err != nil || len(cs) != 1 || cs[0].ID != "c1" || cs[0].Arch != "linux_arm64" || cs[0].Version != "2025.1.0" ||
		len(cs[0].Connections) != 1 || cs[0].Connections[0].ColoName != "tpe01" || cs[0].Connections[0].ClientID != "c1" ||
		cs[0].RunAt == nil || !cs[0].RunAt.Equal(opened) || cs[0].ConfigVersion != 1 {
		t.Fatalf("connections %+v %v", cs, err)
	}
	if g, _ := api.GetTunnel(ctx, acct, tun.ID); g.Status != "healthy" || len(g.Connections) != 1 {
		t.Fatalf("connected tunnel %+v", g)
	}

	// Delete refused while connected; sticky cleanup keeps connectors.
	err = api.DeleteTunnel(ctx, acct, tun.ID)
	wantCode(t, err, http.StatusBadRequest, cffake.CodeTunnelConnected)
	srv.StickyConnectors(true)
	if err := api.CleanupTunnelConnections(ctx, acct, tun.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, api.DeleteTunnel(ctx, acct, tun.ID), http.StatusBadRequest, cffake.CodeTunnelConnected)
	srv.StickyConnectors(false)
	if err := api.CleanupTunnelConnections(ctx, acct, tun.ID); err != nil {
		t.Fatal(err)
	}
	if cs, err := api.ListTunnelConnections(ctx, acct, tun.ID); err != nil || len(cs) != 0 {
		t.Fatalf("after cleanup %+v %v", cs, err)
	}
	if err := api.DeleteTunnel(ctx, acct, tun.ID); err != nil {
		t.Fatal(err)
	}

	// Deleted: gone from live list, 404 for the rest, get shows it deleted.
	if ts := srv.Tunnels(); len(ts) != 1 || ts[0].ID != other.ID {
		t.Fatalf("live after delete %+v", ts)
	}
	g, err = api.GetTunnel(ctx, acct, tun.ID)
	if err != nil || g.Status != "deleted" || g.DeletedAt == nil {
		t.Fatalf("get deleted %+v %v", g, err)
	}
	_, err = api.GetTunnelToken(ctx, acct, tun.ID)
	wantCode(t, err, http.StatusNotFound, cffake.CodeTunnelNotFound)
	var nf *cloudflare.NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("token of deleted tunnel: %T, want *cloudflare.NotFoundError", err)
	}
	_, err = api.ListTunnelConnections(ctx, acct, tun.ID)
	wantCode(t, err, http.StatusNotFound, cffake.CodeTunnelNotFound)
	_, err = api.UpdateTunnelConfiguration(ctx, acct, cloudflare.TunnelConfigurationParams{TunnelID: tun.ID,
		Config: cloudflare.TunnelConfiguration{Ingress: []cloudflare.UnvalidatedIngressRule{{Service: "http_status:404"}}}})
	wantCode(t, err, http.StatusNotFound, cffake.CodeTunnelNotFound)
	wantCode(t, api.DeleteTunnel(ctx, acct, tun.ID), http.StatusNotFound, cffake.CodeTunnelNotFound)
	_, err = api.GetTunnel(ctx, acct, "00000000-0000-0000-0000-000000000000")
	wantCode(t, err, http.StatusNotFound, cffake.CodeTunnelNotFound)

	got, _, _ = api.ListTunnels(ctx, acct, cloudflare.TunnelListParams{Name: "home-1", IsDeleted: &live})
	if len(got) != 0 {
		t.Fatalf("deleted tunnel listed as live: %+v", got)
	}
	deleted := true
	got, _, _ = api.ListTunnels(ctx, acct, cloudflare.TunnelListParams{Name: "home-1", IsDeleted: &deleted})
	if len(got) != 1 || got[0].ID != tun.ID {
		t.Fatalf("deleted list %+v", got)
	}
	// The name is free again.
	if _, err := api.CreateTunnel(ctx, acct, cloudflare.TunnelCreateParams{Name: "home-1", Secret: sec}); err != nil {
		t.Fatal(err)
	}

	for op, n := range map[cffake.Op]int{cffake.OpCreateTunnel: 6, cffake.OpDeleteTunnel: 4, cffake.OpCleanupConnections: 2} {
		if srv.Calls(op) != n {
			t.Errorf("Calls(%s) = %d, want %d", op, srv.Calls(op), n)
		}
	}
}

func TestListTunnelsPagination(t *testing.T) {
	srv, api, acct, ctx := setup(t)
	for i := range 205 {
		if _, err := api.CreateTunnel(ctx, acct, cloudflare.TunnelCreateParams{Name: fmt.Sprintf("t%03d", i), Secret: secret(t)}); err != nil {
			t.Fatal(err)
		}
	}
	live := false
	all, info, err := api.ListTunnels(ctx, acct, cloudflare.TunnelListParams{IsDeleted: &live})
	if err != nil || len(all) != 205 || srv.Calls(cffake.OpListTunnels) != 3 {
		t.Fatalf("auto-paginated: %d tunnels, %d calls, %v", len(all), srv.Calls(cffake.OpListTunnels), err)
	}
	seen := map[string]bool{}
	for _, tun := range all {
		seen[tun.Name] = true
	}
	if len(seen) != 205 || info.Total != 205 {
		t.Fatalf("distinct %d, info %+v", len(seen), info)
	}
	page, info, err := api.ListTunnels(ctx, acct, cloudflare.TunnelListParams{ResultInfo: cloudflare.ResultInfo{Page: 3, PerPage: 50}})
	if err != nil || len(page) != 50 || page[0].Name != "t100" || info.TotalPages != 5 || info.Count != 50 || info.Page != 3 {
		t.Fatalf("page 3: %d %+v %v", len(page), info, err)
	}
	page, _, err = api.ListTunnels(ctx, acct, cloudflare.TunnelListParams{ResultInfo: cloudflare.ResultInfo{Page: 9, PerPage: 50}})
	if err != nil || len(page) != 0 {
		t.Fatalf("past the end: %d %v", len(page), err)
	}
}

func TestDNS(t *testing.T) {
	srv, api, _, ctx := setup(t)
	zone := cloudflare.ZoneIdentifier(srv.Zone)
	proxied := true

	rec, err := api.CreateDNSRecord(ctx, zone, cloudflare.CreateDNSRecordParams{Type: "CNAME", Name: "home.example.com",
		Content: "abc.cfargotunnel.com", Proxied: &proxied, Comment: "woow"})
	if err != nil || rec.ID == "" || rec.Name != "home.example.com" || rec.Proxied == nil || !*rec.Proxied || rec.TTL != 1 || rec.Comment != "woow" {
		t.Fatalf("create %+v %v", rec, err)
	}
	_, err = api.CreateDNSRecord(ctx, zone, cloudflare.CreateDNSRecordParams{Type: "CNAME", Name: "home.example.com", Content: "x.cfargotunnel.com", Proxied: &proxied})
	e := wantCode(t, err, http.StatusBadRequest, cffake.CodeDNSRecordConflict)
	if !e.ErrorMessageContains("with that host already exists") {
		t.Fatal(err)
	}
	pre := srv.AddDNSRecord("A", "nas.example.com", "192.0.2.1")
	_, err = api.CreateDNSRecord(ctx, zone, cloudflare.CreateDNSRecordParams{Type: "CNAME", Name: "nas.example.com", Content: "x.cfargotunnel.com"})
	wantCode(t, err, http.StatusBadRequest, cffake.CodeDNSRecordConflict)

	got, _, err := api.ListDNSRecords(ctx, zone, cloudflare.ListDNSRecordsParams{Name: "home.example.com"})
	if err != nil || len(got) != 1 || got[0].ID != rec.ID || got[0].Content != "abc.cfargotunnel.com" {
		t.Fatalf("list by name %+v %v", got, err)
	}
	got, _, err = api.ListDNSRecords(ctx, zone, cloudflare.ListDNSRecordsParams{Name: "nas.example.com", Type: "CNAME"})
	if err != nil || len(got) != 0 {
		t.Fatalf("list by name+type %+v %v", got, err)
	}
	got, _, err = api.ListDNSRecords(ctx, zone, cloudflare.ListDNSRecordsParams{})
	if err != nil || len(got) != 2 {
		t.Fatalf("list all %+v %v", got, err)
	}

	if err := api.DeleteDNSRecord(ctx, zone, pre); err != nil {
		t.Fatal(err)
	}
	err = api.DeleteDNSRecord(ctx, zone, pre)
	wantCode(t, err, http.StatusNotFound, cffake.CodeDNSRecordNotFound)
	if rs := srv.DNSRecords(); len(rs) != 1 || rs[0].ID != rec.ID || rs[0].Type != "CNAME" || !rs[0].Proxied {
		t.Fatalf("stored %+v", rs)
	}

	// Unknown zone.
	_, _, err = api.ListDNSRecords(ctx, cloudflare.ZoneIdentifier(strings.Repeat("0", 32)), cloudflare.ListDNSRecordsParams{})
	wantCode(t, err, http.StatusNotFound, cffake.CodeCouldNotRoute)
}

func TestFailNextAuthAndRouting(t *testing.T) {
	srv, api, acct, ctx := setup(t)

	srv.FailNext(cffake.OpCreateTunnel, http.StatusBadRequest, 1234, "fake says no")
	srv.FailNext(cffake.OpCreateTunnel, http.StatusNotFound, 1003, "again")
	_, err := api.CreateTunnel(ctx, acct, cloudflare.TunnelCreateParams{Name: "x", Secret: secret(t)})
	e := wantCode(t, err, http.StatusBadRequest, 1234)
	if !strings.Contains(err.Error(), "fake says no") || e.ErrorMessages[0] != "fake says no" {
		t.Fatalf("FailNext error %v", err)
	}
	_, err = api.CreateTunnel(ctx, acct, cloudflare.TunnelCreateParams{Name: "x", Secret: secret(t)})
	var nf *cloudflare.NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("second FailNext %T %v", err, err)
	}
	if _, err := api.CreateTunnel(ctx, acct, cloudflare.TunnelCreateParams{Name: "x", Secret: secret(t)}); err != nil {
		t.Fatalf("after FailNext queue: %v", err)
	}
	// A 5xx reaches the caller as a plain error without the message.
	srv.FailNext(cffake.OpListTunnels, http.StatusInternalServerError, 1, "boom")
	_, _, err = api.ListTunnels(ctx, acct, cloudflare.TunnelListParams{})
	if err == nil || !strings.Contains(err.Error(), "HTTP 500") {
		t.Fatalf("5xx: %v", err)
	}

	// Wrong token.
	bad, err := cloudflare.NewWithAPIToken("wrong", cloudflare.BaseURL(srv.URL), cloudflare.UsingRetryPolicy(0, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = bad.ListTunnels(ctx, acct, cloudflare.TunnelListParams{})
	e = wantCode(t, err, http.StatusForbidden, cffake.CodeAuthentication)
	var authErr *cloudflare.AuthenticationError
	if !errors.As(err, &authErr) || e.Type != cloudflare.ErrorTypeAuthentication {
		t.Fatalf("auth error %T %v", err, err)
	}
	// Missing token (raw request): 403, and the token is never echoed.
	resp, err := http.Get(srv.URL + "/accounts/" + srv.Account + "/cfd_tunnel")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(body), `"success":false`) || strings.Contains(string(body), srv.Token) {
		t.Fatalf("no token: %d %s", resp.StatusCode, body)
	}

	// Unknown account.
	_, err = api.GetTunnel(ctx, cloudflare.AccountIdentifier(strings.Repeat("a", 32)), "x")
	e = wantCode(t, err, http.StatusNotFound, cffake.CodeCouldNotRoute)
	if !e.ErrorMessageContains("perhaps your object identifier is invalid") {
		t.Fatal(err)
	}

	// Oversized body.
	_, err = api.Raw(ctx, http.MethodPost, "/accounts/"+srv.Account+"/cfd_tunnel", map[string]string{"name": strings.Repeat("n", 2<<20)}, nil)
	wantCode(t, err, http.StatusRequestEntityTooLarge, cffake.CodeBodyTooLarge)
}

func TestBlock(t *testing.T) {
	srv, api, acct, ctx := setup(t)
	release := srv.Block(cffake.OpCreateTunnel)
	cctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	var err error
	go func() {
		defer wg.Done()
		_, err = api.CreateTunnel(cctx, acct, cloudflare.TunnelCreateParams{Name: "blocked", Secret: secret(t)})
	}()
	deadline := time.Now().Add(5 * time.Second)
	for srv.Waiting(cffake.OpCreateTunnel) != 1 {
		if time.Now().After(deadline) {
			t.Fatal("call never blocked")
		}
		time.Sleep(time.Millisecond)
	}
	if len(srv.Tunnels()) != 0 {
		t.Fatal("blocked create took effect early")
	}
	cancel() // the caller dies mid-call
	wg.Wait()
	if err == nil {
		t.Fatal("cancelled call succeeded")
	}
	release()
	// The request reached "Cloudflare": it takes effect after release.
	for len(srv.Tunnels()) != 1 {
		if time.Now().After(deadline) {
			t.Fatal("released create never took effect")
		}
		time.Sleep(time.Millisecond)
	}
	release() // idempotent
	if _, err := api.CreateTunnel(ctx, acct, cloudflare.TunnelCreateParams{Name: "after", Secret: secret(t)}); err != nil {
		t.Fatal(err)
	}
	// A forgotten block is released by cleanup.
	srv.Block(cffake.OpListDNS)
	go func() {
		_, _, _ = api.ListDNSRecords(context.Background(), cloudflare.ZoneIdentifier(srv.Zone), cloudflare.ListDNSRecordsParams{})
	}()
	for srv.Waiting(cffake.OpListDNS) != 1 {
		time.Sleep(time.Millisecond)
	}
}

func TestConnectDisconnect(t *testing.T) {
	srv, api, acct, ctx := setup(t)
	tun, err := api.CreateTunnel(ctx, acct, cloudflare.TunnelCreateParams{Name: "c", Secret: secret(t)})
	if err != nil {
		t.Fatal(err)
	}
	srv.Connect(tun.ID, cffake.Connector{Arch: "linux_amd64", Version: "2025.1.0"})
	srv.Connect(tun.ID, cffake.Connector{ID: "keep"})
	ts := srv.Tunnels()
	if len(ts[0].Connectors) != 2 || ts[0].Connectors[0].ID == "" || ts[0].Connectors[0].OpenedAt.IsZero() {
		t.Fatalf("connectors %+v", ts[0].Connectors)
	}
	// Cleanup of one client id (the API's client_id parameter).
	if _, err := api.Raw(ctx, http.MethodDelete, "/accounts/"+srv.Account+"/cfd_tunnel/"+tun.ID+"/connections?client_id="+ts[0].Connectors[0].ID, nil, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := srv.Tunnel(tun.ID); len(got.Connectors) != 1 || got.Connectors[0].ID != "keep" {
		t.Fatalf("after client_id cleanup %+v", got.Connectors)
	}
	srv.Disconnect(tun.ID)
	if g, err := api.GetTunnel(ctx, acct, tun.ID); err != nil || g.Status != "inactive" || len(g.Connections) != 0 {
		t.Fatalf("after disconnect %+v %v", g, err)
	}
	if err := api.DeleteTunnel(ctx, acct, tun.ID); err != nil {
		t.Fatal(err)
	}
	if got, ok := srv.Tunnel(tun.ID); !ok || got.DeletedAt.IsZero() || srv.TokenOf(tun.ID) == "" {
		t.Fatalf("deleted tunnel snapshot %+v", got)
	}
}
