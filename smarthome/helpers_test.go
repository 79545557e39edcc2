package smarthome_test

// The fixture of the smart home tests: a migrated database (storetest),
// people and a workspace made through their packages, an in-process event
// hub, a secretbox, the fake Cloudflare API (cffake), and the smart home
// domain whose jobs run on a deploy.Deployer's job runner (a dry-run Helm
// engine: here it is only the server's one River client) on short
// intervals. Every log line goes into a buffer the tests read.

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/woowtech/woow-paas/accounts"
	"github.com/woowtech/woow-paas/activity/activitytest"
	"github.com/woowtech/woow-paas/auth/authtest"
	"github.com/woowtech/woow-paas/deploy"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/activityevent"
	entsh "github.com/woowtech/woow-paas/ent/smarthome"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/events"
	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/role"
	"github.com/woowtech/woow-paas/secretbox"
	"github.com/woowtech/woow-paas/smarthome"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/tunnels"
	"github.com/woowtech/woow-paas/tunnels/cffake"
	"github.com/woowtech/woow-paas/viewer"
	"github.com/woowtech/woow-paas/workspaces"
)

// options of a fixture; the zero value is the usual set-up.
type options struct {
	// unconfigured gives the domain a Cloudflare client without
	// credentials.
	unconfigured bool
	// stuckAfter overrides Config.StuckAfter (default one hour).
	stuckAfter time.Duration
	// maxAttempts overrides Config.MaxAttempts (default 3).
	maxAttempts int
}

// fixture is one installation.
type fixture struct {
	t     *testing.T
	db    *store.DB
	hub   *events.Hub
	box   *secretbox.Box
	cf    *cffake.Server
	logs  *syncBuffer
	log   *slog.Logger
	cfg   smarthome.Config
	tcfg  tunnels.Config
	homes *smarthome.Homes
	dep   *deploy.Deployer
	ws    *ent.Workspace
	// afterDelete, when set, runs right after a test's Delete.
	afterDelete func()
	// skew is added to the domain's clock (nanoseconds).
	skew atomic.Int64

	owner, admin, user, guest, outsider context.Context
}

// syncBuffer collects log output from many goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

const domain = "homes.test"

func newFixture(t *testing.T, o options) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{t: t, db: storetest.Open(t), hub: events.NewHub(0), logs: &syncBuffer{}, cf: cffake.New(t)}
	// Every entry the test made says its summary with its params.
	t.Cleanup(func() { activitytest.Check(t, f.db.Client) })
	f.log = slog.New(slog.NewTextHandler(f.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("logs:\n%s", f.logs.String())
		}
	})
	t.Cleanup(func() { f.hub.Close() })
	key := make([]byte, secretbox.KeySize)
	for i := range key {
		key[i] = byte(i + 7)
	}
	var err error
	if f.box, err = secretbox.New(key); err != nil {
		t.Fatal(err)
	}

	acc := accounts.New(f.db.Client, accounts.Config{Hasher: authtest.Hasher(), Log: f.log})
	people := map[string]context.Context{}
	for _, name := range []string{"root", "owner", "admin", "user", "guest", "outsider"} {
		u, _, err := acc.Register(ctx, accounts.RegisterInput{
			Email: name + "@example.com", Password: "correct horse battery", Name: strings.ToUpper(name[:1]) + name[1:],
		})
		if err != nil {
			t.Fatalf("registering %s: %v", name, err)
		}
		people[name] = viewer.NewContext(ctx, &viewer.Viewer{UserID: u.ID, PlatformAdmin: u.PlatformAdmin})
	}
	f.owner, f.admin, f.user, f.guest, f.outsider = people["owner"], people["admin"], people["user"], people["guest"], people["outsider"]
	wss := workspaces.New(f.db.Client, workspaces.Config{PublicURL: "http://woow.test"})
	if f.ws, err = wss.Create(f.owner, "Acme Homes", ""); err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]role.Role{"admin": role.Admin, "user": role.User, "guest": role.Guest} {
		_, link, err := wss.Invite(f.owner, f.ws.ID, name+"@example.com", r)
		if err != nil {
			t.Fatalf("inviting %s: %v", name, err)
		}
		_, token, _ := strings.Cut(link, "#token=")
		if _, err := wss.Accept(people[name], workspaces.Answer{Token: token}); err != nil {
			t.Fatalf("%s accepting the invitation: %v", name, err)
		}
	}
	if _, err := wss.Create(f.outsider, "Elsewhere", ""); err != nil {
		t.Fatal(err)
	}

	if o.stuckAfter == 0 {
		o.stuckAfter = time.Hour
	}
	if o.maxAttempts == 0 {
		o.maxAttempts = 3
	}
	f.cfg = smarthome.Config{
		Domain:       domain,
		MaxAttempts:  o.maxAttempts,
		RefreshEvery: time.Hour, // tests call RefreshAll themselves
		MinRefresh:   5 * time.Second,
		StuckAfter:   o.stuckAfter,
	}
	f.tcfg = tunnels.Config{RateLimit: 1e5, APIURL: f.cf.URL}
	if !o.unconfigured {
		f.tcfg.APIToken, f.tcfg.AccountID, f.tcfg.ZoneID = f.cf.Token, f.cf.Account, f.cf.Zone
	}
	f.homes, f.dep = f.server()
	f.start(f.dep, f.homes)
	return f
}

