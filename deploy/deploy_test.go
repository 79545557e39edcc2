package deploy

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/catalog"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/activityevent"
	"github.com/woowtech/woow-paas/ent/apptemplate"
	"github.com/woowtech/woow-paas/ent/service"
	"github.com/woowtech/woow-paas/ent/serviceevent"
	"github.com/woowtech/woow-paas/ent/servicerevision"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/events"
	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/valuespec"
	"github.com/woowtech/woow-paas/workspaces"
)

const (
	password1 = "s3cr3t-one-Pw"
	password2 = "s3cr3t-two-Pw"
)

// revisions returns the ServiceRevision rows of a service by revision.
func (f *fixture) revisions(id int) map[int]*ent.ServiceRevision {
	f.t.Helper()
	rs, err := f.db.Client.ServiceRevision.Query().Where(servicerevision.ServiceID(id)).All(sys())
	if err != nil {
		f.t.Fatal(err)
	}
	out := map[int]*ent.ServiceRevision{}
	for _, r := range rs {
		out[r.Revision] = r
	}
	return out
}

// helmValues are the values Helm stored for a revision (0: the newest).
func (f *fixture) helmValues(s *ent.Service, revision int) map[string]any {
	f.t.Helper()
	v, err := f.engine.Values(context.Background(), s.Namespace, s.ReleaseName, revision)
	if err != nil {
		f.t.Fatalf("release values of %s revision %d: %v", s.ReleaseName, revision, err)
	}
	return v
}

// dig reads a nested value by dot path.
func dig(m map[string]any, path string) any {
	var cur any = m
	for _, seg := range strings.Split(path, ".") {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = mm[seg]
	}
	return cur
}

// rawSecret is the secret_values column as stored.
func (f *fixture) rawSecret(id int) []byte {
	f.t.Helper()
	q := "SELECT secret_values FROM services WHERE id = ?"
	if f.db.Dialect == "postgres" {
		q = numberParams(q)
	}
	var b []byte
	if err := f.db.SQL.QueryRow(q, id).Scan(&b); err != nil {
		f.t.Fatal(err)
	}
	return b
}

// noSecretsStored checks that no plaintext secret is in the service's row.
func (f *fixture) noSecretsStored(id int, secrets ...string) {
	f.t.Helper()
	raw := f.rawSecret(id)
	if len(raw) == 0 {
		f.t.Fatalf("service %d has no encrypted secrets", id)
	}
	s := f.get(id)
	for _, secret := range secrets {
		if bytes.Contains(raw, []byte(secret)) {
			f.t.Errorf("secret_values holds %q in plain text", secret)
		}
		if strings.Contains(fmt.Sprint(s.UserValues), secret) {
			f.t.Errorf("user_values hold %q: %v", secret, s.UserValues)
		}
	}
}

func num(v any) float64 {
	switch n := v.(type) {
	case float64:
		return n
	case int64:
		return float64(n)
	case int:
		return float64(n)
	}
	return -1
}

