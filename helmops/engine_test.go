package helmops

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"helm.sh/helm/v3/pkg/kube"
	kubefake "helm.sh/helm/v3/pkg/kube/fake"
	"helm.sh/helm/v3/pkg/release"
	"helm.sh/helm/v3/pkg/storage/driver"
	appsv1 "k8s.io/api/apps/v1"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/cli-runtime/pkg/resource"
	"k8s.io/client-go/kubernetes/scheme"
	restfake "k8s.io/client-go/rest/fake"
)

func TestModes(t *testing.T) {
	e, _ := newDryRun(t, Config{})
	if e.Mode() != ModeDryRun || !e.Reachable(context.Background()) {
		t.Fatalf("dry-run: mode %s, reachable %v", e.Mode(), e.Reachable(context.Background()))
	}
	if _, err := New(Config{CacheDir: t.TempDir()}, nil); err == nil {
		t.Fatal("dry-run without a release store was accepted")
	}
	if _, err := New(Config{}, nil); err == nil {
		t.Fatal("no cache directory was accepted")
	}
	if _, err := New(Config{CacheDir: t.TempDir(), Kubeconfig: filepath.Join(t.TempDir(), "missing")}, nil); err == nil {
		t.Fatal("a missing kubeconfig was accepted")
	}
}

// TestKubeconfigUnreachable builds a real cluster-mode engine from a
// kubeconfig whose API server (a closed port on 127.0.0.1) refuses.
func TestKubeconfigUnreachable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	kubeconfig := filepath.Join(t.TempDir(), "config")
	if err := os.WriteFile(kubeconfig, []byte(`apiVersion: v1
kind: Config
clusters:
- name: local
  cluster: {server: "http://`+addr+`"}
- name: other
  cluster: {server: "http://127.0.0.1:1"}
users:
- name: u
  user: {token: t}
contexts:
- name: a
  context: {cluster: other, user: u}
- name: b
  context: {cluster: local, user: u, namespace: x}
current-context: a
`), 0o600); err != nil {
		t.Fatal(err)
	}
	e, err := New(Config{CacheDir: t.TempDir(), Kubeconfig: kubeconfig, Context: "b", Timeout: 2 * time.Second, ChartDirs: testChartDirs(t)}, testLog(t))
	if err != nil {
		t.Fatal(err)
	}
	if e.Mode() != ModeCluster {
		t.Fatalf("mode = %s", e.Mode())
	}
	if e.Reachable(context.Background()) {
		t.Fatal("a refused API server is reachable")
	}
	cfg, err := e.getter.ToRESTConfig()
	if err != nil || cfg.Host != "http://"+addr {
		t.Fatalf("context b not used: %v, %v", cfg, err)
	}
	_, err = e.Install(context.Background(), "apps", "web", ChartRef{Ref: writeChartDir(t, "0.1.0", "1.0")}, nil)
	if err == nil || !strings.Contains(err.Error(), "refused") {
		t.Fatalf("install against a refused API server: %v", err)
	}
}