// server is one server's smart home domain and its job runner (not
// started) on the fixture's database and bus.
func (f *fixture) server() (*smarthome.Homes, *deploy.Deployer) {
	f.t.Helper()
	engine, err := helmops.New(helmops.Config{
		CacheDir: f.t.TempDir(),
		Releases: helmops.NewReleaseStore(f.db.Client, nil),
		Timeout:  time.Minute,
	}, f.log)
	if err != nil {
		f.t.Fatal(err)
	}
	dep := deploy.New(f.db, engine, f.box, f.hub, deploy.Config{Domain: "apps.test", MaxAttempts: 2}, f.log)
	cf, err := tunnels.New(f.tcfg)
	if err != nil {
		f.t.Fatal(err)
	}
	homes := smarthome.New(f.db, cf, f.box, f.hub, dep, f.cfg, f.log)
	homes.Now = func() time.Time { return time.Now().UTC().Add(time.Duration(f.skew.Load())) }
	f.t.Cleanup(homes.Close)
	return homes, dep
}

// start starts dep's job runner with homes' workers; it stops when the
// test ends, before the database closes.
func (f *fixture) start(dep *deploy.Deployer, homes *smarthome.Homes) {
	f.t.Helper()
	err := dep.StartJobs(context.Background(), deploy.JobsConfig{
		JobTimeout:     30 * time.Second,
		RescueAfter:    time.Minute,
		PollInterval:   50 * time.Millisecond,
		ReconcileEvery: time.Hour,
		Register:       []func(*river.Workers) []*river.PeriodicJob{homes.RegisterJobs},
	})
	if err != nil {
		f.t.Fatalf("StartJobs: %v", err)
	}
	f.t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		if err := dep.StopJobs(ctx); err != nil {
			f.t.Logf("stopping the job runner: %v", err)
		}
	})
}

// advance moves the domain's clock forward.
func (f *fixture) advance(d time.Duration) { f.skew.Add(int64(d)) }

func sys() context.Context { return viewer.System(context.Background()) }

// create adds a home as the owner.
func (f *fixture) create(name string, port int) *ent.SmartHome {
	f.t.Helper()
	home, err := f.homes.Create(f.owner, smarthome.CreateInput{WorkspaceID: f.ws.ID, Name: name, HAPort: port})
	if err != nil {
		f.t.Fatalf("Create(%q): %v", name, err)
	}
	return home
}

// get reads a home in a system context.
func (f *fixture) get(id int) *ent.SmartHome {
	f.t.Helper()
	home, err := f.db.Client.SmartHome.Get(sys(), id)
	if err != nil {
		f.t.Fatalf("reading smart home %d: %v", id, err)
	}
	return home
}

func settled(s entsh.State) bool {
	switch s {
	case entsh.StateActive, entsh.StateError, entsh.StateGone:
		return true
	}
	return false
}

