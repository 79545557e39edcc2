package tunnels_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cloudflare/cloudflare-go"

	"github.com/woowtech/woow-paas/tunnels"
	"github.com/woowtech/woow-paas/tunnels/cffake"
)

const host = "paas-sm-0123abcd-89abcdef.homes.test"

func newClient(t *testing.T) (*tunnels.Client, *cffake.Server) {
	t.Helper()
	fake := cffake.New(t)
	c, err := tunnels.New(tunnels.Config{APIToken: fake.Token, AccountID: fake.Account, ZoneID: fake.Zone, APIURL: fake.URL, RateLimit: 1e5})
	if err != nil {
		t.Fatal(err)
	}
	if !c.Configured(t.Context()) {
		t.Fatal("not configured")
	}
	return c, fake
}

func TestNotConfigured(t *testing.T) {
	for _, tc := range []struct {
		name    string
		cfg     tunnels.Config
		missing []string
	}{
		{"nothing", tunnels.Config{}, []string{"WOOW_CLOUDFLARE_API_TOKEN", "WOOW_CLOUDFLARE_ACCOUNT_ID", "WOOW_CLOUDFLARE_ZONE_ID"}},
		{"no token", tunnels.Config{AccountID: "a", ZoneID: "z"}, []string{"WOOW_CLOUDFLARE_API_TOKEN"}},
		{"no account", tunnels.Config{APIToken: "t", ZoneID: "z"}, []string{"WOOW_CLOUDFLARE_ACCOUNT_ID"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := tunnels.New(tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			if c.Configured(t.Context()) {
				t.Fatal("configured")
			}
			ctx := context.Background()
			_, e1 := c.EnsureTunnel(ctx, "x")
			e2 := c.Configure(ctx, "id", host, 8123)
			_, e3 := c.EnsureRoute(ctx, host, "id")
			_, e4 := c.Token(ctx, "id")
			_, e5 := c.Status(ctx, "id")
			e6 := c.Remove(ctx, "x", "id", "r", host)
			for i, err := range []error{e1, e2, e3, e4, e5, e6} {
				if !errors.Is(err, tunnels.ErrNotConfigured) {
					t.Errorf("call %d: %v, want ErrNotConfigured", i+1, err)
					continue
				}
				for _, m := range tc.missing {
					if !strings.Contains(err.Error(), m) {
						t.Errorf("call %d: %q does not name %s", i+1, err, m)
					}
				}
			}
		})
	}
}

func TestProvisionSteps(t *testing.T) {
	c, fake := newClient(t)
	ctx := context.Background()
	id, err := c.EnsureTunnel(ctx, "woow-sm-a")
	if err != nil {
		t.Fatal(err)
	}
	again, err := c.EnsureTunnel(ctx, "woow-sm-a")
	if err != nil || again != id {
		t.Fatalf("second EnsureTunnel = %q, %v; want %q", again, err, id)
	}
	if n := fake.Calls(cffake.OpCreateTunnel); n != 1 {
		t.Errorf("created %d times", n)
	}
	tun, ok := fake.Tunnel(id)
	if !ok || tun.Name != "woow-sm-a" || tun.ConfigSrc != "cloudflare" {
		t.Fatalf("tunnel %+v", tun)
	}

	if err := c.Configure(ctx, id, host, 8124); err != nil {
		t.Fatal(err)
	}
	tun, _ = fake.Tunnel(id)
	want := []cffake.IngressRule{{Hostname: host, Service: "http://localhost:8124"}, {Service: "http_status:404"}}
	if !slices.Equal(tun.Config, want) {
		t.Errorf("ingress %+v", tun.Config)
	}

	rec, err := c.EnsureRoute(ctx, host, id)
	if err != nil {
		t.Fatal(err)
	}
	rec2, err := c.EnsureRoute(ctx, host, id)
	if err != nil || rec2 != rec {
		t.Fatalf("second EnsureRoute = %q, %v", rec2, err)
	}
	recs := fake.DNSRecords()
	if len(recs) != 1 || recs[0].ID != rec || recs[0].Type != "CNAME" || !recs[0].Proxied || recs[0].Content != tunnels.Target(id) {
		t.Errorf("records %+v", recs)
	}

	tok, err := c.Token(ctx, id)
	if err != nil || tok != fake.TokenOf(id) {
		t.Errorf("Token = %q, %v; want %q", tok, err, fake.TokenOf(id))
	}

	// A tunnel of that name deleted earlier does not count.
	if err := c.Remove(ctx, "woow-sm-a", id, rec, host); err != nil {
		t.Fatal(err)
	}
	if len(fake.Tunnels()) != 0 || len(fake.DNSRecords()) != 0 {
		t.Fatal("Remove left things behind")
	}
	id2, err := c.EnsureTunnel(ctx, "woow-sm-a")
	if err != nil || id2 == id {
		t.Errorf("EnsureTunnel after removal = %q, %v; want a new tunnel", id2, err)
	}
}

func TestRouteTaken(t *testing.T) {
	c, fake := newClient(t)
	ctx := context.Background()
	id, err := c.EnsureTunnel(ctx, "woow-sm-b")
	if err != nil {
		t.Fatal(err)
	}
	fake.AddDNSRecord("CNAME", host, "elsewhere.example.com")
	_, err = c.EnsureRoute(ctx, host, id)
	if !errors.Is(err, tunnels.ErrPermanent) || !strings.Contains(err.Error(), host) || !strings.Contains(err.Error(), "elsewhere.example.com") {
		t.Errorf("EnsureRoute on a taken name: %v", err)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name      string
		status    int
		code      int
		msg       string
		permanent bool
		want      []string
	}{
		{"refused", http.StatusBadRequest, 1001, "Bad tunnel name", true, []string{"create the tunnel", "Bad tunnel name", "code 1001", "HTTP 400"}},
		{"forbidden", http.StatusForbidden, 10000, "Authentication error", true, []string{"Authentication error", "HTTP 403"}},
		{"conflict", http.StatusConflict, 1014, "Something conflicts", true, []string{"Something conflicts"}},
		{"rate limited", http.StatusTooManyRequests, 971, "slow down", false, []string{"create the tunnel"}},
		{"server error", http.StatusInternalServerError, 0, "oops", false, []string{"create the tunnel"}},
		{"bad gateway", http.StatusBadGateway, 0, "oops", false, []string{"create the tunnel"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, fake := newClient(t)
			fake.FailNext(cffake.OpCreateTunnel, tc.status, tc.code, tc.msg)
			_, err := c.EnsureTunnel(context.Background(), "woow-sm-c")
			if err == nil {
				t.Fatal("no error")
			}
			if errors.Is(err, tunnels.ErrPermanent) != tc.permanent {
				t.Errorf("%v: permanent %v, want %v", err, !tc.permanent, tc.permanent)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q lacks %q", err, w)
				}
			}
			if strings.Contains(err.Error(), fake.Token) {
				t.Error("the error holds the API token")
			}
			// The next call succeeds: nothing was made twice.
			if _, err := c.EnsureTunnel(context.Background(), "woow-sm-c"); err != nil || len(fake.Tunnels()) != 1 {
				t.Errorf("after the failure: %v, %d tunnels", err, len(fake.Tunnels()))
			}
		})
	}
}