// TestDryRunLifecycle runs a release through its life in dry-run mode with
// charts from a chart repository: everything is rendered and recorded.
func TestDryRunLifecycle(t *testing.T) {
	r := newChartRepo(t, [2]string{"0.1.0", "1.0"}, [2]string{"0.2.0", "2.0"})
	e, st := newDryRun(t, Config{})
	ctx := context.Background()
	v1 := ChartRef{Ref: "webapp", RepoURL: r.srv.URL, Version: "0.1.0"}
	v2 := ChartRef{Ref: "webapp", RepoURL: r.srv.URL, Version: "0.2.0"}
	vals1 := map[string]any{"replicaCount": 3, "image": map[string]any{"tag": "1.27.1"}}
	vals2 := map[string]any{"replicaCount": 5, "ingress": map[string]any{"enabled": true, "host": "shop.example.com"}}

	// Install: revision 1, deployed, rendered with the user's values.
	rel, err := e.Install(ctx, "tenant-a", "shop", v1, vals1)
	if err != nil {
		t.Fatal(err)
	}
	if rel.Revision != 1 || rel.Status != "deployed" || rel.Chart != "webapp" || rel.ChartVersion != "0.1.0" ||
		rel.AppVersion != "1.0" || rel.Namespace != "tenant-a" || rel.Updated.IsZero() {
		t.Fatalf("install: %+v", rel)
	}
	m, err := manifest(ctx, e, "tenant-a", "shop", 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"replicas: 3", `image: "nginx:1.27.1"`, "name: shop-web", "kind: StatefulSet", "kind: Service"} {
		if !strings.Contains(m, want) {
			t.Errorf("manifest lacks %q:\n%s", want, m)
		}
	}
	if strings.Contains(m, "kind: Ingress") {
		t.Error("ingress rendered although disabled")
	}
	if _, err := e.Install(ctx, "tenant-a", "shop", v1, vals1); !errors.Is(err, ErrReleaseExists) {
		t.Fatalf("second install: %v", err)
	}
	// The same name in another namespace is another release.
	if rel, err := e.Install(ctx, "tenant-b", "shop", v1, nil); err != nil || rel.Revision != 1 {
		t.Fatalf("install in another namespace: %+v, %v", rel, err)
	}

	// Upgrade: revision 2 with the new chart and values only.
	rel, err = e.Upgrade(ctx, "tenant-a", "shop", v2, vals2)
	if err != nil {
		t.Fatal(err)
	}
	if rel.Revision != 2 || rel.Status != "deployed" || rel.ChartVersion != "0.2.0" || rel.AppVersion != "2.0" {
		t.Fatalf("upgrade: %+v", rel)
	}
	m, _ = manifest(ctx, e, "tenant-a", "shop", 0)
	for _, want := range []string{"replicas: 5", `host: "shop.example.com"`, "kind: Ingress", `image: "nginx:1.27"`} {
		if !strings.Contains(m, want) {
			t.Errorf("upgraded manifest lacks %q", want)
		}
	}
	if _, err := e.Upgrade(ctx, "tenant-a", "nope", v2, nil); !errors.Is(err, ErrReleaseNotFound) {
		t.Fatalf("upgrade of a missing release: %v", err)
	}

	// Rollback to the previous revision: revision 3 with revision 1's values.
	rel, err = e.Rollback(ctx, "tenant-a", "shop", 0)
	if err != nil {
		t.Fatal(err)
	}
	if rel.Revision != 3 || rel.Status != "deployed" || rel.ChartVersion != "0.1.0" || rel.Description != "Rollback to 1" {
		t.Fatalf("rollback: %+v", rel)
	}
	got1, err := e.Values(ctx, "tenant-a", "shop", 1)
	if err != nil {
		t.Fatal(err)
	}
	got3, _ := e.Values(ctx, "tenant-a", "shop", 3)
	if !reflect.DeepEqual(got1, got3) || got1["replicaCount"] != float64(3) {
		t.Fatalf("values: rev 1 %v, rev 3 %v", got1, got3)
	}
	got2, _ := e.Values(ctx, "tenant-a", "shop", 2)
	if _, ok := got2["image"]; ok || got2["replicaCount"] != float64(5) {
		t.Fatalf("rev 2 values are not exactly the user's: %v", got2)
	}
	if m3, _ := manifest(ctx, e, "tenant-a", "shop", 3); !strings.Contains(m3, "replicas: 3") || strings.Contains(m3, "Ingress") {
		t.Fatalf("rolled-back manifest:\n%s", m3)
	}
	if _, err := e.Rollback(ctx, "tenant-a", "shop", 7); !errors.Is(err, ErrReleaseNotFound) {
		t.Fatalf("rollback to a missing revision: %v", err)
	}
	if _, err := manifest(ctx, e, "tenant-a", "shop", 7); !errors.Is(err, ErrReleaseNotFound) {
		t.Fatalf("manifest of a missing revision: %v", err)
	}

	// History, newest first.
	h, err := e.History(ctx, "tenant-a", "shop")
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Rev                   int
		Status, Version, Desc string
	}
	var rows []row
	for _, x := range h {
		rows = append(rows, row{x.Revision, x.Status, x.ChartVersion, x.Description})
	}
	want := []row{
		{3, "deployed", "0.1.0", "Rollback to 1"},
		{2, "superseded", "0.2.0", "Upgrade complete"},
		{1, "superseded", "0.1.0", "Install complete"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("history:\n got %v\nwant %v", rows, want)
	}

	// Dry-run scaling: counts from the manifest, nothing else happens.
	counts, err := e.ScaleDown(ctx, "tenant-a", "shop")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(counts, map[string]int32{"Deployment/shop-web": 3, "StatefulSet/shop-db": 1}) {
		t.Fatalf("dry-run scale down: %v", counts)
	}
	if err := e.ScaleUp(ctx, "tenant-a", "shop", counts); err != nil {
		t.Fatal(err)
	}
	if _, err := e.ScaleDown(ctx, "tenant-a", "nope"); !errors.Is(err, ErrReleaseNotFound) {
		t.Fatalf("scale of a missing release: %v", err)
	}
	if err := e.EnsureNamespace(ctx, "tenant-a", Quota{CPU: "2", Memory: "4Gi"}); err != nil {
		t.Fatalf("dry-run EnsureNamespace: %v", err)
	}

	// Persistence: a new engine on the same database sees the same history.
	e2, err := New(Config{CacheDir: t.TempDir(), Releases: st}, testLog(t))
	if err != nil {
		t.Fatal(err)
	}
	h2, err := e2.History(ctx, "tenant-a", "shop")
	if err != nil || !reflect.DeepEqual(h, h2) {
		t.Fatalf("after restart: %v, %v", h2, err)
	}
	if rel, err := e2.Upgrade(ctx, "tenant-a", "shop", v2, vals2); err != nil || rel.Revision != 4 {
		t.Fatalf("upgrade after restart: %+v, %v", rel, err)
	}

	// Uninstall: gone; again: still fine. The other namespace is untouched.
	if err := e.Uninstall(ctx, "tenant-a", "shop"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Status(ctx, "tenant-a", "shop"); !errors.Is(err, ErrReleaseNotFound) {
		t.Fatalf("status after uninstall: %v", err)
	}
	if _, err := e.History(ctx, "tenant-a", "shop"); !errors.Is(err, ErrReleaseNotFound) {
		t.Fatalf("history after uninstall: %v", err)
	}
	if err := e.Uninstall(ctx, "tenant-a", "shop"); err != nil {
		t.Fatalf("second uninstall: %v", err)
	}
	if s, err := e.Status(ctx, "tenant-b", "shop"); err != nil || s.Status != "deployed" {
		t.Fatalf("tenant-b: %+v, %v", s, err)
	}
	// A new install after uninstall starts again at revision 1.
	if rel, err := e.Install(ctx, "tenant-a", "shop", v1, nil); err != nil || rel.Revision != 1 {
		t.Fatalf("reinstall: %+v, %v", rel, err)
	}
}

// notFoundResources is a resource list whose objects do not exist yet (the
// fake REST client answers 404), so that Install goes on to Create.
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

func TestInstallFailure(t *testing.T) {
	chartDir := writeChartDir(t, "0.1.0", "1.0")
	ref := ChartRef{Ref: chartDir}
	ctx := context.Background()

	failing := &kubefake.FailingKubeClient{
		PrintingKubeClient: kubefake.PrintingKubeClient{Out: io.Discard},
		DummyResources:     notFoundResources(),
		CreateError:        errors.New("admission webhook denied the request"),
	}
	e, st := newDryRun(t, Config{KubeClient: failing})
	rel, err := e.Install(ctx, "apps", "web", ref, nil)
	if err == nil || !strings.Contains(err.Error(), "admission webhook denied") {
		t.Fatalf("install with a failing kube client: %v", err)
	}
	if rel == nil || rel.Status != "failed" || rel.Revision != 1 {
		t.Fatalf("returned release: %+v", rel)
	}
	s, err := e.Status(ctx, "apps", "web")
	if err != nil || s.Status != "failed" || !strings.Contains(s.Description, "admission webhook denied") {
		t.Fatalf("status after the failure: %+v, %v", s, err)
	}

	// Wait failures fail the release too (Wait is on).
	waitFail := &kubefake.FailingKubeClient{PrintingKubeClient: kubefake.PrintingKubeClient{Out: io.Discard}, WaitError: errors.New("timed out waiting for the condition")}
	ew, _ := newDryRun(t, Config{KubeClient: waitFail})
	if rel, err := ew.Install(ctx, "apps", "web", ref, nil); err == nil || rel.Status != "failed" {
		t.Fatalf("install with a failing wait: %+v, %v", rel, err)
	}

	// Retrying the install once the cluster accepts it replaces the failed
	// release with revision 2.
	ok, err := New(Config{CacheDir: t.TempDir(), Releases: st, ChartDirs: testChartDirs(t)}, testLog(t))
	if err != nil {
		t.Fatal(err)
	}
	rel, err = ok.Install(ctx, "apps", "web", ref, nil)
	if err != nil || rel.Revision != 2 || rel.Status != "deployed" {
		t.Fatalf("retried install: %+v, %v", rel, err)
	}
	h, _ := ok.History(ctx, "apps", "web")
	if len(h) != 2 || h[1].Status != "failed" {
		t.Fatalf("history: %+v", h)
	}
}

func TestClearPending(t *testing.T) {
	e, st := newDryRun(t, Config{})
	ctx := context.Background()
	ref := ChartRef{Ref: writeChartDir(t, "0.1.0", "1.0")}
	if _, err := e.Install(ctx, "apps", "web", ref, nil); err != nil {
		t.Fatal(err)
	}
	if changed, err := e.ClearPending(ctx, "apps", "web"); err != nil || changed {
		t.Fatalf("nothing pending: %v, %v", changed, err)
	}

	// What a process killed mid-upgrade leaves behind: a pending revision.
	d := st.Driver(ctx, "apps")
	cur, err := d.Get("sh.helm.release.v1.web.v1")
	if err != nil {
		t.Fatal(err)
	}
	stuck := *cur
	stuck.Info = &release.Info{Status: release.StatusPendingUpgrade, Description: "Preparing upgrade", LastDeployed: cur.Info.LastDeployed}
	stuck.Version = 2
	if err := d.Create("sh.helm.release.v1.web.v2", &stuck); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Upgrade(ctx, "apps", "web", ref, nil); !errors.Is(err, ErrPending) {
		t.Fatalf("upgrade over a pending revision: %v", err)
	}
	if _, err := e.Rollback(ctx, "apps", "web", 1); !errors.Is(err, ErrPending) {
		t.Fatalf("rollback over a pending revision: %v", err)
	}
	changed, err := e.ClearPending(ctx, "apps", "web")
	if err != nil || !changed {
		t.Fatalf("clear: %v, %v", changed, err)
	}
	if s, _ := e.Status(ctx, "apps", "web"); s.Status != "failed" || !strings.Contains(s.Description, "interrupted") {
		t.Fatalf("cleared revision: %+v", s)
	}
	rel, err := e.Upgrade(ctx, "apps", "web", ref, map[string]any{"replicaCount": 1})
	if err != nil || rel.Revision != 3 || rel.Status != "deployed" {
		t.Fatalf("upgrade after clearing: %+v, %v", rel, err)
	}
	if _, err := e.ClearPending(ctx, "apps", "nope"); !errors.Is(err, ErrReleaseNotFound) {
		t.Fatalf("clear of a missing release: %v", err)
	}
}

// TestConcurrentInstall: two installs of one release at once; one wins.
func TestConcurrentInstall(t *testing.T) {
	e, _ := newDryRun(t, Config{})
	ref := ChartRef{Ref: writeChartDir(t, "0.1.0", "1.0")}
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			_, errs[i] = e.Install(context.Background(), "apps", "web", ref, nil)
		})
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, ErrReleaseExists):
			t.Errorf("unexpected error: %v", err)
		}
	}
	if ok != 1 {
		t.Fatalf("%d installs succeeded", ok)
	}
}