// waitState waits up to 20 s for home id to reach want. Reaching another
// settled state first fails at once.
func (f *fixture) waitState(id int, want entsh.State) *ent.SmartHome {
	f.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		home := f.get(id)
		if home.State == want {
			return home
		}
		if settled(want) && settled(home.State) {
			f.t.Fatalf("smart home %d is %s (error %q), want %s", id, home.State, home.ErrorMessage, want)
		}
		if time.Now().After(deadline) {
			f.t.Fatalf("smart home %d still %s after 20s, want %s (error %q)", id, home.State, want, home.ErrorMessage)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitFor polls cond until it holds, failing after 20 s.
func (f *fixture) waitFor(what string, cond func() bool) {
	f.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			f.t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// activate creates a home and waits until it is active.
func (f *fixture) activate(name string) *ent.SmartHome {
	f.t.Helper()
	return f.waitState(f.create(name, 0).ID, entsh.StateActive)
}

// activity lists the feed entries about home, oldest first.
func (f *fixture) activity(id int) []*ent.ActivityEvent {
	f.t.Helper()
	evs, err := f.db.Client.ActivityEvent.Query().
		Where(activityevent.SubjectType("SmartHome"), activityevent.SubjectID(id)).
		Order(ent.Asc(activityevent.FieldID)).All(sys())
	if err != nil {
		f.t.Fatal(err)
	}
	return evs
}

func verbs(evs []*ent.ActivityEvent) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.Verb)
	}
	return out
}

// noSecrets checks that the Cloudflare API token appears nowhere a user
// or an operator reads: error messages, the activity feed, the logs.
func (f *fixture) noSecrets() {
	f.t.Helper()
	tok := f.cf.Token
	homes, err := f.db.Client.SmartHome.Query().All(sys())
	if err != nil {
		f.t.Fatal(err)
	}
	for _, h := range homes {
		if strings.Contains(h.ErrorMessage, tok) {
			f.t.Errorf("home %d's error message holds the API token: %q", h.ID, h.ErrorMessage)
		}
	}
	evs, err := f.db.Client.ActivityEvent.Query().All(sys())
	if err != nil {
		f.t.Fatal(err)
	}
	for _, e := range evs {
		if strings.Contains(e.Summary, tok) {
			f.t.Errorf("activity %s holds the API token: %q", e.Verb, e.Summary)
		}
	}
	if strings.Contains(f.logs.String(), tok) {
		f.t.Errorf("the logs hold the API token")
	}
	// Nor the tunnel tokens (they run a connector).
	for _, tun := range f.cf.Tunnels() {
		tt := f.cf.TokenOf(tun.ID)
		if strings.Contains(f.logs.String(), tt) {
			f.t.Errorf("the logs hold the tunnel token of %s", tun.Name)
		}
		for _, e := range evs {
			if strings.Contains(e.Summary, tt) {
				f.t.Errorf("activity %s holds a tunnel token", e.Verb)
			}
		}
	}
}

// wantCode checks err's code (and field, reason when given).
func wantCode(t *testing.T, err error, code errs.Code, fieldOrReason ...string) {
	t.Helper()
	if !errs.Is(err, code) {
		t.Fatalf("err = %v, want %s", err, code)
	}
	var e *errs.Error
	if len(fieldOrReason) > 0 && errors.As(err, &e) {
		if e.Field != fieldOrReason[0] && e.Reason != fieldOrReason[0] {
			t.Fatalf("err = %v (field %q, reason %q), want %q", err, e.Field, e.Reason, fieldOrReason[0])
		}
	}
}

// waitJobsDone waits until no smart home job is left to run (each has
// completed, been cancelled or been discarded).
func (f *fixture) waitJobsDone() {
	f.t.Helper()
	f.waitFor("the smart home jobs to end", func() bool {
		var n int
		err := f.db.SQL.QueryRow(`SELECT count(*) FROM river_job WHERE kind IN ('smarthome_provision', 'smarthome_delete') AND finalized_at IS NULL`).Scan(&n)
		if err != nil {
			f.t.Fatal(err)
		}
		return n == 0
	})
}