func TestWrongToken(t *testing.T) {
	fake := cffake.New(t)
	c, err := tunnels.New(tunnels.Config{APIToken: "wrong-secret-token", AccountID: fake.Account, ZoneID: fake.Zone, APIURL: fake.URL, RateLimit: 1e5})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.EnsureTunnel(context.Background(), "x")
	if !errors.Is(err, tunnels.ErrPermanent) || strings.Contains(err.Error(), "wrong-secret-token") {
		t.Errorf("with a wrong token: %v", err)
	}
}

func TestStatus(t *testing.T) {
	c, fake := newClient(t)
	ctx := context.Background()
	id, err := c.EnsureTunnel(ctx, "woow-sm-d")
	if err != nil {
		t.Fatal(err)
	}
	opened := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		arrange func()
		want    tunnels.Status
		wantErr bool
	}{
		{"no connectors", func() {}, tunnels.Status{State: "disconnected"}, false},
		{"connected", func() {
			fake.Connect(id, cffake.Connector{ID: "c-1", Version: "2024.12.2", Arch: "windows_amd64", OpenedAt: opened})
			fake.Connect(id, cffake.Connector{ID: "c-2", Version: "2025.1.0", Arch: "linux_amd64", OpenedAt: opened.Add(time.Minute)})
		}, tunnels.Status{State: "connected", ConnectorID: "c-1", ConnectorType: "cloudflared 2024.12.2 (windows_amd64)", OpenedAt: opened}, false},
		{"disconnected", func() { fake.Disconnect(id) }, tunnels.Status{State: "disconnected"}, false},
		{"API failure", func() { fake.FailNext(cffake.OpListConnections, http.StatusServiceUnavailable, 0, "down") }, tunnels.Status{}, true},
		{"deleted", func() {
			if err := c.Remove(ctx, "woow-sm-d", id, "", host); err != nil {
				t.Fatal(err)
			}
		}, tunnels.Status{State: "deleted"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.arrange()
			st, err := c.Status(ctx, id)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err %v, want error %v", err, tc.wantErr)
			}
			if !st.OpenedAt.Equal(tc.want.OpenedAt) {
				t.Errorf("opened at %v, want %v", st.OpenedAt, tc.want.OpenedAt)
			}
			st.OpenedAt, tc.want.OpenedAt = time.Time{}, time.Time{}
			if st != tc.want {
				t.Errorf("Status = %+v, want %+v", st, tc.want)
			}
		})
	}
}