func TestLifecycle(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{})
	ctx := context.Background()

	if c, err := f.svc.Cluster(f.owner); err != nil || c.Mode != "dry-run" || !c.Reachable {
		t.Errorf("Cluster() = %+v, %v; want dry-run and reachable", c, err)
	}
	// Not for strangers.
	if _, err := f.svc.Cluster(ctx); errs.CodeOf(err) != errs.Unauthenticated {
		t.Errorf("Cluster() anonymously = %v, want UNAUTHENTICATED", err)
	}

	// Deploy: pending at once, then running with revision 1.
	created, err := f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: " Shop ",
		Values: map[string]any{"auth.password": password1, "replicaCount": 4, "_init.owner_email": "boss@example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	// Deploy reads the service back after the commit: the job may have
	// started already.
	if created.State == service.StateError || created.Name != "Shop" {
		t.Errorf("Deploy returned %s %q, want Shop on its way", created.State, created.Name)
	}
	if created.Namespace != workspaces.Namespace(f.ws.Slug) || !strings.HasPrefix(created.ReleaseName, "svc-") {
		t.Errorf("namespace %q release %q", created.Namespace, created.ReleaseName)
	}
	s := f.waitState(created.ID, service.StateRunning, 20*time.Second)
	if s.HelmRevision != 1 || s.ChartVersion != "0.1.0" || s.DeployedAt == nil || s.ErrorMessage != "" || s.StateDeadline != nil {
		t.Errorf("after deploy: revision %d chart %s deployed %v error %q deadline %v",
			s.HelmRevision, s.ChartVersion, s.DeployedAt, s.ErrorMessage, s.StateDeadline)
	}
	if got, want := f.transitions(s.ID), []string{"pending", "deploying", "running"}; !slices.Equal(got, want) {
		t.Errorf("transitions %v, want %v\n%s", got, want, f.eventLog(s.ID))
	}
	if evs := f.serviceEvents(s.ID); !strings.Contains(evs[len(evs)-1].Message, "dry-run") {
		t.Errorf("the last event %q does not say dry-run mode", evs[len(evs)-1].Message)
	}
	revs := f.revisions(s.ID)
	if r := revs[1]; len(revs) != 1 || r == nil || r.Status != "deployed" || r.ChartVersion != "0.1.0" || r.AppVersion != "1.0.1.0" {
		t.Fatalf("revisions after deploy: %v", revs)
	}
	wantSnap := map[string]any{"auth.username": "admin", "auth.password": valuespec.MaskedValue, "replicaCount": float64(4)}
	if !reflect.DeepEqual(revs[1].ValuesSnapshot, wantSnap) {
		t.Errorf("revision 1 snapshot %v, want %v", revs[1].ValuesSnapshot, wantSnap)
	}

	// The user's values are stored apart: no template default, no
	// password, no set-up input; secrets only encrypted.
	if want := map[string]any{"auth.username": "admin", "replicaCount": float64(4)}; !reflect.DeepEqual(s.UserValues, want) {
		t.Errorf("user_values %v, want %v", s.UserValues, want)
	}
	f.noSecretsStored(s.ID, password1, "boss@example.com")
	shown, err := f.svc.Values(f.guest, s)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]any{"auth.username": "admin", "auth.password": valuespec.MaskedValue, "replicaCount": float64(4)}; !reflect.DeepEqual(shown, want) {
		t.Errorf("Values() = %v, want %v", shown, want)
	}
	// Helm got the defaults merged with the user's values, the password,
	// the host name; never the set-up input.
	hv := f.helmValues(s, 0)
	for path, want := range map[string]any{
		"auth.password": password1, "auth.username": "admin", "replicaCount": float64(4),
		"db.replicas": float64(3), "ingress.enabled": true, "ingress.hostname": s.Subdomain + ".apps.test",
	} {
		got := dig(hv, path)
		if n := num(got); n >= 0 {
			got = n
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Helm value %s = %#v, want %#v", path, got, want)
		}
	}
	if _, ok := hv["_init"]; ok {
		t.Errorf("the set-up input reached Helm: %v", hv)
	}
	if u, err := f.svc.URL(ctx, s); err != nil || u == nil || *u != "https://"+s.Subdomain+".apps.test" {
		t.Errorf("URL() = %v, %v", u, err)
	}
	if n, err := f.db.Client.ActivityEvent.Query().Where(activityevent.Verb("service.deployed"), activityevent.SubjectID(s.ID)).Count(sys()); err != nil || n != 1 {
		t.Errorf("activity entries for the deploy: %d, %v", n, err)
	}

	// The manifest: rendered, Secret data redacted.
	m, err := f.svc.Manifest(f.admin, s.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"kind: Deployment", "kind: StatefulSet", "kind: Ingress", s.Subdomain + ".apps.test", "<redacted>"} {
		if !strings.Contains(m, want) {
			t.Errorf("manifest lacks %q:\n%s", want, m)
		}
	}
	for _, secret := range []string{password1, base64.StdEncoding.EncodeToString([]byte(password1))} {
		if strings.Contains(m, secret) {
			t.Errorf("manifest shows the password (%q):\n%s", secret, m)
		}
	}

	// Upgrade with new values, the password left out: revision 2, the
	// password kept, the diff shows what changed.
	if _, err := f.svc.Update(f.admin, UpdateInput{ID: s.ID, Values: map[string]any{"replicaCount": 3, "tier": "large"}}); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateRunning, 20*time.Second)
	if s.HelmRevision != 2 || s.LastUpgradedAt == nil {
		t.Errorf("after upgrade: revision %d, last upgraded %v", s.HelmRevision, s.LastUpgradedAt)
	}
	if got := dig(f.helmValues(s, 0), "auth.password"); got != password1 {
		t.Errorf("password after an upgrade that left it out: %v", got)
	}
	if got := dig(f.helmValues(s, 0), "tier"); got != "large" {
		t.Errorf("tier after upgrade: %v", got)
	}
	f.noSecretsStored(s.ID, password1)
	diff, err := f.svc.ValuesDiff(f.guest, s.ID, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	wantDiff := []valuespec.Change{
		{Key: "replicaCount", Kind: valuespec.Changed, Old: float64(4), New: float64(3)},
		{Key: "tier", Kind: valuespec.Added, New: "large"},
	}
	if got := derefChanges(diff); !reflect.DeepEqual(got, wantDiff) {
		t.Errorf("ValuesDiff(1, 2) = %+v, want %+v", got, wantDiff)
	}

	// A new password: Helm gets it, the database only its ciphertext.
	if _, err := f.svc.Update(f.owner, UpdateInput{ID: s.ID, Values: map[string]any{"replicaCount": 3, "tier": "large", "auth.password": password2}}); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateRunning, 20*time.Second)
	if got := dig(f.helmValues(s, 0), "auth.password"); s.HelmRevision != 3 || got != password2 {
		t.Errorf("after the password change: revision %d password %v", s.HelmRevision, got)
	}
	f.noSecretsStored(s.ID, password1, password2)
	if diff, err = f.svc.ValuesDiff(f.guest, s.ID, 2, 3); err != nil {
		t.Fatal(err)
	}
	// The password shows as changed, without its values.
	if got, want := derefChanges(diff), []valuespec.Change{{Key: "auth.password", Kind: valuespec.Changed, Secret: true}}; !reflect.DeepEqual(got, want) {
		t.Errorf("ValuesDiff(2, 3) = %+v, want %+v", got, want)
	}
	// The form sends back what Values() showed: the mask keeps the
	// password.
	if _, err := f.svc.Update(f.owner, UpdateInput{ID: s.ID, Values: shownValues(t, f, s)}); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateRunning, 20*time.Second)
	if got := dig(f.helmValues(s, 0), "auth.password"); s.HelmRevision != 4 || got != password2 {
		t.Errorf("after re-submitting the shown values: revision %d password %v", s.HelmRevision, got)
	}
	if diff, err = f.svc.ValuesDiff(f.guest, s.ID, 3, 4); err != nil || len(diff) != 0 {
		t.Errorf("ValuesDiff(3, 4) = %+v, %v; want no change", derefChanges(diff), err)
	}
	if _, err := f.svc.ValuesDiff(f.guest, s.ID, 1, 99); !errs.Is(err, errs.Invalid) {
		t.Errorf("diff with a revision that does not exist: %v", err)
	}

	// Stop remembers the replica counts of the manifest; start restores.
	n := len(f.serviceEvents(s.ID))
	st, err := f.svc.Stop(f.admin, s.ID)
	if err != nil || st.State != service.StateStopping {
		t.Fatalf("Stop: %v, %v", st, err)
	}
	s = f.waitState(s.ID, service.StateStopped, 20*time.Second)
	wantCounts := map[string]int32{"Deployment/" + s.ReleaseName + "-web": 3, "StatefulSet/" + s.ReleaseName + "-db": 3}
	if !reflect.DeepEqual(s.ReplicaCounts, wantCounts) {
		t.Errorf("replica counts %v, want %v", s.ReplicaCounts, wantCounts)
	}
	if _, err := f.svc.Start(f.admin, s.ID); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateRunning, 20*time.Second)
	if got, want := transitions(f.serviceEvents(s.ID)[n:], func(e *ent.ServiceEvent) string { return e.State }),
		[]string{"stopping", "stopped", "starting", "running"}; !slices.Equal(got, want) {
		t.Errorf("stop/start transitions %v, want %v", got, want)
	}
	if s.HelmRevision != 4 {
		t.Errorf("stop and start made a revision: %d", s.HelmRevision)
	}

	// Rollback to revision 1: a new revision with revision 1's values,
	// which become the user's values again.
	if _, err := f.svc.Rollback(f.owner, s.ID, 1); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateRunning, 20*time.Second)
	revs = f.revisions(s.ID)
	if s.HelmRevision != 5 || revs[5] == nil || revs[5].Description != "Rollback to 1" {
		t.Fatalf("after rollback to 1: revision %d, rows %v", s.HelmRevision, revs)
	}
	if revs[4].Status != "superseded" {
		t.Errorf("revision 4 status %q after the rollback, want superseded", revs[4].Status)
	}
	if want := map[string]any{"auth.username": "admin", "replicaCount": float64(4)}; !reflect.DeepEqual(s.UserValues, want) {
		t.Errorf("user values after rollback to 1: %v, want %v", s.UserValues, want)
	}
	if got := num(f.helmValues(s, 0)["replicaCount"]); got != 4 {
		t.Errorf("Helm replicaCount after rollback to 1: %v", got)
	}

	// Rollback without a revision: the previous one (4).
	if _, err := f.svc.Rollback(f.owner, s.ID, 0); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateRunning, 20*time.Second)
	if revs = f.revisions(s.ID); s.HelmRevision != 6 || revs[6] == nil || revs[6].Description != "Rollback to 4" {
		t.Fatalf("after rollback(): revision %d, rows %v", s.HelmRevision, revs)
	}
	if got := dig(f.helmValues(s, 0), "tier"); got != "large" {
		t.Errorf("tier after rolling back to 4: %v", got)
	}
	if want := map[string]any{"auth.username": "admin", "replicaCount": float64(3), "tier": "large"}; !reflect.DeepEqual(s.UserValues, want) {
		t.Errorf("user values after rollback to 4: %v, want %v", s.UserValues, want)
	}
	if _, err := f.svc.Rollback(f.owner, s.ID, 6); !errs.Is(err, errs.Invalid) {
		t.Errorf("rollback to the current revision: %v, want BAD_USER_INPUT", err)
	}

	// Delete: gone, the release uninstalled; a second delete is a conflict.
	if _, err := f.svc.Delete(f.owner, s.ID); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateGone, 20*time.Second)
	if _, err := f.engine.Status(ctx, s.Namespace, s.ReleaseName); !errors.Is(err, helmops.ErrReleaseNotFound) {
		t.Errorf("release after delete: %v", err)
	}
	_, err = f.svc.Delete(f.owner, s.ID)
	wantCode(t, err, errs.Conflict, "")
	_, err = f.svc.Update(f.owner, UpdateInput{ID: s.ID})
	wantCode(t, err, errs.Conflict, "")
	evs := f.serviceEvents(s.ID)
	if last := evs[len(evs)-1]; last.State != "gone" || last.Level != serviceevent.LevelInfo {
		t.Errorf("last event %s %s %q", last.State, last.Level, last.Message)
	}
}

// shownValues are the values Values() shows for s.
func shownValues(t *testing.T, f *fixture, s *ent.Service) map[string]any {
	t.Helper()
	v, err := f.svc.Values(f.owner, s)
	if err != nil {
		t.Fatal(err)
	}
	if v["auth.password"] != valuespec.MaskedValue {
		t.Fatalf("Values() shows %v", v)
	}
	return v
}

func derefChanges(cs []*valuespec.Change) []valuespec.Change {
	out := make([]valuespec.Change, len(cs))
	for i, c := range cs {
		out[i] = *c
	}
	return out
}

// TestStateMachine checks the transition table against SPEC section 4:
// from which states each operation starts, the state its job works in,
// where it ends, and that exactly the transitional states have deadlines.
func TestStateMachine(t *testing.T) {
	t.Parallel()
	states := []service.State{
		service.StatePending, service.StateDeploying, service.StateInitializing, service.StateRunning,
		service.StateUpgrading, service.StateStopping, service.StateStopped, service.StateStarting,
		service.StateDeleting, service.StateGone, service.StateError,
	}
	from := map[Op][]service.State{
		OpDeploy:   nil, // a new service
		OpUpgrade:  {service.StateRunning, service.StateStopped, service.StateError},
		OpStop:     {service.StateRunning},
		OpStart:    {service.StateStopped},
		OpRollback: {service.StateRunning, service.StateError},
		OpDelete:   {service.StatePending, service.StateRunning, service.StateStopped, service.StateError},
	}
	through := map[Op]service.State{
		OpDeploy: service.StatePending, OpUpgrade: service.StateUpgrading, OpStop: service.StateStopping,
		OpStart: service.StateStarting, OpRollback: service.StateUpgrading, OpDelete: service.StateDeleting,
	}
	to := map[Op]service.State{
		OpDeploy: service.StateRunning, OpUpgrade: service.StateRunning, OpStop: service.StateStopped,
		OpStart: service.StateRunning, OpRollback: service.StateRunning, OpDelete: service.StateGone,
	}
	for op, want := range from {
		for _, st := range states {
			if got := allowed(op, st); got != slices.Contains(want, st) {
				t.Errorf("allowed(%s, %s) = %v", op, st, got)
			}
		}
		if op.through() != through[op] {
			t.Errorf("%s works through %s, want %s", op, op.through(), through[op])
		}
		if op.done() != to[op] {
			t.Errorf("%s ends in %s, want %s", op, op.done(), to[op])
		}
		if !transitional(op.through()) {
			t.Errorf("%s works through %s, which has no deadline", op, op.through())
		}
	}
	if op := Op("reboot"); op.from() != nil || op.through() != "" || op.done() != "" {
		t.Errorf("an unknown operation: from %v, through %q, done %q", op.from(), op.through(), op.done())
	}
	for _, st := range states {
		want := !settled(st)
		if got := transitional(st); got != want {
			t.Errorf("transitional(%s) = %v, want %v", st, got, want)
		}
		// The reconciler's list of states to time out is the same set.
		if got := slices.Contains(transitionalStates(), st); got != want {
			t.Errorf("transitionalStates() has %s: %v, want %v", st, got, want)
		}
	}
	if n := len(transitionalStates()); n != 7 {
		t.Errorf("%d transitional states, want 7", n)
	}
	// Nothing starts from a transitional state or from gone: one job at a
	// time, and gone is final.
	for op, fs := range from {
		for _, st := range fs {
			if st != service.StatePending && transitional(st) || st == service.StateGone {
				t.Errorf("%s may start from %s", op, st)
			}
		}
	}
}

