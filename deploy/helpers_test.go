package deploy

// The fixture of the deploy tests: a migrated database (storetest), people
// and a workspace made through their packages, a marketplace template whose
// chart a chart repository served by the test on 127.0.0.1 holds, a Helm
// engine in dry-run mode whose kube client the test controls (Helm's fake
// clients), an in-process event hub, and the deploy service with its job
// runner on short intervals.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/kube"
	kubefake "helm.sh/helm/v3/pkg/kube/fake"
	"helm.sh/helm/v3/pkg/repo"
	appsv1 "k8s.io/api/apps/v1"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/cli-runtime/pkg/resource"
	"k8s.io/client-go/kubernetes/scheme"
	restfake "k8s.io/client-go/rest/fake"

	"github.com/woowtech/woow-paas/accounts"
	"github.com/woowtech/woow-paas/activity/activitytest"
	"github.com/woowtech/woow-paas/auth/authtest"
	"github.com/woowtech/woow-paas/catalog"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/activityevent"
	"github.com/woowtech/woow-paas/ent/apptemplate"
	"github.com/woowtech/woow-paas/ent/service"
	"github.com/woowtech/woow-paas/ent/serviceevent"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/events"
	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/role"
	"github.com/woowtech/woow-paas/secretbox"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/valuespec"
	"github.com/woowtech/woow-paas/viewer"
	"github.com/woowtech/woow-paas/workspaces"
)

// The test chart: a Deployment and a StatefulSet (so stop has replica
// counts to remember), a Secret holding the password in three forms (a
// stringData value, base64 in data, inside a block scalar), the password
// also where charts should not put it (the Deployment's environment, a
// ConfigMap) and an optional Ingress on the host the deploy service wires
// in. Version failingVersion also has a template that fails to render,
// quoting the password (as a chart's validation may).
const (
	chartYAML = `apiVersion: v2
name: webapp
description: A test web application
version: %s
appVersion: "%s"
`
	chartValuesYAML = `replicaCount: 1
auth:
  username: user
  password: ""
db:
  replicas: 1
tier: small
ingress:
  enabled: false
  hostname: ""
`
	deploymentYAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-web
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      app: {{ .Release.Name }}-web
  template:
    metadata:
      labels:
        app: {{ .Release.Name }}-web
    spec:
      containers:
        - name: web
          image: "nginx:1.27"
          env:
            - name: TIER
              value: {{ .Values.tier | quote }}
            - name: ADMIN_PASSWORD
              value: {{ .Values.auth.password | quote }}
`
	statefulSetYAML = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ .Release.Name }}-db
spec:
  serviceName: {{ .Release.Name }}-db
  replicas: {{ .Values.db.replicas }}
  selector:
    matchLabels:
      app: {{ .Release.Name }}-db
  template:
    metadata:
      labels:
        app: {{ .Release.Name }}-db
    spec:
      containers:
        - name: db
          image: postgres:17
`
	secretYAML = `apiVersion: v1
kind: Secret
metadata:
  name: {{ .Release.Name }}-auth
type: Opaque
stringData:
  username: {{ .Values.auth.username | quote }}
  password: {{ .Values.auth.password | quote }}
  app.ini: |
    [auth]
    user = {{ .Values.auth.username }}
    {{ .Values.auth.password }}
data:
  password-b64: {{ .Values.auth.password | b64enc | quote }}
`
	configMapYAML = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-config
data:
  password: {{ .Values.auth.password | quote }}
  password-b64: {{ .Values.auth.password | b64enc }}
  dsn: {{ printf "postgres://%s:%s@db:5432/app" .Values.auth.username .Values.auth.password | quote }}
  settings.ini: |
    [auth]
    password = {{ .Values.auth.password }}
`
	failYAML = `{{ fail (printf "the password %s is not accepted here" .Values.auth.password) }}
`
	// failingVersion is the chart version that fails to render.
	failingVersion = "0.9.0"
	ingressYAML    = `{{- if .Values.ingress.enabled }}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ .Release.Name }}-web