func TestRemove(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		// ids: pass the tunnel and record ids (else find them by name).
		ids bool
		// arrange runs after provisioning.
		arrange func(fake *cffake.Server, id string)
		wantErr string
	}{
		{"by ids", true, func(*cffake.Server, string) {}, ""},
		{"by name", false, func(*cffake.Server, string) {}, ""},
		{"with a connector that goes", true, func(f *cffake.Server, id string) { f.Connect(id, cffake.Connector{}) }, ""},
		{"already gone", true, func(f *cffake.Server, id string) {
			c := f.Client()
			for _, r := range f.DNSRecords() {
				if r.Type != "CNAME" {
					continue
				}
				if err := c.DeleteDNSRecord(ctx, zone(f), r.ID); err != nil {
					panic(err)
				}
			}
			if err := c.DeleteTunnel(ctx, account(f), id); err != nil {
				panic(err)
			}
		}, ""},
		{"with a connector that stays", true, func(f *cffake.Server, id string) {
			f.Connect(id, cffake.Connector{})
			f.StickyConnectors(true)
		}, "active connections"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, fake := newClient(t)
			id, err := c.EnsureTunnel(ctx, "woow-sm-e")
			if err != nil {
				t.Fatal(err)
			}
			rec, err := c.EnsureRoute(ctx, host, id)
			if err != nil {
				t.Fatal(err)
			}
			other := fake.AddDNSRecord("TXT", host, "keep me")
			tc.arrange(fake, id)
			tid, rid := id, rec
			if !tc.ids {
				tid, rid = "", ""
			}
			err = c.Remove(ctx, "woow-sm-e", tid, rid, host)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Remove: %v, want an error saying %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(fake.Tunnels()) != 0 {
				t.Error("the tunnel is left")
			}
			recs := fake.DNSRecords()
			if len(recs) != 1 || recs[0].ID != other {
				t.Errorf("records left: %+v, want only the unrelated TXT", recs)
			}
			// Removing again is done at once.
			if err := c.Remove(ctx, "woow-sm-e", tid, rid, host); err != nil {
				t.Errorf("second Remove: %v", err)
			}
		})
	}
}

func zone(f *cffake.Server) *cloudflare.ResourceContainer { return cloudflare.ZoneIdentifier(f.Zone) }

func account(f *cffake.Server) *cloudflare.ResourceContainer {
	return cloudflare.AccountIdentifier(f.Account)
}

// Two tries that both find no tunnel and both create one: Cloudflare
// refuses the second name (code 1013), and that try finds the first's.
func TestEnsureTunnelConcurrent(t *testing.T) {
	c, fake := newClient(t)
	release := fake.Block(cffake.OpListTunnels)
	type result struct {
		id  string
		err error
	}
	results := make(chan result, 2)
	for range 2 {
		go func() {
			id, err := c.EnsureTunnel(context.Background(), "woow-sm-race")
			results <- result{id, err}
		}()
	}
	deadline := time.Now().Add(10 * time.Second)
	for fake.Waiting(cffake.OpListTunnels) < 2 {
		if time.Now().After(deadline) {
			t.Fatal("the tries did not both list")
		}
		time.Sleep(5 * time.Millisecond)
	}
	release()
	a, b := <-results, <-results
	if a.err != nil || b.err != nil || a.id != b.id || a.id == "" {
		t.Fatalf("EnsureTunnel twice at once: %+v, %+v; want one id", a, b)
	}
	if n := fake.Calls(cffake.OpCreateTunnel); n != 2 {
		t.Errorf("%d creates, want 2 (one refused)", n)
	}
	if n := len(fake.Tunnels()); n != 1 {
		t.Errorf("%d tunnels, want 1", n)
	}
}

// TestCurrentCredentials: with Config.Current the client reads the
// credentials at every call, so a changed token applies to the next call.
func TestCurrentCredentials(t *testing.T) {
	fake := cffake.New(t)
	var cur atomic.Pointer[tunnels.Credentials]
	cur.Store(&tunnels.Credentials{})
	reads := 0
	c, err := tunnels.New(tunnels.Config{APIURL: fake.URL, RateLimit: 1e5, Current: func(context.Context) (tunnels.Credentials, error) {
		reads++
		return *cur.Load(), nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	if c.Configured(ctx) {
		t.Error("configured without credentials")
	}
	if _, err := c.EnsureTunnel(ctx, "x"); !errors.Is(err, tunnels.ErrNotConfigured) || !strings.Contains(err.Error(), "platform settings") {
		t.Errorf("without credentials: %v", err)
	}
	cur.Store(&tunnels.Credentials{APIToken: "wrong-secret-token", AccountID: fake.Account, ZoneID: fake.Zone})
	if _, err := c.EnsureTunnel(ctx, "x"); !errors.Is(err, tunnels.ErrPermanent) || strings.Contains(err.Error(), "wrong-secret-token") {
		t.Errorf("with a wrong token: %v", err)
	}
	cur.Store(&tunnels.Credentials{APIToken: fake.Token, AccountID: fake.Account, ZoneID: fake.Zone})
	if !c.Configured(ctx) {
		t.Error("not configured with credentials")
	}
	if id, err := c.EnsureTunnel(ctx, "x"); err != nil || id == "" {
		t.Errorf("with the right token: %q, %v", id, err)
	}
	if reads < 5 {
		t.Errorf("the credentials were read %d times, want once a call", reads)
	}
	if s := fmt.Sprint(*cur.Load()); strings.Contains(s, fake.Token) {
		t.Errorf("Credentials print their token: %s", s)
	}
}