// TestInvalidTransitions: an operation from a state it does not start
// from is a CONFLICT and changes nothing.
func TestInvalidTransitions(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{})
	s := f.deploy("Shop", map[string]any{"auth.password": password1})

	conflict := func(what string, err error) {
		t.Helper()
		if !errs.Is(err, errs.Conflict) {
			t.Errorf("%s: %v, want CONFLICT", what, err)
		}
	}
	n := len(f.serviceEvents(s.ID))
	_, err := f.svc.Start(f.owner, s.ID)
	conflict("start while running", err)
	_, err = f.svc.Rollback(f.owner, s.ID, 0)
	conflict("rollback() with no previous revision", err)
	if _, err := f.svc.Rollback(f.owner, s.ID, -1); !errs.Is(err, errs.Invalid) {
		t.Errorf("rollback to revision -1: %v", err)
	}
	// Authorised first: a guest's bad revision is FORBIDDEN.
	if _, err := f.svc.Rollback(f.guest, s.ID, -1); !errs.Is(err, errs.Forbidden) {
		t.Errorf("a guest's rollback to revision -1: %v, want FORBIDDEN", err)
	}
	if got := len(f.serviceEvents(s.ID)); got != n || f.get(s.ID).State != service.StateRunning {
		t.Errorf("refused operations changed the service: %d events (was %d), %s", got, n, f.get(s.ID).State)
	}

	if _, err := f.svc.Stop(f.owner, s.ID); err != nil {
		t.Fatal(err)
	}
	f.waitState(s.ID, service.StateStopped, 20*time.Second)
	_, err = f.svc.Stop(f.owner, s.ID)
	conflict("stop while stopped", err)
	_, err = f.svc.Rollback(f.owner, s.ID, 1)
	conflict("rollback while stopped", err)
	if _, err := f.svc.Start(f.owner, s.ID); err != nil {
		t.Fatal(err)
	}
	f.waitState(s.ID, service.StateRunning, 20*time.Second)

	// While a job works (Helm waits for the cluster), nothing else starts.
	release := f.kube.block()
	defer release()
	if _, err := f.svc.Update(f.owner, UpdateInput{ID: s.ID, Values: map[string]any{"tier": "large"}}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 10*time.Second, "the upgrade to wait for the cluster", func() bool { return f.kube.blocked() == 1 })
	for name, op := range map[string]func() (*ent.Service, error){
		"stop while upgrading":     func() (*ent.Service, error) { return f.svc.Stop(f.owner, s.ID) },
		"start while upgrading":    func() (*ent.Service, error) { return f.svc.Start(f.owner, s.ID) },
		"upgrade while upgrading":  func() (*ent.Service, error) { return f.svc.Update(f.owner, UpdateInput{ID: s.ID}) },
		"rollback while upgrading": func() (*ent.Service, error) { return f.svc.Rollback(f.owner, s.ID, 1) },
		"delete while upgrading":   func() (*ent.Service, error) { return f.svc.Delete(f.owner, s.ID) },
	} {
		_, err := op()
		conflict(name, err)
	}
	release()
	f.waitState(s.ID, service.StateRunning, 20*time.Second)

	release = f.kube.block()
	defer release()
	if _, err := f.svc.Delete(f.owner, s.ID); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 10*time.Second, "the uninstall to wait for the cluster", func() bool { return f.kube.blocked() == 1 })
	_, err = f.svc.Update(f.owner, UpdateInput{ID: s.ID, Values: map[string]any{"auth.password": password2}})
	conflict("upgrade while deleting", err)
	_, err = f.svc.Delete(f.owner, s.ID)
	conflict("delete while deleting", err)
	_, err = f.svc.Stop(f.owner, s.ID)
	conflict("stop while deleting", err)
	if st := f.get(s.ID).State; st != service.StateDeleting {
		t.Errorf("state %s after refused operations, want deleting", st)
	}
	release()
	f.waitState(s.ID, service.StateGone, 20*time.Second)
	for name, op := range map[string]func() (*ent.Service, error){
		"start when gone":    func() (*ent.Service, error) { return f.svc.Start(f.owner, s.ID) },
		"stop when gone":     func() (*ent.Service, error) { return f.svc.Stop(f.owner, s.ID) },
		"rollback when gone": func() (*ent.Service, error) { return f.svc.Rollback(f.owner, s.ID, 1) },
		"delete when gone":   func() (*ent.Service, error) { return f.svc.Delete(f.owner, s.ID) },
	} {
		_, err := op()
		conflict(name, err)
	}
	if _, err := f.svc.Stop(f.owner, 1<<30); !errs.Is(err, errs.NotFound) {
		t.Errorf("stop of a service that does not exist: %v", err)
	}
}

// TestChartMissing: a chart version the repository does not have fails
// the deploy after its retries with a readable reason; an update to a
// version that exists then deploys it.
func TestChartMissing(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{chartVersion: "9.9.9"})
	s, err := f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: "Shop",
		Values: map[string]any{"auth.password": password1}})
	if err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateError, 20*time.Second)
	for _, want := range []string{"chart not found", "webapp", "9.9.9"} {
		if !strings.Contains(s.ErrorMessage, want) {
			t.Errorf("error message %q lacks %q", s.ErrorMessage, want)
		}
	}
	evs := f.serviceEvents(s.ID)
	var retried bool
	for _, e := range evs {
		if e.Level == serviceevent.LevelWarning && strings.HasPrefix(e.Message, "Attempt 1 of 2 failed") {
			retried = true
		}
	}
	if last := evs[len(evs)-1]; !retried || last.Level != serviceevent.LevelError || last.State != "error" || last.Message != s.ErrorMessage {
		t.Errorf("events do not show a retry and then the failure:\n%s", f.eventLog(s.ID))
	}
	if got, want := f.transitions(s.ID), []string{"pending", "deploying", "error"}; !slices.Equal(got, want) {
		t.Errorf("transitions %v, want %v", got, want)
	}
	waitFor(t, 5*time.Second, "the job to complete after its second attempt", func() bool {
		return f.countRows("river_job", "kind = 'service_op' AND attempt = 2 AND state = 'completed'") == 1
	})
	if n := f.repo.hitsOf("/index.yaml"); n < 2 {
		t.Errorf("the repository index was fetched %d times, want one per attempt", n)
	}

	// Retry from error with a chart version that exists.
	v := "0.2.0"
	if _, err := f.svc.Update(f.owner, UpdateInput{ID: s.ID, ChartVersion: &v}); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateRunning, 20*time.Second)
	if s.ChartVersion != "0.2.0" || s.HelmRevision != 1 || s.ErrorMessage != "" {
		t.Errorf("after the retry: chart %s revision %d error %q", s.ChartVersion, s.HelmRevision, s.ErrorMessage)
	}
	if got := dig(f.helmValues(s, 0), "auth.password"); got != password1 {
		t.Errorf("password after the retry: %v", got)
	}
}

