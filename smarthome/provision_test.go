package smarthome_test

import (
	"context"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	entsh "github.com/woowtech/woow-paas/ent/smarthome"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/smarthome"
	"github.com/woowtech/woow-paas/tunnels/cffake"
	"github.com/woowtech/woow-paas/workspaces"
)

func TestProvisionEndToEnd(t *testing.T) {
	f := newFixture(t, options{})
	release := f.cf.Block(cffake.OpListTunnels)
	created := f.create("Living room", 8124)
	// Create reads the home back after its commit: the job may have
	// started meanwhile (it moves the home on before its first call).
	if created.State != entsh.StatePending && created.State != entsh.StateProvisioning {
		t.Fatalf("a new home is %s, want pending", created.State)
	}
	// The job is inside its first Cloudflare call: the home is provisioning.
	f.waitFor("the job to reach Cloudflare", func() bool { return f.cf.Waiting(cffake.OpListTunnels) == 1 })
	if st := f.get(created.ID).State; st != entsh.StateProvisioning {
		t.Fatalf("during the job the home is %s, want provisioning", st)
	}
	release()
	home := f.waitState(created.ID, entsh.StateActive)

	want := regexp.MustCompile(`^paas-sm-[0-9a-f]{8}-[0-9a-f]{8}\.` + regexp.QuoteMeta(domain) + `$`)
	if !want.MatchString(home.Subdomain) {
		t.Errorf("host name %q does not match %s", home.Subdomain, want)
	}
	if !strings.HasPrefix(home.Subdomain, "paas-sm-"+workspaces.HostLabel(f.ws.Slug)+"-") {
		t.Errorf("host name %q does not carry the workspace's label", home.Subdomain)
	}

	ts := f.cf.Tunnels()
	if len(ts) != 1 {
		t.Fatalf("the fake has %d tunnels, want 1", len(ts))
	}
	tun := ts[0]
	if tun.Name != home.TunnelName || tun.ID != home.TunnelID {
		t.Errorf("tunnel %s/%s, home has %s/%s", tun.Name, tun.ID, home.TunnelName, home.TunnelID)
	}
	if tun.ConfigSrc != "cloudflare" {
		t.Errorf("tunnel config_src %q, want cloudflare (remotely managed)", tun.ConfigSrc)
	}
	wantIngress := []cffake.IngressRule{
		{Hostname: home.Subdomain, Service: "http://localhost:8124"},
		{Service: "http_status:404"},
	}
	if !slices.Equal(tun.Config, wantIngress) {
		t.Errorf("ingress %+v, want %+v", tun.Config, wantIngress)
	}
	recs := f.cf.DNSRecords()
	if len(recs) != 1 {
		t.Fatalf("the zone has %d records, want 1", len(recs))
	}
	r := recs[0]
	if r.Type != "CNAME" || r.Name != home.Subdomain || r.Content != tun.ID+".cfargotunnel.com" || !r.Proxied {
		t.Errorf("DNS record %+v, want a proxied CNAME %s -> %s.cfargotunnel.com", r, home.Subdomain, tun.ID)
	}
	if home.DNSRecordID != r.ID {
		t.Errorf("home's DNS record id %q, want %q", home.DNSRecordID, r.ID)
	}
	if home.TunnelRoute != "https://"+home.Subdomain {
		t.Errorf("tunnel route %q", home.TunnelRoute)
	}
	if home.DeployedAt == nil || home.DeployedAt.IsZero() {
		t.Error("deployed_at not set")
	}
	if home.HaPort != 8124 || home.ErrorMessage != "" {
		t.Errorf("ha_port %d, error %q", home.HaPort, home.ErrorMessage)
	}
	if home.TunnelStatus != entsh.TunnelStatusDisconnected {
		t.Errorf("tunnel status %s, want disconnected (no connector yet)", home.TunnelStatus)
	}

	// The token is stored sealed, and read back whole.
	token := f.cf.TokenOf(tun.ID)
	if token == "" || len(home.TunnelToken) == 0 {
		t.Fatal("no token")
	}
	if strings.Contains(string(home.TunnelToken), token) {
		t.Error("the tunnel token is stored in clear")
	}
	got, err := f.homes.TunnelToken(f.owner, home.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Token != token || got.TunnelID != tun.ID || got.Host != home.Subdomain {
		t.Errorf("TunnelToken = %+v, want token of %s", got, tun.ID)
	}
	if p, err := f.homes.TokenField(f.admin, home); err != nil || p == nil || *p != token {
		t.Errorf("TokenField for an admin = %v, %v", p, err)
	}

	vs := verbs(f.activity(home.ID))
	for _, v := range []string{"smarthome.created", "smarthome.active", "smarthome.token_read"} {
		if !slices.Contains(vs, v) {
			t.Errorf("activity %v lacks %s", vs, v)
		}
	}
	f.noSecrets()
}

func TestProvisionFailures(t *testing.T) {
	for _, tc := range []struct {
		name string
		// arrange prepares the fake before the job runs; host is the
		// home's host name.
		arrange func(f *fixture, host string)
		// wantMsg are parts of the error message.
		wantMsg []string
		// calls: how often op was called (no retry of a refusal).
		op    cffake.Op
		calls int
	}{
		{
			name: "tunnel creation refused",
			arrange: func(f *fixture, _ string) {
				f.cf.FailNext(cffake.OpCreateTunnel, http.StatusBadRequest, 1001, "Tunnel name has invalid characters")
			},
			wantMsg: []string{"create the tunnel", "Tunnel name has invalid characters", "1001"},
			op:      cffake.OpCreateTunnel, calls: 1,
		},
		{
			name: "ingress configuration refused",
			arrange: func(f *fixture, _ string) {
				f.cf.FailNext(cffake.OpConfigure, http.StatusBadRequest, cffake.CodeInvalidIngress, "Ingress rules are invalid")
			},
			wantMsg: []string{"configure the tunnel's ingress", "Ingress rules are invalid"},
			op:      cffake.OpConfigure, calls: 1,
		},
		{
			name: "DNS name already taken",
			arrange: func(f *fixture, host string) {
				f.cf.AddDNSRecord("A", host, "192.0.2.7")
			},
			wantMsg: []string{"already taken", "192.0.2.7"},
			op:      cffake.OpCreateDNS, calls: 0,
		},
		{
			name: "DNS record creation refused",
			arrange: func(f *fixture, _ string) {
				f.cf.FailNext(cffake.OpCreateDNS, http.StatusBadRequest, cffake.CodeDNSRecordConflict, "An A, AAAA, or CNAME record with that host already exists.")
			},
			wantMsg: []string{"create the DNS record", "already exists"},
			op:      cffake.OpCreateDNS, calls: 1,
		},
		{
			name: "token fetch refused",
			arrange: func(f *fixture, _ string) {
				f.cf.FailNext(cffake.OpTunnelToken, http.StatusForbidden, 10000, "Authentication error")
			},
			wantMsg: []string{"fetch the tunnel token", "Authentication error"},
			op:      cffake.OpTunnelToken, calls: 1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, options{})
			// Hold the job at its first call so that the fake can be set
			// up with the home's host name.
			release := f.cf.Block(cffake.OpListTunnels)
			home := f.create("Cabin", 0)
			tc.arrange(f, home.Subdomain)
			release()
			home = f.waitState(home.ID, entsh.StateError)
			for _, part := range tc.wantMsg {
				if !strings.Contains(home.ErrorMessage, part) {
					t.Errorf("error message %q lacks %q", home.ErrorMessage, part)
				}
			}
			if strings.Contains(tc.name, "DNS name") && !strings.Contains(home.ErrorMessage, home.Subdomain) {
				t.Errorf("error message %q does not name the host %s", home.ErrorMessage, home.Subdomain)
			}
			if n := f.cf.Calls(tc.op); n != tc.calls {
				t.Errorf("%s called %d times, want %d (a refusal is not retried)", tc.op, n, tc.calls)
			}
			if len(home.TunnelToken) != 0 {
				t.Error("a failed home has a token")
			}
			evs := f.activity(home.ID)
			if last := evs[len(evs)-1]; last.Verb != "smarthome.error" || !strings.Contains(last.Summary, home.ErrorMessage) {
				t.Errorf("last activity %s %q, want smarthome.error with the reason", last.Verb, last.Summary)
			}
			if _, err := f.homes.TunnelToken(f.owner, home.ID); !errs.Is(err, errs.Conflict) {
				t.Errorf("TunnelToken of a failed home: %v, want CONFLICT", err)
			}
			f.noSecrets()
		})
	}
}

