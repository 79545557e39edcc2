package deploy

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/activity"
	"github.com/woowtech/woow-paas/catalog"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/apptemplate"
	"github.com/woowtech/woow-paas/ent/service"
	"github.com/woowtech/woow-paas/ent/serviceevent"
	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/valuespec"
	"github.com/woowtech/woow-paas/viewer"
)

// The tests of this file check, on both databases, that no password
// appears in anything shown: the manifest of every revision, the values,
// the revisions' snapshots and descriptions, the values diff, the deploy
// log, error messages, the activity feed, the errors River keeps and the
// server's log.

// lockedBuffer collects log lines written from many goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// leaks are the forms in which passwords must never be shown: as written
// and base64-encoded (as in a Secret or a b64enc).
func leaks(passwords ...string) []string {
	var out []string
	for _, p := range passwords {
		out = append(out, p, base64.StdEncoding.EncodeToString([]byte(p)))
	}
	return out
}

// noLeak fails if text holds any of the forms.
func noLeak(t *testing.T, what, text string, forms []string) {
	t.Helper()
	for _, f := range forms {
		if strings.Contains(text, f) {
			t.Errorf("%s shows a password (%q):\n%s", what, f, text)
		}
	}
}

// shownText is everything about service id a user or an operator can
// read in the database: its error message and values, its log, the feed,
// its revisions' snapshots and descriptions, the errors River keeps.
func (f *fixture) shownText(id int) string {
	f.t.Helper()
	s := f.get(id)
	var b strings.Builder
	fmt.Fprintf(&b, "error message: %s\nuser values: %v\n", s.ErrorMessage, s.UserValues)
	b.WriteString("events:\n" + f.eventLog(id))
	for _, a := range f.activityFor(id) {
		fmt.Fprintf(&b, "activity: %s %s\n", a.Verb, a.Summary)
	}
	for n, r := range f.revisions(id) {
		fmt.Fprintf(&b, "revision %d: %s %q %v\n", n, r.Status, r.Description, r.ValuesSnapshot)
	}
	q := `SELECT COALESCE(CAST(json(errors) AS TEXT), '') FROM river_job`
	if f.db.Dialect == "postgres" {
		q = `SELECT COALESCE(CAST(errors AS TEXT), '') FROM river_job`
	}
	rows, err := f.db.SQL.Query(q)
	if err != nil {
		f.t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			f.t.Fatal(err)
		}
		b.WriteString("river job errors: " + e + "\n")
	}
	if err := rows.Err(); err != nil {
		f.t.Fatal(err)
	}
	return b.String()
}

// TestOldRevisionManifest: the manifest of every revision, the current one
// and older ones, has every password the service ever had blanked: in the
// container's environment, in a ConfigMap (as written, base64-encoded,
// inside a connection string and a file), and in the Secret. So do the
// values, the snapshots and the diff. A rollback runs an old password
// again while the service keeps the new one: that manifest too.
func TestOldRevisionManifest(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{})
	s := f.deploy("Shop", map[string]any{"auth.password": password1})
	if _, err := f.svc.Update(f.owner, UpdateInput{ID: s.ID, Values: map[string]any{"auth.password": password2}}); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateRunning, 20*time.Second)
	if s.HelmRevision != 2 {
		t.Fatalf("revision %d after the update, want 2", s.HelmRevision)
	}
	both := leaks(password1, password2)

	for _, rev := range []int{1, 2, 0} {
		m, err := f.svc.Manifest(f.admin, s.ID, rev)
		if err != nil {
			t.Fatalf("Manifest(%d): %v", rev, err)
		}
		noLeak(t, fmt.Sprintf("the manifest of revision %d", rev), m, both)
		for _, want := range []string{"name: ADMIN_PASSWORD", "kind: ConfigMap", "@db:5432/app", "[auth]", valuespec.Redacted} {
			if !strings.Contains(m, want) {
				t.Errorf("the manifest of revision %d lacks %q:\n%s", rev, want, m)
			}
		}
	}

	diff, err := f.svc.ValuesDiff(f.guest, s.ID, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got := derefChanges(diff); len(got) != 1 || got[0] != (valuespec.Change{Key: "auth.password", Kind: valuespec.Changed, Secret: true}) {
		t.Errorf("ValuesDiff(1, 2) = %+v, want the password changed, without values", got)
	}
	noLeak(t, "the values diff", fmt.Sprintf("%+v", derefChanges(diff)), both)
	shown, err := f.svc.Values(f.guest, s)
	if err != nil {
		t.Fatal(err)
	}
	noLeak(t, "the values", fmt.Sprint(shown), both)

	// Rollback to 1: Helm runs password1 again (revision 3 has revision
	// 1's values); the service's own password stays password2.
	if _, err := f.svc.Rollback(f.owner, s.ID, 1); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateRunning, 20*time.Second)
	if got := dig(f.helmValues(s, 0), "auth.password"); s.HelmRevision != 3 || got != password1 {
		t.Fatalf("after the rollback: revision %d runs password %v", s.HelmRevision, got)
	}
	for _, rev := range []int{0, 3} {
		m, err := f.svc.Manifest(f.admin, s.ID, rev)
		if err != nil {
			t.Fatal(err)
		}
		noLeak(t, fmt.Sprintf("the manifest of revision %d (the rollback)", rev), m, both)
	}
	if diff, err = f.svc.ValuesDiff(f.guest, s.ID, 2, 3); err != nil {
		t.Fatal(err)
	}
	noLeak(t, "the values diff after the rollback", fmt.Sprintf("%+v", derefChanges(diff)), both)
	noLeak(t, "what the database shows", f.shownText(s.ID), both)
}