// TestInstallError: the cluster refuses the objects (Helm's
// FailingKubeClient); the service ends in error with the reason, and a
// retry through updateService installs it once the cluster accepts.
func TestInstallError(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{})
	f.kube.fail(errors.New(`admission webhook "policy.example.com" denied the request: privileged containers are not allowed`))
	s, err := f.svc.Deploy(f.admin, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: "Shop",
		Values: map[string]any{"auth.password": password1}})
	if err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateError, 20*time.Second)
	if !strings.Contains(s.ErrorMessage, "admission webhook") || !strings.Contains(s.ErrorMessage, "privileged containers") {
		t.Errorf("error message %q", s.ErrorMessage)
	}
	if st, err := f.engine.Status(context.Background(), s.Namespace, s.ReleaseName); err != nil || st.Status != "failed" {
		t.Errorf("release after the failed install: %+v, %v", st, err)
	}

	// The outcome reached the activity feed, with the reason, said by the
	// platform (no actor).
	feed := f.activityFor(s.ID)
	if len(feed) == 0 || feed[len(feed)-1].Verb != "service.error" ||
		!strings.Contains(feed[len(feed)-1].Summary, "admission webhook") || feed[len(feed)-1].ActorID != nil {
		t.Errorf("activity after the failed install: %+v", feed)
	}

	f.kube.fail(nil)
	if _, err := f.svc.Update(f.admin, UpdateInput{ID: s.ID}); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateRunning, 20*time.Second)
	if got, want := f.transitions(s.ID), []string{"pending", "deploying", "error", "upgrading", "running"}; !slices.Equal(got, want) {
		t.Errorf("transitions %v, want %v", got, want)
	}
	var verbs []string
	for _, a := range f.activityFor(s.ID) {
		verbs = append(verbs, a.Verb)
	}
	if want := []string{"service.deployed", "service.error", "service.upgrade", "service.running"}; !slices.Equal(verbs, want) {
		t.Errorf("activity verbs %v, want %v", verbs, want)
	}
	revs := f.revisions(s.ID)
	// Helm marks the failed revision it upgrades from superseded.
	if len(revs) != 3 || revs[1].Status != "failed" || revs[2].Status != "superseded" || revs[3].Status != "deployed" || s.HelmRevision != 3 {
		t.Errorf("revisions after the retry (current %d):", s.HelmRevision)
		for _, r := range revs {
			t.Errorf("  %d %s %s", r.Revision, r.Status, r.Description)
		}
	}
}

// TestDeleteFromError: a service whose deploy failed before any release
// existed can be deleted (a missing release counts as uninstalled).
func TestDeleteFromError(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{chartVersion: "9.9.9"})
	s, err := f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: "Shop",
		Values: map[string]any{"auth.password": password1}})
	if err != nil {
		t.Fatal(err)
	}
	f.waitState(s.ID, service.StateError, 20*time.Second)
	// There is no release: deleting counts that as done.
	if _, err := f.svc.Delete(f.owner, s.ID); err != nil {
		t.Fatal(err)
	}
	f.waitState(s.ID, service.StateGone, 20*time.Second)
}

// TestJobTimeout: a Helm operation that outlasts the job's time limit on
// every attempt puts the service in error at once, saying it timed out.
func TestJobTimeout(t *testing.T) {
	t.Parallel()
	jobs := fastJobs()
	jobs.JobTimeout = 300 * time.Millisecond
	f := newFixture(t, options{jobs: &jobs})
	release := f.kube.block()
	defer release()
	s, err := f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: "Shop",
		Values: map[string]any{"auth.password": password1}})
	if err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateError, 15*time.Second)
	if !strings.Contains(s.ErrorMessage, "timed out") {
		t.Errorf("error message %q, want it to say it timed out", s.ErrorMessage)
	}
	f.releaseAndSettle(s, release)
}

// releaseAndSettle lets a blocked Helm operation on s finish and waits
// for it (before the database closes).
func (f *fixture) releaseAndSettle(s *ent.Service, release func()) {
	f.t.Helper()
	release()
	waitFor(f.t, 10*time.Second, "the engine to finish", func() bool {
		_, err := f.engine.ClearPending(context.Background(), s.Namespace, s.ReleaseName)
		return !errors.Is(err, helmops.ErrPending)
	})
}

// shortDeadlines makes pending and deploying time out after d.
func shortDeadlines(d time.Duration) map[service.State]time.Duration {
	return map[service.State]time.Duration{service.StatePending: d, service.StateDeploying: d}
}

// TestDeadlineConfig: Config.Deadlines overrides the deadlines of
// transitional states only, ignores durations <= 0, and is copied by New:
// the caller's map changing later changes nothing.
func TestDeadlineConfig(t *testing.T) {
	t.Parallel()
	db := storetest.Open(t)
	hub := events.NewHub(0)
	defer hub.Close()
	over := map[service.State]time.Duration{
		service.StatePending:  time.Second,
		service.StateStopping: -time.Second,
		service.StateRunning:  time.Second,
	}
	s := New(db, nil, nil, hub, Config{Deadlines: over}, testLog(t))
	over[service.StateDeploying] = time.Second
	for st, want := range map[service.State]time.Duration{
		service.StatePending:   time.Second,
		service.StateDeploying: 15 * time.Minute,
		service.StateStopping:  5 * time.Minute,
		service.StateStarting:  10 * time.Minute,
		service.StateRunning:   0,
		service.StateError:     0,
	} {
		if got := s.deadline(st); got != want {
			t.Errorf("deadline(%s) = %v, want %v", st, got, want)
		}
	}
	// Services made without overrides keep the defaults.
	if got := New(db, nil, nil, hub, Config{}, testLog(t)).deadline(service.StatePending); got != 15*time.Minute {
		t.Errorf("default deadline(pending) = %v", got)
	}
}

// TestDeadline: a deploy that makes no progress (Helm waits for a cluster
// where nothing becomes ready) is timed out by the periodic reconciler.
// When Helm finally finishes, the late job changes nothing: the user has
// moved on (here: deleted the service), and the delete is not undone.
func TestDeadline(t *testing.T) {
	t.Parallel()
	jobs := fastJobs()
	jobs.ReconcileEvery = 200 * time.Millisecond
	f := newFixture(t, options{jobs: &jobs, deadlines: shortDeadlines(time.Second)})
	release := f.kube.block()
	defer release()
	s, err := f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: "Shop",
		Values: map[string]any{"auth.password": password1}})
	if err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateError, 15*time.Second)
	if s.ErrorMessage != "timed out while deploying" || s.StateDeadline != nil {
		t.Errorf("error %q deadline %v, want \"timed out while deploying\" and no deadline", s.ErrorMessage, s.StateDeadline)
	}
	if f.kube.blocked() != 1 {
		t.Fatalf("%d Helm waits blocked, want the deploy's", f.kube.blocked())
	}
	if got, want := f.transitions(s.ID), []string{"pending", "deploying", "error"}; !slices.Equal(got, want) {
		t.Errorf("transitions %v, want %v", got, want)
	}

	// The user deletes the service; the delete waits for the release,
	// which the deploy still holds. Then Helm finishes the install.
	if _, err := f.svc.Delete(f.owner, s.ID); err != nil {
		t.Fatal(err)
	}
	release()
	s = f.waitState(s.ID, service.StateGone, 15*time.Second)
	if got, want := f.transitions(s.ID), []string{"pending", "deploying", "error", "deleting", "gone"}; !slices.Equal(got, want) {
		t.Errorf("transitions %v, want %v\n%s", got, want, f.eventLog(s.ID))
	}
	waitFor(t, 10*time.Second, "both jobs to complete", func() bool {
		return f.countRows("river_job", "kind = 'service_op' AND state = 'completed'") == 2
	})
	if st := f.get(s.ID).State; st != service.StateGone {
		t.Errorf("state %s after the late deploy job, want gone", st)
	}
	if _, err := f.engine.Status(context.Background(), s.Namespace, s.ReleaseName); !errors.Is(err, helmops.ErrReleaseNotFound) {
		t.Errorf("release after the delete: %v", err)
	}
}

// TestLateSuccessAfterTimeout: a deploy timed out by the reconciler whose
// Helm operation completes later stays in error (the user retries), and
// a retry then upgrades the release.
func TestLateSuccessAfterTimeout(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{deadlines: shortDeadlines(time.Second)})
	release := f.kube.block()
	defer release()
	s, err := f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: "Shop",
		Values: map[string]any{"auth.password": password1}})
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, 10*time.Second, "the deploy to wait for the cluster", func() bool { return f.kube.blocked() == 1 })
	time.Sleep(1100 * time.Millisecond) // past the deadline
	if err := f.svc.Reconcile(context.Background()); err != nil {
		t.Fatal(err)
	}
	if s = f.get(s.ID); s.State != service.StateError || s.ErrorMessage != "timed out while deploying" {
		t.Fatalf("after the deadline: %s %q", s.State, s.ErrorMessage)
	}
	release()
	waitFor(t, 10*time.Second, "the deploy job to complete", func() bool {
		return f.countRows("river_job", "kind = 'service_op' AND state = 'completed'") == 1
	})
	if s = f.get(s.ID); s.State != service.StateError || s.HelmRevision != 0 {
		t.Errorf("the late job changed the service: %s revision %d", s.State, s.HelmRevision)
	}
	if _, err := f.svc.Update(f.owner, UpdateInput{ID: s.ID}); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateRunning, 20*time.Second)
	if s.HelmRevision != 2 {
		t.Errorf("revision %d after the retry, want 2", s.HelmRevision)
	}
	// A second pass finds nothing to do.
	if err := f.svc.Reconcile(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st := f.get(s.ID).State; st != service.StateRunning {
		t.Errorf("state %s after another reconcile", st)
	}
}