func TestProvisionTransientFailureRetried(t *testing.T) {
	f := newFixture(t, options{})
	f.cf.FailNext(cffake.OpConfigure, http.StatusInternalServerError, 1000, "internal")
	home := f.waitState(f.create("Garage", 0).ID, entsh.StateActive)
	if n := f.cf.Calls(cffake.OpConfigure); n != 2 {
		t.Errorf("configure called %d times, want 2 (one failure, one retry)", n)
	}
	if n := len(f.cf.Tunnels()); n != 1 {
		t.Errorf("%d tunnels after the retry, want 1", n)
	}
	if n := f.cf.Calls(cffake.OpCreateTunnel); n != 1 {
		t.Errorf("create tunnel called %d times, want 1 (the retry found it by name)", n)
	}
	if home.ErrorMessage != "" {
		t.Errorf("error message %q after success", home.ErrorMessage)
	}
	if !strings.Contains(f.logs.String(), "retrying") {
		t.Error("the failed attempt was not logged")
	}
	f.noSecrets()
}

func TestProvisionNotConfigured(t *testing.T) {
	f := newFixture(t, options{unconfigured: true})
	home := f.waitState(f.create("Attic", 0).ID, entsh.StateError)
	for _, name := range []string{"WOOW_CLOUDFLARE_API_TOKEN", "WOOW_CLOUDFLARE_ACCOUNT_ID"} {
		if !strings.Contains(home.ErrorMessage, name) {
			t.Errorf("error message %q does not name %s", home.ErrorMessage, name)
		}
	}
	if n := f.cf.Calls(cffake.OpListTunnels) + f.cf.Calls(cffake.OpCreateTunnel); n != 0 {
		t.Errorf("%d calls reached Cloudflare", n)
	}
	// Deleting it needs no Cloudflare: nothing was made there.
	if _, err := f.homes.Delete(f.owner, home.ID); err != nil {
		t.Fatal(err)
	}
	f.waitState(home.ID, entsh.StateGone)
}