// TestTemplateDefaultPassword: a password the user did not set comes from
// the template's default values; it is a password all the same.
func TestTemplateDefaultPassword(t *testing.T) {
	t.Parallel()
	const defaultPassword = "tpl-Default-Pw-42"
	f := newFixture(t, options{})
	tpl, err := catalog.New(f.db.Client, catalog.Config{}).Create(sys(), ent.CreateAppTemplateInput{
		Name: "Defaulted", Slug: "defaulted", Category: apptemplate.CategoryWeb,
		ChartRef: "webapp", ChartRepoURL: new(f.repo.URL()), ChartVersion: new("0.1.0"),
		DefaultValues: map[string]any{"auth": map[string]any{"password": defaultPassword}},
		ValueSpecs: &valuespec.Specs{Optional: []valuespec.Spec{
			{Key: "auth.password", Label: "Password", Type: valuespec.Password},
		}},
		Active: new(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: tpl.ID, Name: "Defaulted"})
	if err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateRunning, 20*time.Second)
	if got := dig(f.helmValues(s, 0), "auth.password"); got != defaultPassword {
		t.Fatalf("Helm's password %v, want the template's default", got)
	}
	m, err := f.svc.Manifest(f.admin, s.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	noLeak(t, "the manifest", m, leaks(defaultPassword))
}

// TestPasswordsInErrors: errors from the cluster, from a chart and from
// Helm's record of a failed release quote passwords; the error message,
// the deploy log, the feed, the revisions' descriptions, the errors River
// keeps and the server's log show them blanked.
func TestPasswordsInErrors(t *testing.T) {
	t.Parallel()
	var logs lockedBuffer
	f := newFixture(t, options{logs: &logs})
	s := f.deploy("Shop", map[string]any{"auth.password": password1})
	b64 := func(p string) string { return base64.StdEncoding.EncodeToString([]byte(p)) }

	// The cluster refuses the upgrade to password2, quoting it (and the
	// old one, and its base64): an admission webhook may.
	f.kube.fail(fmt.Errorf(`Deployment.apps "web" is invalid: spec.template.spec.containers[0].env[1].value: Invalid value: %q: must differ from %q (secret data %s)`,
		password2, password1, b64(password2)))
	if _, err := f.svc.Update(f.owner, UpdateInput{ID: s.ID, Values: map[string]any{"auth.password": password2}}); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateError, 20*time.Second)
	if !strings.Contains(s.ErrorMessage, "is invalid") || !strings.Contains(s.ErrorMessage, valuespec.Redacted) {
		t.Errorf("error message %q: want the reason, passwords blanked", s.ErrorMessage)
	}
	if r := f.revisions(s.ID)[2]; r == nil || r.Status != "failed" || !strings.Contains(r.Description, "is invalid") {
		t.Errorf("the failed revision: %+v", r)
	}
	f.kube.fail(nil)

	// A chart that refuses the password, quoting it, in its template.
	v := failingVersion
	if _, err := f.svc.Update(f.owner, UpdateInput{ID: s.ID, ChartVersion: &v}); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateError, 20*time.Second)
	if !strings.Contains(s.ErrorMessage, "is not accepted here") {
		t.Errorf("error message %q: want the chart's reason", s.ErrorMessage)
	}

	// Back to a chart that works; then the release fails behind our back
	// (another client upgraded it), with an error quoting the old
	// password: the reconciler reports it.
	v = "0.1.0"
	if _, err := f.svc.Update(f.owner, UpdateInput{ID: s.ID, ChartVersion: &v}); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateRunning, 20*time.Second)
	all := leaks(password1, password2)
	byUs := logs.String()
	noLeak(t, "the server's log", byUs, all)
	if !strings.Contains(byUs, valuespec.Redacted) {
		t.Errorf("the log shows no redacted error: is it logging the errors at all?\n%s", byUs)
	}
	f.kube.fail(errors.New(`admission webhook denied: value "` + password1 + `" is on the list of leaked passwords`))
	ref := helmops.ChartRef{Ref: "webapp", RepoURL: f.repo.URL(), Version: "0.1.0"}
	if _, err := f.engine.Upgrade(context.Background(), s.Namespace, s.ReleaseName, ref,
		map[string]any{"auth": map[string]any{"password": password1}}); err == nil {
		t.Fatal("the upgrade behind our back did not fail")
	}
	f.kube.fail(nil)
	// That upgrade was not ours: what Helm logged about it is not checked.
	mark := len(logs.String())
	if err := f.svc.Reconcile(context.Background()); err != nil {
		t.Fatal(err)
	}
	s = f.get(s.ID)
	if s.State != service.StateError || !strings.Contains(s.ErrorMessage, "leaked passwords") {
		t.Errorf("after the reconciler: %s %q", s.State, s.ErrorMessage)
	}

	noLeak(t, "what the database shows", f.shownText(s.ID), all)
	noLeak(t, "the server's log since", logs.String()[mark:], all)
}