// TestDrift: the periodic reconciler notices releases deleted or failed
// behind our back.
func TestDrift(t *testing.T) {
	t.Parallel()
	jobs := fastJobs()
	jobs.ReconcileEvery = 200 * time.Millisecond
	f := newFixture(t, options{jobs: &jobs})
	ctx := context.Background()
	running := f.deploy("Running", map[string]any{"auth.password": password1})
	stopped := f.deploy("Stopped", map[string]any{"auth.password": password1})
	failed := f.deploy("Failed", map[string]any{"auth.password": password1})
	healthy := f.deploy("Healthy", map[string]any{"auth.password": password1})
	if _, err := f.svc.Stop(f.owner, stopped.ID); err != nil {
		t.Fatal(err)
	}
	f.waitState(stopped.ID, service.StateStopped, 20*time.Second)

	for _, s := range []*ent.Service{running, stopped} {
		if err := f.engine.Uninstall(ctx, s.Namespace, s.ReleaseName); err != nil {
			t.Fatal(err)
		}
	}
	f.kube.fail(errors.New("quota exceeded"))
	if _, err := f.engine.Upgrade(ctx, failed.Namespace, failed.ReleaseName,
		helmops.ChartRef{Ref: "webapp", RepoURL: f.repo.URL(), Version: "0.1.0"}, nil); err == nil {
		t.Fatal("the failing upgrade succeeded")
	}
	f.kube.fail(nil)

	// The reconciler moves settled services: wait for it.
	inError := func(s *ent.Service) *ent.Service {
		t.Helper()
		waitFor(t, 10*time.Second, s.Name+" to be in error", func() bool { return f.get(s.ID).State == service.StateError })
		return f.get(s.ID)
	}
	for _, s := range []*ent.Service{running, stopped} {
		if got := inError(s); got.ErrorMessage != "the Helm release was deleted outside Woow PaaS" {
			t.Errorf("%s: error %q", s.Name, got.ErrorMessage)
		}
	}
	got := inError(failed)
	if !strings.HasPrefix(got.ErrorMessage, "the Helm release failed: ") || !strings.Contains(got.ErrorMessage, "quota exceeded") {
		t.Errorf("failed release: error %q", got.ErrorMessage)
	}
	if st := f.get(healthy.ID).State; st != service.StateRunning {
		t.Errorf("a healthy service is %s", st)
	}
	// From error, the user retries: the upgrade installs the release
	// again.
	if _, err := f.svc.Update(f.owner, UpdateInput{ID: running.ID}); err != nil {
		t.Fatal(err)
	}
	f.waitState(running.ID, service.StateRunning, 20*time.Second)
}

// TestPermissions: admins and owners operate services; users and guests
// of the workspace get FORBIDDEN; an outsider (or the platform admin, a
// member of nothing) gets NOT_FOUND and sees nothing of it.
func TestPermissions(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{})
	in := DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: "Shop", Values: map[string]any{"auth.password": password1}}
	for who, c := range map[string]struct {
		ctx  context.Context
		code errs.Code
	}{
		"guest": {f.guest, errs.Forbidden}, "user": {f.user, errs.Forbidden},
		"outsider": {f.outsider, errs.NotFound}, "platform admin": {f.root, errs.NotFound},
		"anonymous": {f.anon, errs.Unauthenticated},
	} {
		if _, err := f.svc.Deploy(c.ctx, in); errs.CodeOf(err) != c.code {
			t.Errorf("%s deploys: %v, want %s", who, err, c.code)
		}
	}
	if n := f.countRows("services", ""); n != 0 {
		t.Fatalf("%d services after refused deploys", n)
	}
	s := f.deploy("Shop", map[string]any{"auth.password": password1})
	in.Name = "Shop 2"
	if _, err := f.svc.Deploy(f.admin, in); err != nil {
		t.Errorf("admin deploys: %v", err)
	}

	ops := map[string]func(ctx context.Context) error{
		"stop":   func(ctx context.Context) error { _, err := f.svc.Stop(ctx, s.ID); return err },
		"start":  func(ctx context.Context) error { _, err := f.svc.Start(ctx, s.ID); return err },
		"update": func(ctx context.Context) error { _, err := f.svc.Update(ctx, UpdateInput{ID: s.ID}); return err },
		"rollback": func(ctx context.Context) error {
			_, err := f.svc.Rollback(ctx, s.ID, 0)
			return err
		},
		"delete":   func(ctx context.Context) error { _, err := f.svc.Delete(ctx, s.ID); return err },
		"manifest": func(ctx context.Context) error { _, err := f.svc.Manifest(ctx, s.ID, 0); return err },
	}
	for name, op := range ops {
		for who, c := range map[string]struct {
			ctx  context.Context
			code errs.Code
		}{
			"guest": {f.guest, errs.Forbidden}, "user": {f.user, errs.Forbidden},
			"outsider": {f.outsider, errs.NotFound}, "platform admin": {f.root, errs.NotFound},
			"anonymous": {f.anon, errs.Unauthenticated},
		} {
			if err := op(c.ctx); errs.CodeOf(err) != c.code {
				t.Errorf("%s as %s: %v, want %s", name, who, err, c.code)
			}
		}
	}
	if st := f.get(s.ID).State; st != service.StateRunning {
		t.Fatalf("refused operations changed the state to %s", st)
	}

	// Reading: members see the service, its log and its diff; others
	// nothing at all.
	for who, ctx := range map[string]context.Context{"guest": f.guest, "user": f.user} {
		if _, err := f.db.Client.Service.Get(ctx, s.ID); err != nil {
			t.Errorf("%s reads the service: %v", who, err)
		}
		if _, err := f.svc.ValuesDiff(ctx, s.ID, 1, 1); err != nil {
			t.Errorf("%s reads the values diff: %v", who, err)
		}
		ectx, cancel := context.WithCancel(ctx)
		if _, err := f.svc.Events(ectx, s.ID, nil); err != nil {
			t.Errorf("%s subscribes to the events: %v", who, err)
		}
		cancel()
	}
	for who, ctx := range map[string]context.Context{"outsider": f.outsider, "platform admin": f.root} {
		if _, err := f.db.Client.Service.Get(ctx, s.ID); !ent.IsNotFound(err) {
			t.Errorf("%s reads the service: %v", who, err)
		}
		if n, err := f.db.Client.Service.Query().Count(ctx); err != nil || n != 0 {
			t.Errorf("%s lists %d services (%v)", who, n, err)
		}
		if n, err := f.db.Client.ServiceEvent.Query().Count(ctx); err != nil || n != 0 {
			t.Errorf("%s lists %d service events (%v)", who, n, err)
		}
		if n, err := f.db.Client.ServiceRevision.Query().Count(ctx); err != nil || n != 0 {
			t.Errorf("%s lists %d revisions (%v)", who, n, err)
		}
		if _, err := f.svc.Events(ctx, s.ID, nil); !errs.Is(err, errs.NotFound) {
			t.Errorf("%s subscribes to the events: %v", who, err)
		}
		if _, err := f.svc.WorkspaceServices(ctx, f.ws.ID, nil); !errs.Is(err, errs.NotFound) {
			t.Errorf("%s subscribes to the workspace's services: %v", who, err)
		}
		if _, err := f.svc.ValuesDiff(ctx, s.ID, 1, 1); !errs.Is(err, errs.NotFound) {
			t.Errorf("%s reads the values diff: %v", who, err)
		}
	}
	if _, err := f.svc.Events(f.anon, s.ID, nil); !errs.Is(err, errs.Unauthenticated) {
		t.Errorf("anonymous subscription: %v", err)
	}
	if _, err := f.svc.Manifest(f.admin, s.ID, 0); err != nil {
		t.Errorf("admin reads the manifest: %v", err)
	}
	if _, err := f.svc.Manifest(f.admin, s.ID, 7); !errs.Is(err, errs.NotFound) {
		t.Errorf("manifest of a revision that does not exist: %v", err)
	}

	// The admin operates: stop works.
	if _, err := f.svc.Stop(f.admin, s.ID); err != nil {
		t.Fatal(err)
	}
	f.waitState(s.ID, service.StateStopped, 20*time.Second)
}