// A job interrupted inside a Cloudflare call (the server stops) runs again
// on the next start and finds what the first try made.
func TestProvisionInterruptedAndResumed(t *testing.T) {
	f := newFixture(t, options{})
	release := f.cf.Block(cffake.OpCreateDNS)
	home := f.create("Basement", 0)
	f.waitFor("the job to create the DNS record", func() bool { return f.cf.Waiting(cffake.OpCreateDNS) == 1 })

	// The server stops; the job is cancelled inside the call.
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	err := f.dep.StopJobs(ctx)
	cancel()
	if err != nil {
		t.Fatalf("StopJobs: %v", err)
	}
	// The job was cancelled inside the call and put back to run again.
	var jstate string
	if err := f.db.SQL.QueryRow(`SELECT state FROM river_job WHERE kind = 'smarthome_provision'`).Scan(&jstate); err != nil {
		t.Fatal(err)
	}
	if jstate != "available" && jstate != "retryable" {
		t.Fatalf("the interrupted job is %s, want available or retryable", jstate)
	}
	if n := f.cf.Waiting(cffake.OpCreateDNS); n != 1 {
		t.Fatalf("%d calls held at Cloudflare, want 1 (the interrupted one)", n)
	}
	if st := f.get(home.ID).State; st != entsh.StateProvisioning {
		t.Fatalf("after the stop the home is %s, want provisioning", st)
	}
	// The request had reached Cloudflare: it takes effect anyway.
	release()
	f.waitFor("the record to exist", func() bool { return len(f.cf.DNSRecords()) == 1 })

	// The next server resumes the job.
	homes2, dep2 := f.server()
	f.start(dep2, homes2)
	got := f.waitState(home.ID, entsh.StateActive)
	if n := len(f.cf.Tunnels()); n != 1 {
		t.Errorf("%d tunnels, want 1", n)
	}
	recs := f.cf.DNSRecords()
	if len(recs) != 1 {
		t.Fatalf("%d DNS records, want 1", len(recs))
	}
	if got.DNSRecordID != recs[0].ID || got.TunnelID != f.cf.Tunnels()[0].ID {
		t.Errorf("home points to %s/%s, Cloudflare has %s/%s", got.TunnelID, got.DNSRecordID, f.cf.Tunnels()[0].ID, recs[0].ID)
	}
	if n := f.cf.Calls(cffake.OpCreateTunnel); n != 1 {
		t.Errorf("create tunnel called %d times, want 1", n)
	}
	tok, err := homes2.TunnelToken(f.owner, home.ID)
	if err != nil || tok.Token != f.cf.TokenOf(got.TunnelID) {
		t.Errorf("TunnelToken after the resume: %v", err)
	}
}