// TestCancelledOperation: a cancelled caller gets its error at once; the
// Helm operation still completes and records its result.
func TestCancelledOperation(t *testing.T) {
	slow := &kubefake.FailingKubeClient{PrintingKubeClient: kubefake.PrintingKubeClient{Out: io.Discard}, WaitDuration: 300 * time.Millisecond}
	e, _ := newDryRun(t, Config{KubeClient: slow})
	ref := ChartRef{Ref: writeChartDir(t, "0.1.0", "1.0")}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := e.Install(ctx, "apps", "web", ref, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("cancelled install: %v", err)
	}
	// The next operation waits for the first to finish, then sees its result.
	if _, err := e.Install(context.Background(), "apps", "web", ref, nil); !errors.Is(err, ErrReleaseExists) {
		t.Fatalf("install after the cancelled one: %v", err)
	}
	if s, err := e.Status(context.Background(), "apps", "web"); err != nil || s.Status != "deployed" {
		t.Fatalf("status: %+v, %v", s, err)
	}
}

func TestReleaseErrMapping(t *testing.T) {
	err := releaseErr("ns", "web", driver.NewErrNoDeployedReleases("web"))
	if !errors.Is(err, ErrReleaseNotFound) || !errors.Is(err, driver.ErrNoDeployedReleases) {
		t.Fatalf("mapped: %v", err)
	}
}