// TestValues: the values rules at the API. Every refusal names the key,
// and stores nothing (no service, no event, no job).
func TestValues(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{})
	cases := []struct {
		name   string
		values map[string]any
		field  string
	}{
		{"unknown key", map[string]any{"auth.password": password1, "replicas": 3}, "values.replicas"},
		{"unknown set-up key", map[string]any{"auth.password": password1, "_init.other": "x"}, "values._init.other"},
		{"missing required", map[string]any{"replicaCount": 3}, "values.auth.password"},
		{"blank required", map[string]any{"auth.password": "   "}, "values.auth.password"},
		{"number as a string", map[string]any{"auth.password": password1, "replicaCount": "3"}, "values.replicaCount"},
		{"text as a number", map[string]any{"auth.password": password1, "auth.username": 7}, "values.auth.username"},
		{"password as a number", map[string]any{"auth.password": 1234}, "values.auth.password"},
		{"boolean as a string", map[string]any{"auth.password": password1, "metrics": "yes"}, "values.metrics"},
		{"select outside its options", map[string]any{"auth.password": password1, "tier": "huge"}, "values.tier"},
		{"null", map[string]any{"auth.password": password1, "tier": nil}, "values.tier"},
		{"not a key", map[string]any{"auth.password": password1, "a..b": 1}, "values.a..b"},
	}
	for _, c := range cases {
		_, err := f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: "Shop", Values: c.values})
		if !errs.Is(err, errs.Invalid) {
			t.Errorf("%s: %v, want BAD_USER_INPUT", c.name, err)
			continue
		}
		var e *errs.Error
		if errors.As(err, &e); e.Field != c.field {
			t.Errorf("%s: field %q, want %q (%v)", c.name, e.Field, c.field, err)
		}
		if strings.Contains(err.Error(), password1) {
			t.Errorf("%s: the error quotes the password: %v", c.name, err)
		}
	}
	_, err := f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: " ", Values: map[string]any{"auth.password": password1}})
	wantCode(t, err, errs.Invalid, "name")
	// Authorised before the input is looked at: an outsider's and a
	// guest's bad input get their refusal, not a field error.
	_, err = f.svc.Deploy(f.outsider, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: " "})
	if errs.CodeOf(err) != errs.NotFound {
		t.Errorf("an outsider's bad deploy: %v, want NOT_FOUND", err)
	}
	_, err = f.svc.Deploy(f.guest, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: " "})
	if errs.CodeOf(err) != errs.Forbidden {
		t.Errorf("a guest's bad deploy: %v, want FORBIDDEN", err)
	}
	_, err = f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID + 1000, Name: "Shop", Values: map[string]any{"auth.password": password1}})
	wantCode(t, err, errs.Invalid, "templateId")
	for table, where := range map[string]string{"services": "", "service_events": "", "river_job": "kind = 'service_op'"} {
		if n := f.countRows(table, where); n != 0 {
			t.Errorf("%d rows in %s after refused deploys", n, table)
		}
	}

	// The same rules on update; a refused update changes nothing.
	s := f.deploy("Shop", map[string]any{"auth.password": password1, "tier": "large"})
	events, jobs, sealed := len(f.serviceEvents(s.ID)), f.countRows("river_job", "kind = 'service_op'"), f.rawSecret(s.ID)
	for _, c := range cases {
		if c.name == "missing required" { // a password left out is kept
			continue
		}
		_, err := f.svc.Update(f.owner, UpdateInput{ID: s.ID, Values: c.values})
		var e *errs.Error
		if !errors.As(err, &e) || e.Code != errs.Invalid || e.Field != c.field {
			t.Errorf("update, %s: %v, want BAD_USER_INPUT on %s", c.name, err, c.field)
		}
	}
	long := strings.Repeat("x", 101)
	_, err = f.svc.Update(f.owner, UpdateInput{ID: s.ID, ChartVersion: &long})
	wantCode(t, err, errs.Invalid, "chartVersion")
	after := f.get(s.ID)
	if after.State != service.StateRunning || !reflect.DeepEqual(after.UserValues, s.UserValues) || !bytes.Equal(f.rawSecret(s.ID), sealed) {
		t.Errorf("a refused update changed the service: %s %v", after.State, after.UserValues)
	}
	if got := len(f.serviceEvents(s.ID)); got != events {
		t.Errorf("%d events after refused updates, was %d", got, events)
	}
	if got := f.countRows("river_job", "kind = 'service_op'"); got != jobs {
		t.Errorf("%d jobs after refused updates, was %d", got, jobs)
	}

	// Updating replaces the user's values: what is left out (but the
	// password) falls back to the template's defaults.
	if _, err := f.svc.Update(f.owner, UpdateInput{ID: s.ID, Values: map[string]any{"metrics": true}}); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateRunning, 20*time.Second)
	if want := map[string]any{"auth.username": "admin", "metrics": true}; !reflect.DeepEqual(s.UserValues, want) {
		t.Errorf("user values %v, want %v", s.UserValues, want)
	}
	hv := f.helmValues(s, 0)
	if _, set := hv["tier"]; set || dig(hv, "auth.password") != password1 || num(dig(hv, "replicaCount")) != 2 {
		t.Errorf("Helm values after the update: %v", hv)
	}
}

// TestSameTransaction: the state change, its event, the activity entry
// and the job commit together or not at all.
func TestSameTransaction(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{})
	s := f.deploy("Shop", map[string]any{"auth.password": password1})
	events := len(f.serviceEvents(s.ID))
	activity := f.countRows("activity_events", "")
	jobs := f.countRows("river_job", "kind = 'service_op'")

	// The database refuses the job (a trigger on River's table): the
	// operation fails and leaves no trace.
	f.refuseJobs(true)
	in := DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: "Second", Values: map[string]any{"auth.password": password1}}
	if _, err := f.svc.Deploy(f.owner, in); err == nil || !strings.Contains(err.Error(), "no jobs today") {
		t.Fatalf("deploy with the job refused: %v", err)
	}
	if _, err := f.svc.Stop(f.owner, s.ID); err == nil {
		t.Fatal("stop with the job refused succeeded")
	}
	if n := f.countRows("services", ""); n != 1 {
		t.Errorf("%d services, want 1: the refused deploy left its row", n)
	}
	if st := f.get(s.ID).State; st != service.StateRunning {
		t.Errorf("the refused stop left the service %s", st)
	}
	if n := f.countRows("service_events", ""); n != events {
		t.Errorf("%d service events, want %d", n, events)
	}
	if n := f.countRows("activity_events", ""); n != activity {
		t.Errorf("%d activity entries, want %d", n, activity)
	}
	if n := f.countRows("river_job", "kind = 'service_op'"); n != jobs {
		t.Errorf("%d jobs, want %d", n, jobs)
	}
	f.refuseJobs(false)
	if _, err := f.svc.Stop(f.owner, s.ID); err != nil {
		t.Fatal(err)
	}
	f.waitState(s.ID, service.StateStopped, 20*time.Second)

	// An archived workspace refuses the service row: no job either.
	wss := workspaces.New(f.db.Client, workspaces.Config{PublicURL: "http://woow.test"})
	old, err := wss.Create(f.owner, "Old", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wss.Archive(f.owner, old.ID); err != nil {
		t.Fatal(err)
	}
	jobs = f.countRows("river_job", "kind = 'service_op'")
	in.WorkspaceID = old.ID
	_, err = f.svc.Deploy(f.owner, in)
	wantCode(t, err, errs.Conflict, "")
	if n := f.countRows("services", "workspace_id = ?", old.ID); n != 0 {
		t.Errorf("%d services in the archived workspace", n)
	}
	if n := f.countRows("river_job", "kind = 'service_op'"); n != jobs {
		t.Errorf("%d jobs after the refused deploy, want %d", n, jobs)
	}

	// A replica whose job runner is not started cannot queue: nothing is
	// stored.
	idle := f.newService(f.engine)
	in.WorkspaceID = f.ws.ID
	if _, err := idle.Deploy(f.owner, in); err == nil {
		t.Fatal("deploy without a job runner succeeded")
	}
	if n := f.countRows("services", ""); n != 1 {
		t.Errorf("%d services after the deploy that could not queue", n)
	}
}