// TestRedactManifest: passwords are blanked wherever a chart writes them:
// long ones anywhere (as written, base64, escaped), short ones where they
// are a whole value; the rest of the manifest stays as it was.
func TestRedactManifest(t *testing.T) {
	t.Parallel()
	const (
		long   = `pa"ss\word-1`
		short  = "p3w"
		number = "123"
	)
	b64 := base64.StdEncoding.EncodeToString([]byte(long))
	manifest := `---
# Source: app/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          env:
            - name: LONG
              value: "pa\"ss\\word-1"
            - name: SHORT
              value: p3w
            - name: PIN
              value: 123
            - name: REPLICAS
              value: "3"
---
# Source: app/templates/config.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: config
data:
  b64: ` + b64 + `
  json: '{"password": "pa\"ss\\word-1"}'
  single: 'pa"ss\word-1'
  settings: |
    user = p3wuser
---
# Source: app/templates/untouched.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: untouched
data:
  mode: production
`
	got := redactManifest(manifest, valuespec.NewRedactor(long, short, number))
	for _, leak := range []string{long, b64, `pa\"ss\\word-1`, "value: p3w\n", "value: 123\n"} {
		if strings.Contains(got, leak) {
			t.Errorf("%q survives:\n%s", leak, got)
		}
	}
	for _, keep := range []string{
		"# Source: app/templates/untouched.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: untouched\ndata:\n  mode: production\n",
		// A short password inside a longer word is not one.
		"user = p3wuser",
		"name: REPLICAS", `value: "3"`, "name: PIN",
	} {
		if !strings.Contains(got, keep) {
			t.Errorf("the result lacks %q:\n%s", keep, got)
		}
	}
	if n := strings.Count(got, "---\n"); n != 3 {
		t.Errorf("%d document separators, want 3:\n%s", n, got)
	}
	if redactManifest(manifest, valuespec.NewRedactor()) != redactSecrets(manifest) {
		t.Error("with no password, the manifest is not just the Secrets redacted")
	}
}