spec:
  rules:
    - host: {{ .Values.ingress.hostname | quote }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ .Release.Name }}-web
                port:
                  number: 80
{{- end }}
`
)

// writeChartDir writes the test chart at version into a new directory
// named webapp and returns its path.
func writeChartDir(t testing.TB, version string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "webapp")
	files := map[string]string{
		"Chart.yaml":                 fmt.Sprintf(chartYAML, version, "1."+version),
		"values.yaml":                chartValuesYAML,
		"templates/deployment.yaml":  deploymentYAML,
		"templates/statefulset.yaml": statefulSetYAML,
		"templates/secret.yaml":      secretYAML,
		"templates/ingress.yaml":     ingressYAML,
		"templates/configmap.yaml":   configMapYAML,
	}
	if version == failingVersion {
		files["templates/fail.yaml"] = failYAML
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// chartRepo is an HTTP chart repository served on 127.0.0.1: index.yaml
// made with Helm's repo.IndexFile, and the packaged archives.
type chartRepo struct {
	srv   *httptest.Server
	mu    sync.Mutex
	files map[string][]byte
	hits  map[string]int
}

func newChartRepo(t testing.TB, versions ...string) *chartRepo {
	t.Helper()
	r := &chartRepo{files: map[string][]byte{}, hits: map[string]int{}}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		r.hits[req.URL.Path]++
		body, ok := r.files[req.URL.Path]
		r.mu.Unlock()
		if !ok {
			http.NotFound(w, req)
			return
		}
		_, _ = w.Write(body)
	}))
	t.Cleanup(r.srv.Close)
	idx := repo.NewIndexFile()
	for _, v := range versions {
		ch, err := loader.LoadDir(writeChartDir(t, v))
		if err != nil {
			t.Fatal(err)
		}
		path, err := chartutil.Save(ch, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		name := filepath.Base(path)
		if err := idx.MustAdd(ch.Metadata, name, r.srv.URL+"/charts", hex.EncodeToString(sum[:])); err != nil {
			t.Fatal(err)
		}
		r.files["/charts/"+name] = data
	}
	idx.SortEntries()
	out := filepath.Join(t.TempDir(), "index.yaml")
	if err := idx.WriteFile(out, 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	r.files["/index.yaml"] = b
	return r
}

func (r *chartRepo) URL() string { return r.srv.URL }

func (r *chartRepo) hitsOf(path string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.hits[path]
}

// testKube is the kube client Helm runs with: Helm's PrintingKubeClient
// (everything succeeds, nothing is applied), except that
//   - with failing set, Build, Create and the waits go through Helm's
//     FailingKubeClient (its errors, its dummy resources);
//   - with a gate set, every wait blocks until the gate is closed or the
//     wait's own timeout passes (a cluster where nothing becomes ready).
//
// Both can change while the engine runs.
type testKube struct {
	kubefake.PrintingKubeClient
	mu      sync.Mutex
	failing *kubefake.FailingKubeClient
	gate    chan struct{}
	waiting int // waits blocked on the gate now
}

var (
	_ kube.Interface    = (*testKube)(nil)
	_ kube.InterfaceExt = (*testKube)(nil)
)

func newTestKube() *testKube {
	return &testKube{PrintingKubeClient: kubefake.PrintingKubeClient{Out: io.Discard, LogOutput: io.Discard}}
}

// fail makes installs and upgrades fail with createErr (nil: succeed
// again).
func (k *testKube) fail(createErr error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if createErr == nil {
		k.failing = nil
		return
	}
	k.failing = &kubefake.FailingKubeClient{
		PrintingKubeClient: kubefake.PrintingKubeClient{Out: io.Discard, LogOutput: io.Discard},
		DummyResources:     notFoundResources(),
		CreateError:        createErr,
		WaitError:          createErr, // upgrades fail too
	}
}

// block makes waits block until release is called.
func (k *testKube) block() (release func()) {
	k.mu.Lock()
	defer k.mu.Unlock()
	gate := make(chan struct{})
	k.gate = gate
	var once sync.Once
	return func() {
		once.Do(func() {
			k.mu.Lock()
			if k.gate == gate {
				k.gate = nil
			}
			k.mu.Unlock()
			close(gate)
		})
	}
}

// blocked counts the waits blocked on the gate.
func (k *testKube) blocked() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.waiting
}

func (k *testKube) state() (*kubefake.FailingKubeClient, chan struct{}) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.failing, k.gate
}

func (k *testKube) Build(r io.Reader, validate bool) (kube.ResourceList, error) {
	if f, _ := k.state(); f != nil {
		return f.Build(r, validate)
	}
	return k.PrintingKubeClient.Build(r, validate)
}

func (k *testKube) Create(resources kube.ResourceList) (*kube.Result, error) {
	if f, _ := k.state(); f != nil {
		return f.Create(resources)
	}
	return k.PrintingKubeClient.Create(resources)
}

func (k *testKube) wait(resources kube.ResourceList, d time.Duration) error {
	f, gate := k.state()
	if gate != nil {
		k.mu.Lock()
		k.waiting++
		k.mu.Unlock()
		defer func() {
			k.mu.Lock()
			k.waiting--
			k.mu.Unlock()
		}()
		timer := time.NewTimer(d)
		defer timer.Stop()
		select {
		case <-gate:
		case <-timer.C:
			return errors.New("timed out waiting for the condition")
		}
	}
	if f != nil {
		return f.Wait(resources, d)
	}
	return nil
}

func (k *testKube) Wait(resources kube.ResourceList, d time.Duration) error {
	return k.wait(resources, d)
}

func (k *testKube) WaitWithJobs(resources kube.ResourceList, d time.Duration) error {
	return k.wait(resources, d)
}

func (k *testKube) WaitForDelete(resources kube.ResourceList, d time.Duration) error {
	return k.wait(resources, d)
}

// notFoundResources is a resource list whose objects do not exist yet (the
// fake REST client answers 404), so that an install goes on to Create (as
// in package helmops' tests).
func notFoundResources() kube.ResourceList {
	obj := &appsv1.Deployment{ObjectMeta: metav1.ObjectMeta{Name: "web", Namespace: "apps"}}
	info := &resource.Info{
		Name:      "web",
		Namespace: "apps",
		Mapping: &meta.RESTMapping{
			Resource:         schema.GroupVersionResource{Group: "apps", Version: "v1", Resource: "deployments"},
			GroupVersionKind: schema.GroupVersionKind{Group: "apps", Version: "v1", Kind: "Deployment"},
			Scope:            meta.RESTScopeNamespace,
		},
		Object: obj,
		Client: &restfake.RESTClient{
			GroupVersion:         schema.GroupVersion{Group: "apps", Version: "v1"},
			NegotiatedSerializer: scheme.Codecs.WithoutConversion(),
			Client: restfake.CreateHTTPClient(func(*http.Request) (*http.Response, error) {
				return &http.Response{
					StatusCode: http.StatusNotFound,
					Header:     http.Header{"Content-Type": {"application/json"}},
					Body:       io.NopCloser(strings.NewReader(`{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}`)),
				}, nil
			}),
		},
	}
	return kube.ResourceList{info}
}

// testLog logs through t.Log with -v (and never after the test ends: Helm
// operations left running in the background may still log), else nowhere.
func testLog(t testing.TB) *slog.Logger {
	if !testing.Verbose() {
		return slog.New(slog.DiscardHandler)
	}
	w := &tWriter{t: t}
	t.Cleanup(func() {
		w.mu.Lock()
		w.done = true
		w.mu.Unlock()
	})
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type tWriter struct {
	t    testing.TB
	mu   sync.Mutex
	done bool
}

func (w *tWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done {
		w.t.Log(strings.TrimRight(string(p), "\n"))
	}
	return len(p), nil
}

// Test value specs: every type, required and optional, a set-up input.
var testSpecs = valuespec.Specs{
	Required: []valuespec.Spec{
		{Key: "auth.username", Label: "Username", Type: valuespec.Text, Default: "admin"},
		{Key: "auth.password", Label: "Password", Type: valuespec.Password},
	},
	Optional: []valuespec.Spec{
		{Key: "replicaCount", Label: "Replicas", Type: valuespec.Number},
		{Key: "tier", Label: "Tier", Type: valuespec.Select, Options: []string{"small", "large"}, Default: "small"},
		{Key: "metrics", Label: "Metrics", Type: valuespec.Boolean},
		{Key: "_init.owner_email", Label: "Owner email", Type: valuespec.Text},
	},
}

// options of a fixture; the zero value is the usual set-up.
type options struct {
	// chartVersion is the template's chart version (default 0.1.0).
	chartVersion string
	// jobs overrides the job runner's configuration.
	jobs *JobsConfig
	// noJobs leaves the job runner unstarted.
	noJobs bool
	// maxAttempts per job (default 2: one retry).
	maxAttempts int
	// helmTimeout is the engine's wait timeout (default 1 minute).
	helmTimeout time.Duration
	// deadlines override the deadlines of transitional states.
	deadlines map[service.State]time.Duration
	// logs, when set, receives every log line (debug level included)
	// instead of the test log.
	logs io.Writer
}

// fixture is one installation.
type fixture struct {
	t      testing.TB
	db     *store.DB
	hub    *events.Hub
	box    *secretbox.Box
	repo   *chartRepo
	kube   *testKube
	engine *helmops.Engine
	svc    *Deployer
	log    *slog.Logger
	cfg    Config
	jobs   JobsConfig

	tpl *ent.AppTemplate
	ws  *ent.Workspace

	// Viewer contexts: members by role, someone from another workspace,
	// the platform admin (a member of nothing), and nobody.
	owner, admin, user, guest, outsider, root, anon context.Context
}

// fastJobs is the job runner's test configuration.
func fastJobs() JobsConfig {
	return JobsConfig{
		JobTimeout:     30 * time.Second,
		RescueAfter:    time.Minute,
		PollInterval:   50 * time.Millisecond,
		ReconcileEvery: time.Hour, // tests call Reconcile themselves
	}
}

func newFixture(t testing.TB, o options) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{t: t, db: storetest.Open(t), hub: events.NewHub(0), log: testLog(t), kube: newTestKube()}
	// Every entry the test made says its summary with its params.
	t.Cleanup(func() { activitytest.Check(t, f.db.Client) })
	if o.logs != nil {
		f.log = slog.New(slog.NewTextHandler(o.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	t.Cleanup(func() { f.hub.Close() })
	key := make([]byte, secretbox.KeySize)
	for i := range key {
		key[i] = byte(i + 1)
	}
	var err error
	if f.box, err = secretbox.New(key); err != nil {
		t.Fatal(err)
	}
	f.repo = newChartRepo(t, "0.1.0", "0.2.0", failingVersion)
	if o.helmTimeout == 0 {
		o.helmTimeout = time.Minute
	}
	f.engine = f.newEngine(f.kube, o.helmTimeout)

	// People: the first account (root) is the platform admin, which gives
	// no rights in anyone's workspace.
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
	f.root, f.owner, f.admin, f.user, f.guest, f.outsider = people["root"], people["owner"], people["admin"], people["user"], people["guest"], people["outsider"]
	if !viewer.FromContext(f.root).PlatformAdmin {
		t.Fatal("the first account is not the platform admin")
	}
	f.anon = ctx
	wss := workspaces.New(f.db.Client, workspaces.Config{PublicURL: "http://woow.test"})
	if f.ws, err = wss.Create(f.owner, "Acme", ""); err != nil {
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

	if o.chartVersion == "" {
		o.chartVersion = "0.1.0"
	}
	f.tpl = f.template("webapp", o.chartVersion)

	if o.maxAttempts == 0 {
		o.maxAttempts = 2
	}
	f.cfg = Config{Domain: "apps.test", MaxAttempts: o.maxAttempts, Deadlines: o.deadlines}
	f.jobs = fastJobs()
	if o.jobs != nil {
		f.jobs = *o.jobs
	}
	f.svc = f.newService(f.engine)
	if !o.noJobs {
		f.start(f.svc, f.jobs)
	}
	return f
}

// newEngine returns a dry-run engine over the fixture's database with kc
// as Helm's kube client.
func (f *fixture) newEngine(kc kube.Interface, timeout time.Duration) *helmops.Engine {
	f.t.Helper()
	e, err := helmops.New(helmops.Config{
		CacheDir:   f.t.TempDir(),
		Releases:   helmops.NewReleaseStore(f.db.Client, nil),
		KubeClient: kc,
		Timeout:    timeout,
	}, f.log)
	if err != nil {
		f.t.Fatal(err)
	}
	if e.Mode() != helmops.ModeDryRun {
		f.t.Fatalf("engine mode %s, want dry-run", e.Mode())
	}
	return e
}

// newService is another deploy service on the same database and bus (a
// second replica, or the server after a restart), its runner not started.
func (f *fixture) newService(e *helmops.Engine) *Deployer {
	return New(f.db, e, f.box, f.hub, f.cfg, f.log)
}

// start starts s's job runner; it stops (letting jobs end for a few
// seconds) when the test ends, before the database closes.
func (f *fixture) start(s *Deployer, cfg JobsConfig) {
	f.t.Helper()
	if err := s.StartJobs(context.Background(), cfg); err != nil {
		f.t.Fatalf("StartJobs: %v", err)
	}
	f.t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := s.jobs.StopAndCancel(ctx); err != nil {
			f.t.Logf("stopping the job runner: %v", err)
		}
		s.closeListenPool()
	})
}

// template adds an active marketplace template for the test chart in the
// test repository (as the platform does: system context).
func (f *fixture) template(slug, version string) *ent.AppTemplate {
	f.t.Helper()
	tpl, err := catalog.New(f.db.Client, catalog.Config{}).Create(viewer.System(context.Background()), ent.CreateAppTemplateInput{
		Name: "Web App " + slug, Slug: slug, Category: apptemplate.CategoryWeb,
		ChartRef: "webapp", ChartRepoURL: new(f.repo.URL()), ChartVersion: new(version),
		DefaultValues:  map[string]any{"replicaCount": 2, "db": map[string]any{"replicas": 3}},
		ValueSpecs:     new(testSpecs),
		DefaultPort:    new(8080),
		IngressEnabled: new(true),
		Active:         new(true),
	})
	if err != nil {
		f.t.Fatalf("creating template %s: %v", slug, err)
	}
	return tpl
}

func sys() context.Context { return viewer.System(context.Background()) }

// withViewerOf returns ctx carrying the viewer of from.
func withViewerOf(ctx, from context.Context) context.Context {
	return viewer.NewContext(ctx, viewer.FromContext(from))
}

// deploy deploys the template as the owner with a password and waits until
// the service runs.
func (f *fixture) deploy(name string, values map[string]any) *ent.Service {
	f.t.Helper()
	s, err := f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: name, Values: values})
	if err != nil {
		f.t.Fatalf("Deploy(%s): %v", name, err)
	}
	return f.waitState(s.ID, service.StateRunning, 20*time.Second)
}

// get reads a service in a system context.
func (f *fixture) get(id int) *ent.Service {
	f.t.Helper()
	s, err := f.db.Client.Service.Get(sys(), id)
	if err != nil {
		f.t.Fatalf("reading service %d: %v", id, err)
	}
	return s
}

// settled are the states no job works through.
func settled(s service.State) bool {
	switch s {
	case service.StateRunning, service.StateStopped, service.StateGone, service.StateError:
		return true
	}
	return false
}

// waitState waits up to d for service id to reach want. Reaching another
// settled state first fails at once (an operation ended elsewhere).
func (f *fixture) waitState(id int, want service.State, d time.Duration) *ent.Service {
	f.t.Helper()
	deadline := time.Now().Add(d)
	for {
		s := f.get(id)
		if s.State == want {
			return s
		}
		if settled(want) && settled(s.State) {
			f.t.Fatalf("service %d is %s (%q), want %s\nevents:\n%s", id, s.State, s.ErrorMessage, want, f.eventLog(id))
		}
		if time.Now().After(deadline) {
			f.t.Fatalf("service %d still %s after %s, want %s\nevents:\n%s", id, s.State, d, want, f.eventLog(id))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitFor polls cond every 20ms for up to d.
func waitFor(t testing.TB, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", d, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// serviceEvents returns a service's log, oldest first.
func (f *fixture) serviceEvents(id int) []*ent.ServiceEvent {
	f.t.Helper()
	evs, err := f.db.Client.ServiceEvent.Query().
		Where(serviceevent.ServiceID(id)).
		Order(ent.Asc(serviceevent.FieldID)).
		All(sys())
	if err != nil {
		f.t.Fatal(err)
	}
	return evs
}

func (f *fixture) eventLog(id int) string {
	var b strings.Builder
	for _, e := range f.serviceEvents(id) {
		fmt.Fprintf(&b, "  %-12s %-7s %s\n", e.State, e.Level, e.Message)
	}
	return b.String()
}

// transitions are the states of a list of events with repeats folded.
func transitions[T any](evs []T, state func(T) string) []string {
	var out []string
	for _, e := range evs {
		s := state(e)
		if len(out) == 0 || out[len(out)-1] != s {
			out = append(out, s)
		}
	}
	return out
}

func (f *fixture) transitions(id int) []string {
	return transitions(f.serviceEvents(id), func(e *ent.ServiceEvent) string { return e.State })
}

// countRows counts the rows of a table (River's included) with raw SQL.
func (f *fixture) countRows(table, where string, args ...any) int {
	f.t.Helper()
	q := "SELECT COUNT(*) FROM " + table
	if where != "" {
		q += " WHERE " + where
	}
	if f.db.Dialect == "postgres" {
		q = numberParams(q)
	}
	var n int
	if err := f.db.SQL.QueryRow(q, args...).Scan(&n); err != nil {
		f.t.Fatalf("%s: %v", q, err)
	}
	return n
}

// numberParams turns ? placeholders into $1, $2, ...
func numberParams(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// wantCode fails unless err carries code (and, if field is set, names it).
func wantCode(t testing.TB, err error, code errs.Code, field string) {
	t.Helper()
	if got := errs.CodeOf(err); got != code {
		t.Fatalf("error %v (code %q), want %s", err, got, code)
	}
	if field == "" {
		return
	}
	var e *errs.Error
	if !errors.As(err, &e) || e.Field != field {
		t.Fatalf("error %v, want field %q", err, field)
	}
}

// activityFor lists the activity entries about a service, oldest first.
func (f *fixture) activityFor(id int) []*ent.ActivityEvent {
	f.t.Helper()
	out, err := f.db.Client.ActivityEvent.Query().
		Where(activityevent.SubjectType("Service"), activityevent.SubjectID(id)).
		Order(ent.Asc(activityevent.FieldCreatedAt), ent.Asc(activityevent.FieldID)).
		All(viewer.System(context.Background()))
	if err != nil {
		f.t.Fatal(err)
	}
	return out
}