// refuseJobs installs (or drops) a trigger that makes the database refuse
// new service jobs.
func (f *fixture) refuseJobs(on bool) {
	f.t.Helper()
	var stmts []string
	switch {
	case f.db.Dialect == "postgres" && on:
		stmts = []string{
			`CREATE FUNCTION refuse_service_jobs() RETURNS trigger AS $$
			BEGIN
				IF NEW.kind = 'service_op' THEN RAISE EXCEPTION 'no jobs today'; END IF;
				RETURN NEW;
			END $$ LANGUAGE plpgsql`,
			`CREATE TRIGGER refuse_service_jobs BEFORE INSERT ON river_job FOR EACH ROW EXECUTE FUNCTION refuse_service_jobs()`,
		}
	case f.db.Dialect == "postgres":
		stmts = []string{`DROP TRIGGER refuse_service_jobs ON river_job`, `DROP FUNCTION refuse_service_jobs()`}
	case on:
		stmts = []string{`CREATE TRIGGER refuse_service_jobs BEFORE INSERT ON river_job
			WHEN NEW.kind = 'service_op' BEGIN SELECT RAISE(ABORT, 'no jobs today'); END`}
	default:
		stmts = []string{`DROP TRIGGER refuse_service_jobs`}
	}
	for _, q := range stmts {
		if _, err := f.db.SQL.Exec(q); err != nil {
			f.t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestSubscriptions: Events delivers a service's transitions in order;
// WorkspaceServices delivers the services as they change.
func TestSubscriptions(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{noJobs: true})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	// This replica takes requests; its runner is stopped, so the deploy
	// waits for the other replica (started below) to run it.
	api := f.svc
	f.start(api, f.jobs)
	if err := api.StopJobs(ctx); err != nil {
		t.Fatal(err)
	}
	wsOwner, err := api.WorkspaceServices(ownerCtx(ctx, f), f.ws.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	wsGuest, err := api.WorkspaceServices(guestCtx(ctx, f), f.ws.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := api.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: "Shop", Values: map[string]any{"auth.password": password1}})
	if err != nil {
		t.Fatal(err)
	}
	if s.State != service.StatePending {
		t.Fatalf("state %s with no runner, want pending", s.State)
	}
	evOwner, err := api.Events(ownerCtx(ctx, f), s.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	evGuest, err := api.Events(guestCtx(ctx, f), s.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := api.Events(f.outsider, s.ID, nil); !errs.Is(err, errs.NotFound) {
		t.Errorf("outsider subscribes: %v", err)
	}

	runner := f.newService(f.engine)
	f.start(runner, f.jobs)

	readUntil := func(ch <-chan *ent.ServiceEvent, state string) []*ent.ServiceEvent {
		t.Helper()
		var got []*ent.ServiceEvent
		for {
			select {
			case e, ok := <-ch:
				if !ok {
					t.Fatalf("the stream ended after %d events", len(got))
				}
				got = append(got, e)
				if e.State == state {
					return got
				}
			case <-ctx.Done():
				t.Fatalf("no %s event; got %d events", state, len(got))
			}
		}
	}
	state := func(e *ent.ServiceEvent) string { return e.State }
	for who, ch := range map[string]<-chan *ent.ServiceEvent{"owner": evOwner, "guest": evGuest} {
		got := readUntil(ch, "running")
		if tr, want := transitions(got, state), []string{"deploying", "running"}; !slices.Equal(tr, want) {
			t.Errorf("%s saw %v, want %v", who, tr, want)
		}
		for _, e := range got {
			if e.ServiceID != s.ID {
				t.Errorf("%s got an event of service %d", who, e.ServiceID)
			}
		}
	}
	if _, err := runner.Stop(f.owner, s.ID); err != nil {
		t.Fatal(err)
	}
	got := readUntil(evOwner, "stopped")
	if tr, want := transitions(got, state), []string{"stopping", "stopped"}; !slices.Equal(tr, want) {
		t.Errorf("stop: saw %v, want %v", tr, want)
	}
	// The log and the stream agree, in order.
	logged := f.serviceEvents(s.ID)
	if last := logged[len(logged)-1]; got[len(got)-1].ID != last.ID {
		t.Errorf("the stream's last event %d is not the log's %d", got[len(got)-1].ID, last.ID)
	}

	// The workspace stream: every change of the service, its state
	// never going back.
	order := map[service.State]int{service.StatePending: 0, service.StateDeploying: 1, service.StateRunning: 2, service.StateStopping: 3, service.StateStopped: 4}
	for who, ch := range map[string]<-chan *ent.Service{"owner": wsOwner, "guest": wsGuest} {
		last := -1
		for last != order[service.StateStopped] {
			select {
			case sv, ok := <-ch:
				if !ok {
					t.Fatalf("%s: workspace stream ended", who)
				}
				if sv.ID != s.ID {
					t.Errorf("%s: service %d in the stream", who, sv.ID)
				}
				o, known := order[sv.State]
				if !known || o < last {
					t.Errorf("%s: state %s after %d", who, sv.State, last)
				}
				last = o
			case <-ctx.Done():
				t.Fatalf("%s: the workspace stream did not reach stopped", who)
			}
		}
	}

	// Ending the subscriber's context closes its stream.
	sctx, scancel := context.WithCancel(ownerCtx(ctx, f))
	ch, err := api.Events(sctx, s.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	scancel()
	select {
	case _, ok := <-ch:
		if ok {
			t.Error("an event after the subscription ended")
		}
	case <-time.After(5 * time.Second):
		t.Error("the stream stayed open after its context ended")
	}
}

// ownerCtx and guestCtx carry the fixture's viewers on ctx.
func ownerCtx(ctx context.Context, f *fixture) context.Context { return withViewerOf(ctx, f.owner) }
func guestCtx(ctx context.Context, f *fixture) context.Context { return withViewerOf(ctx, f.guest) }

// TestRestartMidDeploy: the server stops (or dies) while Helm is still
// installing; the next server, on the same database, finishes the deploy.
// The service never stays in a transitional state.
func TestRestartMidDeploy(t *testing.T) {
	t.Parallel()
	for _, kill := range []bool{false, true} {
		name := "shutdown"
		if kill {
			name = "killed"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, options{})
			ctx := context.Background()
			release := f.kube.block()
			s, err := f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: "Shop",
				Values: map[string]any{"auth.password": password1}})
			if err != nil {
				t.Fatal(err)
			}
			waitFor(t, 10*time.Second, "Helm to wait for the cluster", func() bool { return f.kube.blocked() == 1 })
			// The old server's Helm operation is never let go before
			// the end of the test (then it is, so that it ends before
			// the database closes).
			t.Cleanup(func() {
				release()
				waitFor(t, 10*time.Second, "the old engine to finish", func() bool {
					_, err := f.engine.ClearPending(ctx, s.Namespace, s.ReleaseName)
					return !errors.Is(err, helmops.ErrPending)
				})
			})

			// The old server shuts down: the job does not finish within
			// the grace period, and is cancelled.
			sctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
			defer cancel()
			if err := f.svc.StopJobs(sctx); err != nil {
				t.Fatal(err)
			}
			if f.kube.blocked() != 1 {
				t.Fatal("the Helm operation ended with the runner")
			}
			if st := f.get(s.ID); st.State != service.StateDeploying || st.ErrorMessage != "" {
				t.Fatalf("after the runner stopped: %s %q, want deploying\n%s", st.State, st.ErrorMessage, f.eventLog(s.ID))
			}
			if kill {
				// What a killed server leaves: the job running, for
				// an hour already.
				q := `UPDATE river_job SET state = 'running', attempt = 1, attempted_at = datetime('now', '-1 hour', 'subsec') WHERE kind = 'service_op'`
				if f.db.Dialect == "postgres" {
					q = `UPDATE river_job SET state = 'running', attempt = 1, attempted_at = now() - interval '1 hour' WHERE kind = 'service_op'`
				}
				if _, err := f.db.SQL.Exec(q); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() {
					if n := f.countRows("river_job", "kind = 'service_op' AND CAST(errors AS text) LIKE '%rescued%'"); n != 1 {
						t.Errorf("the job was not rescued (%d)", n)
					}
				})
			} else if n := f.countRows("river_job", "kind = 'service_op' AND state = 'available'"); n != 1 {
				t.Fatalf("the interrupted job is not available again (%d)", n)
			}

			// The new server: a new engine (its cluster is fine), a new
			// deploy service and runner on the same database.
			engine := f.newEngine(newTestKube(), time.Minute)
			next := f.newService(engine)
			jobs := fastJobs()
			jobs.JobTimeout, jobs.RescueAfter = 2*time.Second, 3*time.Second
			f.start(next, jobs)
			s = f.waitState(s.ID, service.StateRunning, 30*time.Second)
			if got, want := f.transitions(s.ID), []string{"pending", "deploying", "running"}; !slices.Equal(got, want) {
				t.Errorf("transitions %v, want %v\n%s", got, want, f.eventLog(s.ID))
			}
			for _, e := range f.serviceEvents(s.ID) {
				if e.Level != serviceevent.LevelInfo {
					t.Errorf("event %s %s %q", e.State, e.Level, e.Message)
				}
			}
			// The interrupted install is marked failed and replaced.
			revs := f.revisions(s.ID)
			if s.HelmRevision != 2 || len(revs) != 2 || revs[1].Status != "failed" || revs[2].Status != "deployed" {
				t.Errorf("revision %d, history:", s.HelmRevision)
				for _, r := range revs {
					t.Errorf("  %d %s %s", r.Revision, r.Status, r.Description)
				}
			}
			if got := dig(f.helmValues(s, 0), "auth.password"); got != password1 {
				t.Errorf("password after the restart: %v", got)
			}
			waitFor(t, 5*time.Second, "the job to complete", func() bool {
				return f.countRows("river_job", "kind = 'service_op' AND state = 'completed'") == 1
			})
		})
	}
}

