package cffake_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/cloudflare/cloudflare-go"

	"github.com/woowtech/woow-paas/tunnels/cffake"
)

// A fake started by Start (cmd/cffake) serves the API and the /_fake/
// control endpoints; one made by New serves no control endpoints.
func TestStartControl(t *testing.T) {
	srv, err := cffake.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	api, err := cloudflare.NewWithAPIToken(srv.Token, cloudflare.BaseURL(srv.URL),
		cloudflare.UsingRateLimit(1e5), cloudflare.UsingRetryPolicy(0, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	ctx, acct := context.Background(), cloudflare.AccountIdentifier(srv.Account)
	tun, err := api.CreateTunnel(ctx, acct, cloudflare.TunnelCreateParams{Name: "home-1", Secret: secret(t), ConfigSrc: "cloudflare"})
	if err != nil {
		t.Fatal(err)
	}
	base := strings.TrimSuffix(srv.URL, "/client/v4")
	post := func(path string) (int, map[string]string) {
		res, err := http.Post(base+path, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var out map[string]string
		_ = json.NewDecoder(res.Body).Decode(&out)
		return res.StatusCode, out
	}

	if code, _ := post("/_fake/connect?tunnel=nope"); code != http.StatusNotFound {
		t.Fatalf("connect to an unknown tunnel: %d, want 404", code)
	}
	code, out := post("/_fake/connect?tunnel=" + tun.ID)
	if code != http.StatusOK || out["connector_id"] == "" {
		t.Fatalf("connect: %d %v", code, out)
	}
	conns, err := api.ListTunnelConnections(ctx, acct, tun.ID)
	if err != nil || len(conns) != 1 || len(conns[0].Connections) == 0 {
		t.Fatalf("connections after /_fake/connect: %+v, %v", conns, err)
	}

	res, err := http.Get(base + "/_fake/tunnels")
	if err != nil {
		t.Fatal(err)
	}
	var list struct {
		Tunnels []struct{ ID, Token string } `json:"tunnels"`
	}
	_ = json.NewDecoder(res.Body).Decode(&list)
	res.Body.Close()
	tok, err := api.GetTunnelToken(ctx, acct, tun.ID)
	if err != nil || len(list.Tunnels) != 1 || list.Tunnels[0].ID != tun.ID || list.Tunnels[0].Token != tok {
		t.Fatalf("/_fake/tunnels: %+v; token %q, %v", list, tok, err)
	}

	if code, _ := post("/_fake/disconnect?tunnel=" + tun.ID); code != http.StatusOK {
		t.Fatalf("disconnect: %d", code)
	}
	if got, _ := srv.Tunnel(tun.ID); len(got.Connectors) != 0 {
		t.Fatalf("connectors after /_fake/disconnect: %+v", got.Connectors)
	}

	// New (tests) has no control endpoints.
	plain := cffake.New(t)
	res, err = http.Post(strings.TrimSuffix(plain.URL, "/client/v4")+"/_fake/connect?tunnel=x", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Fatalf("New's /_fake/connect: %d, want 404", res.StatusCode)
	}
}