// TestRetire: an update keeps the passwords it replaced (sealed, for
// redaction only), once each, at most maxRetired, never the current ones.
func TestRetire(t *testing.T) {
	t.Parallel()
	specs := valuespec.Specs{Required: []valuespec.Spec{
		{Key: "auth.password", Label: "Password", Type: valuespec.Password},
		{Key: "_init.owner_password", Label: "Owner password", Type: valuespec.Password},
		{Key: "_init.owner_email", Label: "Owner email", Type: valuespec.Text},
	}}
	check := func(pw, owner string) valuespec.Checked {
		c, err := specs.Check(map[string]any{"auth.password": pw, "_init.owner_password": owner, "_init.owner_email": "a@b.c"})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	old := secrets{Values: map[string]any{"auth.password": "one"}, Init: map[string]any{"_init.owner_password": "owner-1", "_init.owner_email": "a@b.c"}}
	got := retire(specs, old, check("two", "owner-1"))
	if fmt.Sprint(got) != "[one]" {
		t.Errorf("retired %q, want [one] (not the unchanged owner password, not the e-mail)", got)
	}
	old.Retired = got
	old.Values["auth.password"] = "two"
	if got = retire(specs, old, check("one", "owner-2")); fmt.Sprint(got) != "[two owner-1]" {
		t.Errorf("retired %q, want [two owner-1] (one is current again)", got)
	}
	for i := range 2 * maxRetired {
		old.Retired = append(old.Retired, fmt.Sprintf("old-%d", i))
	}
	got = retire(specs, old, check("new", "owner-1"))
	if len(got) != maxRetired || got[len(got)-1] != "two" {
		t.Errorf("retired %d, the newest %q; want %d ending with two", len(got), got[len(got)-1], maxRetired)
	}
}

// TestSealedStaysMasked: a value sealed as a password stays masked even
// when the template's specs no longer call it one.
func TestSealedStaysMasked(t *testing.T) {
	t.Parallel()
	sec := secrets{Values: map[string]any{"auth.password": password1}}
	got := masked(valuespec.Specs{}, map[string]any{"tier": "large"}, sec)
	if got["auth.password"] != valuespec.MaskedValue || got["tier"] != "large" {
		t.Errorf("masked = %v", got)
	}
}

// TestScrubHistory: what an earlier version stored with a password in it
// (a deploy log line, an error, a revision's description, an activity
// entry) is blanked once, at start-up.
func TestScrubHistory(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{})
	s := f.deploy("Shop", map[string]any{"auth.password": password1})
	sys := viewer.System(context.Background())
	c := f.db.Client
	leak := "connection failed: postgres://app:" + password1 + "@db"
	ev := c.ServiceEvent.Create().SetWorkspaceID(f.ws.ID).SetServiceID(s.ID).SetState("running").
		SetLevel(serviceevent.LevelError).SetMessage(leak).SaveX(sys)
	c.Service.UpdateOneID(s.ID).SetErrorMessage(leak).ExecX(sys)
	// A test's own verb: an earlier version's entry, without params.
	act, err := activity.Record(sys, c, activity.Entry{WorkspaceID: f.ws.ID, Verb: "test.failed",
		SubjectType: "Service", SubjectID: s.ID, Summary: "Shop: " + leak})
	if err != nil {
		t.Fatal(err)
	}
	untouched := c.ServiceEvent.Create().SetWorkspaceID(f.ws.ID).SetServiceID(s.ID).SetState("running").
		SetLevel(serviceevent.LevelInfo).SetMessage("Running (revision 1)").SaveX(sys)

	if err := f.svc.ScrubHistory(context.Background()); err != nil {
		t.Fatal(err)
	}
	for what, text := range map[string]string{
		"event":    c.ServiceEvent.GetX(sys, ev.ID).Message,
		"error":    c.Service.GetX(sys, s.ID).ErrorMessage,
		"activity": c.ActivityEvent.GetX(sys, act.ID).Summary,
	} {
		if strings.Contains(text, password1) || !strings.Contains(text, "connection failed") {
			t.Errorf("%s after the scrub: %q", what, text)
		}
	}
	if got := c.ServiceEvent.GetX(sys, untouched.ID).Message; got != "Running (revision 1)" {
		t.Errorf("an innocent line became %q", got)
	}
	// Once: what is written later is not the history's business.
	c.ServiceEvent.UpdateOneID(ev.ID).SetMessage(leak).ExecX(sys)
	if err := f.svc.ScrubHistory(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := c.ServiceEvent.GetX(sys, ev.ID).Message; got != leak {
		t.Errorf("the scrub ran twice: %q", got)
	}
}