// TestRedactSecrets: whatever the layout of a Secret, none of its values
// survives; other documents are left as they are.
func TestRedactSecrets(t *testing.T) {
	t.Parallel()
	const secret = "hunter2-hunter2"
	b64 := base64.StdEncoding.EncodeToString([]byte(secret))
	manifest := `---
# Source: app/templates/config.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: web
data:
  mode: production
---
# Source: app/templates/secret.yaml
# password: ` + secret + `
apiVersion: v1
kind: Secret
metadata:
  name: block
stringData:
  "quoted.key": ` + secret + `
  multi: |
    line one
    ` + secret + `
  folded: >-
    ` + secret + `
data:
  b64: ` + b64 + `
---
{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "json"}, "data": {"p": "` + b64 + `"}}
---
apiVersion: v1
kind: "Secret"
metadata: {name: flow}
stringData: {p: ` + secret + `}
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Secret
    metadata:
      name: listed
    stringData:
      p: ` + secret + `
---
apiVersion: v1
kind: Secret
metadata:
  name: broken
stringData:
  p: ` + secret + `
  - [unbalanced
---
apiVersion: v1
kind: ConfigMap
metadata: {name: before-inline}
--- {apiVersion: v1, kind: Secret, metadata: {name: inline}, stringData: {p: ` + secret + `}}
`
	got := redactSecrets(manifest)
	for _, leak := range []string{secret, b64} {
		if strings.Contains(got, leak) {
			t.Errorf("%q survives:\n%s", leak, got)
		}
	}
	for _, keep := range []string{
		"# Source: app/templates/config.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  mode: production\n",
		"# Source: app/templates/secret.yaml\n", "quoted.key: <redacted>", "name: listed", "name: json", "name: flow",
	} {
		if !strings.Contains(got, keep) {
			t.Errorf("the result lacks %q:\n%s", keep, got)
		}
	}
	if n := strings.Count(got, "---\n"); n != 7 {
		t.Errorf("%d document separators, want 7:\n%s", n, got)
	}
	if redactSecrets("") != "" {
		t.Error("an empty manifest changed")
	}

	// Passwords elsewhere (an environment variable) are blanked by value;
	// a short one too where it is a whole value (see TestRedactManifest).
	env := "env:\n  - name: P\n    value: " + secret + "\n  - name: Q\n    value: " + b64 + "\n  - name: R\n    value: abc\n  - name: S\n    value: abcd-abc\n"
	if got := redactManifest(env, valuespec.NewRedactor(secret, "abc")); strings.Contains(got, secret) || strings.Contains(got, b64) ||
		strings.Contains(got, "value: abc\n") || !strings.Contains(got, "value: abcd-abc") {
		t.Errorf("redactManifest:\n%s", got)
	}
}

// TestRollbackAfterFailedUpgrade: after an upgrade failed, rollback()
// returns to the last revision that worked, and the service's values are
// that revision's, as Helm's are. A revision Helm does not have is
// refused up front.
func TestRollbackAfterFailedUpgrade(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{})
	s := f.deploy("Shop", map[string]any{"auth.password": password1, "replicaCount": 1})
	if _, err := f.svc.Update(f.owner, UpdateInput{ID: s.ID, Values: map[string]any{"replicaCount": 2}}); err != nil {
		t.Fatal(err)
	}
	f.waitState(s.ID, service.StateRunning, 20*time.Second)
	f.kube.fail(errors.New("the cluster is full"))
	if _, err := f.svc.Update(f.owner, UpdateInput{ID: s.ID, Values: map[string]any{"replicaCount": 3}}); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateError, 20*time.Second)
	// The failed revisions are in the history, with the values tried.
	revs := f.revisions(s.ID)
	if r := revs[3]; r == nil || r.Status != "failed" || num(r.ValuesSnapshot["replicaCount"]) != 3 {
		t.Errorf("revision 3 after the failed upgrade: %+v", r)
	}
	f.kube.fail(nil)

	_, err := f.svc.Rollback(f.owner, s.ID, 99)
	wantCode(t, err, errs.Invalid, "revision")
	if _, err := f.svc.Rollback(f.owner, s.ID, 0); err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateRunning, 20*time.Second)
	hv := f.helmValues(s, 0)
	if num(hv["replicaCount"]) != 2 || num(s.UserValues["replicaCount"]) != 2 {
		t.Errorf("after rollback(): Helm runs replicaCount %v, the service says %v; want 2 and 2", hv["replicaCount"], s.UserValues["replicaCount"])
	}
	revs = f.revisions(s.ID)
	if r := revs[s.HelmRevision]; r == nil || r.Description != "Rollback to 2" || num(r.ValuesSnapshot["replicaCount"]) != 2 {
		t.Errorf("the rollback's revision %d: %+v", s.HelmRevision, r)
	}
	if got := dig(hv, "auth.password"); got != password1 {
		t.Errorf("password after the rollback: %v", got)
	}
}

// TestStartJobsConcurrently: replicas starting at once on a new database
// all migrate River's tables without tripping over each other.
func TestStartJobsConcurrently(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{noJobs: true})
	const n = 4
	errc := make(chan error, n)
	for range n {
		go func() {
			s := f.newService(f.engine)
			err := s.StartJobs(context.Background(), f.jobs)
			if err == nil {
				t.Cleanup(func() {
					ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
					defer cancel()
					_ = s.StopJobs(ctx)
				})
			}
			errc <- err
		}()
	}
	for range n {
		if err := <-errc; err != nil {
			t.Errorf("StartJobs: %v", err)
		}
	}
}

// TestUniqueNames: a service name is taken, whatever its case, until that
// service is gone (issue 17 item 6).
func TestUniqueNames(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{})
	first := f.deploy("Shop", map[string]any{"auth.password": password1})
	in := DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: " shop ", Values: map[string]any{"auth.password": password1}}
	_, err := f.svc.Deploy(f.owner, in)
	if e := errs.Public(err); e == nil || e.Code != errs.Invalid || e.Field != "name" {
		t.Fatalf("a second Shop: %v", err)
	}
	if _, err := f.svc.Delete(f.owner, first.ID); err != nil {
		t.Fatal(err)
	}
	f.waitState(first.ID, service.StateGone, 20*time.Second)
	if _, err := f.svc.Deploy(f.owner, in); err != nil {
		t.Fatalf("the name of a service gone: %v", err)
	}
}

// TestIdempotentDeploy: the same deploy sent again with its key answers
// with the first service (its name is no clash with itself) and queues
// nothing more.
func TestIdempotentDeploy(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{})
	in := DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: "Shop",
		Values: map[string]any{"auth.password": password1}, IdempotencyKey: "0b9e-deploy-once"}
	first, err := f.svc.Deploy(f.owner, in)
	if err != nil {
		t.Fatal(err)
	}
	again, err := f.svc.Deploy(f.owner, in)
	if err != nil || again.ID != first.ID {
		t.Fatalf("again: %v, %v; want service %d", again, err, first.ID)
	}
	if n := f.countRows("services", ""); n != 1 {
		t.Fatalf("%d services", n)
	}
	f.waitState(first.ID, service.StateRunning, 20*time.Second)
}

// TestFailureInWords: a chart that cannot be fetched fails the deploy with
// the reason in words, for everyone (message, log, feed); the raw error,
// with its addresses, is the detail for those who may inspect.
func TestFailureInWords(t *testing.T) {
	t.Parallel()
	f := newFixture(t, options{})
	tpl, err := catalog.New(f.db.Client, catalog.Config{}).Create(sys(), ent.CreateAppTemplateInput{
		Name: "Unreachable", Slug: "unreachable", Category: apptemplate.CategoryWeb,
		ChartRef: "webapp", ChartRepoURL: new("http://127.0.0.1:1/charts"), ChartVersion: new("0.1.0"),
		ValueSpecs: new(testSpecs), Active: new(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: tpl.ID, Name: "Shop",
		Values: map[string]any{"auth.password": password1}})
	if err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateError, 30*time.Second)
	const words = "could not fetch the chart from 127.0.0.1: the connection was refused"
	if s.ErrorMessage != words {
		t.Errorf("error message %q, want %q", s.ErrorMessage, words)
	}
	if !strings.Contains(s.ErrorDetail, "connection refused") || !strings.Contains(s.ErrorDetail, "127.0.0.1:1") {
		t.Errorf("error detail %q lacks the raw error", s.ErrorDetail)
	}
	for _, e := range f.serviceEvents(s.ID) {
		if strings.Contains(e.Message, "dial tcp") {
			t.Errorf("the log shows the raw error: %q", e.Message)
		}
	}
	for _, a := range f.activityFor(s.ID) {
		if strings.Contains(a.Summary, "dial tcp") || strings.HasPrefix(a.Summary, "Shop deployed from") {
			t.Errorf("the feed says %q", a.Summary)
		}
	}
	// The detail is for those who may inspect the service.
	for who, c := range map[string]context.Context{"admin": f.admin, "guest": f.guest} {
		got, err := f.svc.ErrorDetail(withViewerOf(context.Background(), c), s)
		if err != nil {
			t.Fatal(err)
		}
		if (got != nil) != (who == "admin") {
			t.Errorf("%s reads the detail: %v", who, got)
		}
	}
}