func TestRetry(t *testing.T) {
	f := newFixture(t, options{})
	f.cf.FailNext(cffake.OpTunnelToken, http.StatusBadRequest, 1001, "try later")
	home := f.waitState(f.create("Shed", 0).ID, entsh.StateError)
	if home.TunnelID == "" || home.DNSRecordID == "" {
		t.Fatalf("the failed home kept tunnel %q record %q", home.TunnelID, home.DNSRecordID)
	}

	// Retry from another state than error: CONFLICT.
	other := f.activate("Kitchen")
	if _, err := f.homes.Retry(f.owner, other.ID); !errs.Is(err, errs.Conflict) {
		t.Errorf("Retry of an active home: %v, want CONFLICT", err)
	}

	got, err := f.homes.Retry(f.admin, home.ID)
	if err != nil {
		t.Fatal(err)
	}
	if (got.State != entsh.StatePending && got.State != entsh.StateProvisioning && got.State != entsh.StateActive) || got.ErrorMessage != "" {
		t.Errorf("after Retry: %s %q, want pending without error", got.State, got.ErrorMessage)
	}
	got = f.waitState(home.ID, entsh.StateActive)
	if got.TunnelID != home.TunnelID || got.DNSRecordID != home.DNSRecordID {
		t.Errorf("the retry made new things: %s/%s, was %s/%s", got.TunnelID, got.DNSRecordID, home.TunnelID, home.DNSRecordID)
	}
	if n := f.cf.Calls(cffake.OpCreateTunnel); n != 2 { // Shed and Kitchen
		t.Errorf("create tunnel called %d times, want 2", n)
	}
	if n := f.cf.Calls(cffake.OpCreateDNS); n != 2 {
		t.Errorf("create DNS called %d times, want 2", n)
	}
	if n := len(f.cf.Tunnels()); n != 2 {
		t.Errorf("%d tunnels, want 2", n)
	}
	if !slices.Contains(verbs(f.activity(home.ID)), "smarthome.retried") {
		t.Error("no activity for the retry")
	}
	if _, err := f.homes.Retry(f.owner, home.ID); !errs.Is(err, errs.Conflict) {
		t.Errorf("second Retry: %v, want CONFLICT", err)
	}
}

func TestStuckHomeTimesOut(t *testing.T) {
	// Stuck after a minute of the fixture's clock, which only the test
	// moves past it: with a real-time bound of a millisecond, the status
	// pass at start could time the home out before the job reached
	// Cloudflare on a busy machine, and the job then never configured.
	f := newFixture(t, options{stuckAfter: time.Minute})
	release := f.cf.Block(cffake.OpConfigure)
	home := f.create("Porch", 0)
	f.waitFor("the job to configure", func() bool { return f.cf.Waiting(cffake.OpConfigure) == 1 })
	f.advance(2 * time.Minute)
	if err := f.homes.RefreshAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	got := f.get(home.ID)
	if got.State != entsh.StateError || got.ErrorMessage != "timed out while provisioning" {
		t.Fatalf("stuck home: %s %q, want error timed out while provisioning", got.State, got.ErrorMessage)
	}
	// The job, released, sees that the home moved on and leaves it so.
	release()
	f.waitFor("the job to end", func() bool { return f.cf.Calls(cffake.OpConfigure) == 1 && f.cf.Waiting(cffake.OpConfigure) == 0 })
	if st := f.get(home.ID).State; st != entsh.StateError {
		t.Errorf("after the job the home is %s", st)
	}
	// Deleting it cleans up whatever the job made. The status pass that
	// runs at start (RunOnStart) must be over first: one starting late on
	// a busy machine would time the deletion out (StuckAfter is 1 ms here).
	f.waitFor("the start-up status pass", func() bool {
		var n int
		err := f.db.SQL.QueryRow(`SELECT count(*) FROM river_job WHERE kind = 'smarthome_refresh' AND state IN ('completed', 'discarded', 'cancelled')`).Scan(&n)
		return err == nil && n > 0
	})
	if _, err := f.homes.Delete(f.owner, home.ID); err != nil {
		t.Fatal(err)
	}
	f.waitState(home.ID, entsh.StateGone)
	if n := len(f.cf.Tunnels()); n != 0 {
		t.Errorf("%d tunnels left", n)
	}
}

func TestCreateBadInput(t *testing.T) {
	f := newFixture(t, options{})
	for _, tc := range []struct {
		name  string
		in    string
		port  int
		field string
	}{
		{"empty name", "", 0, "name"},
		{"blank name", "   ", 0, "name"},
		{"101 characters", strings.Repeat("é", 101), 0, "name"},
		{"control character", "Living\x00room", 0, "name"},
		{"newline", "Living\nroom", 0, "name"},
		{"bidi override", "Living\u202eroom", 0, "name"},
		{"port too large", "Home", 70000, "haPort"},
		{"negative port", "Home", -1, "haPort"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.homes.Create(f.owner, smarthome.CreateInput{WorkspaceID: f.ws.ID, Name: tc.in, HAPort: tc.port})
			wantCode(t, err, errs.Invalid, tc.field)
		})
	}
	if n, err := f.db.Client.SmartHome.Query().Count(sys()); err != nil || n != 0 {
		t.Fatalf("%d homes after bad input (%v)", n, err)
	}
	home := f.create(" "+strings.Repeat("é", 100)+" ", 0)
	if home.HaPort != 8123 || home.Name != strings.Repeat("é", 100) {
		t.Errorf("port %d name %q: want 8123 and the trimmed name", home.HaPort, home.Name)
	}
	if _, err := f.homes.Create(f.owner, smarthome.CreateInput{WorkspaceID: 1 << 30, Name: "x"}); !errs.Is(err, errs.NotFound) {
		t.Errorf("unknown workspace: %v", err)
	}
}