// TestKubeMinorMatchesGoMod keeps the dry-run Kubernetes version in step
// with the k8s.io/client-go version in go.mod.
func TestKubeMinorMatchesGoMod(t *testing.T) {
	b, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Skip("go.mod not found:", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == "k8s.io/client-go" {
			parts := strings.Split(strings.TrimPrefix(f[1], "v"), ".")
			if len(parts) < 2 || parts[0] != "0" || parts[1] != kubeMinor {
				t.Fatalf("go.mod has k8s.io/client-go %s; kubeMinor is %s", f[1], kubeMinor)
			}
			return
		}
	}
	t.Fatal("k8s.io/client-go not in go.mod")
}

// TestInstallRenderFailure: a chart that does not render is an error and
// records nothing.
func TestInstallRenderFailure(t *testing.T) {
	dir := writeChartDir(t, "0.1.0", "1.0")
	bad := "{{ required \"image.tag is required\" .Values.image.missing }}\n"
	if err := os.WriteFile(filepath.Join(dir, "templates", "configmap.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	e, _ := newDryRun(t, Config{})
	ctx := context.Background()
	rel, err := e.Install(ctx, "apps", "web", ChartRef{Ref: dir}, nil)
	if err == nil || !strings.Contains(err.Error(), "image.tag is required") || rel != nil {
		t.Fatalf("install of a chart that does not render: %+v, %v", rel, err)
	}
	if _, err := e.Status(ctx, "apps", "web"); !errors.Is(err, ErrReleaseNotFound) {
		t.Fatalf("status: %v", err)
	}
}

// manifest is the rendered manifest of a revision.
func manifest(ctx context.Context, e *Engine, namespace, name string, revision int) (string, error) {
	r, err := e.Rendered(ctx, namespace, name, revision)
	if err != nil {
		return "", err
	}
	return r.Manifest, nil
}
