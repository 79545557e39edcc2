package helmops

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/woowtech/woow-paas/helmops/kubetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	kubetest.Stop()
	os.Exit(code)
}

// newRealCluster returns a cluster-mode engine on the real API server of
// kubetest (the test is skipped without one; see `make test-kube`).
func newRealCluster(t *testing.T) (*Engine, *kubetest.Cluster) {
	t.Helper()
	c := kubetest.Shared(t)
	e, err := New(Config{
		CacheDir:   t.TempDir(),
		Kubeconfig: c.Kubeconfig,
		ChartDirs:  testChartDirs(t),
		Timeout:    time.Minute,
	}, testLog(t))
	if err != nil {
		t.Fatal(err)
	}
	return e, c
}

// TestRealAPIReleaseLifecycle drives one release through everything the
// platform does to it, against a real kube-apiserver: the objects, their
// replica counts and Helm's release Secrets are read back from the API.
func TestRealAPIReleaseLifecycle(t *testing.T) {
	e, c := newRealCluster(t)
	ctx := context.Background()
	if e.Mode() != ModeCluster || !e.Reachable(ctx) {
		t.Fatalf("mode %s, reachable %v", e.Mode(), e.Reachable(ctx))
	}
	apps, core := c.Clientset.AppsV1(), c.Clientset.CoreV1()
	const ns = "ws-lifecycle"
	if err := e.EnsureNamespace(ctx, ns, Quota{CPU: "2", Memory: "4Gi"}); err != nil {
		t.Fatal(err)
	}
	ref := ChartRef{Ref: writeChartDir(t, "0.1.0", "1.0")}

	replicasOf := func(kind string) int32 {
		t.Helper()
		switch kind {
		case "web":
			d, err := apps.Deployments(ns).Get(ctx, "shop-web", metav1.GetOptions{})
			if err != nil {
				t.Fatal(err)
			}
			return *d.Spec.Replicas
		default:
			s, err := apps.StatefulSets(ns).Get(ctx, "shop-db", metav1.GetOptions{})
			if err != nil {
				t.Fatal(err)
			}
			return *s.Spec.Replicas
		}
	}
	releaseSecrets := func() int {
		t.Helper()
		l, err := core.Secrets(ns).List(ctx, metav1.ListOptions{LabelSelector: "owner=helm,name=shop"})
		if err != nil {
			t.Fatal(err)
		}
		return len(l.Items)
	}

	// Deploy: the workloads exist with the values' replicas.
	rel, err := e.Install(ctx, ns, "shop", ref, map[string]any{"replicaCount": 2})
	if err != nil {
		t.Fatal(err)
	}
	if rel.Revision != 1 || rel.Status != "deployed" || replicasOf("web") != 2 || replicasOf("db") != 1 {
		t.Fatalf("install: %+v, web %d", rel, replicasOf("web"))
	}
	if _, err := core.Services(ns).Get(ctx, "shop-web", metav1.GetOptions{}); err != nil {
		t.Fatalf("service: %v", err)
	}

	// Upgrade: a new revision with the new values, applied.
	if rel, err = e.Upgrade(ctx, ns, "shop", ref, map[string]any{"replicaCount": 3, "db": map[string]any{"replicas": 2}}); err != nil {
		t.Fatal(err)
	}
	if rel.Revision != 2 || replicasOf("web") != 3 || replicasOf("db") != 2 || releaseSecrets() != 2 {
		t.Fatalf("upgrade: revision %d, web %d, db %d, secrets %d", rel.Revision, replicasOf("web"), replicasOf("db"), releaseSecrets())
	}

	// Stop: zero replicas in the API, the old counts kept; a second stop
	// still reports them.
	prev, err := e.ScaleDown(ctx, ns, "shop")
	if err != nil {
		t.Fatal(err)
	}
	if prev["Deployment/shop-web"] != 3 || prev["StatefulSet/shop-db"] != 2 || replicasOf("web") != 0 || replicasOf("db") != 0 {
		t.Fatalf("stop: %v, web %d, db %d", prev, replicasOf("web"), replicasOf("db"))
	}
	d, _ := apps.Deployments(ns).Get(ctx, "shop-web", metav1.GetOptions{})
	if d.Annotations[StoppedReplicasAnnotation] != "3" {
		t.Fatalf("stopped annotation: %v", d.Annotations)
	}
	if again, err := e.ScaleDown(ctx, ns, "shop"); err != nil || again["Deployment/shop-web"] != 3 {
		t.Fatalf("second stop: %v, %v", again, err)
	}

	// Start: the counts back, the annotation gone.
	if err := e.ScaleUp(ctx, ns, "shop", prev); err != nil {
		t.Fatal(err)
	}
	d, _ = apps.Deployments(ns).Get(ctx, "shop-web", metav1.GetOptions{})
	if *d.Spec.Replicas != 3 || replicasOf("db") != 2 || d.Annotations[StoppedReplicasAnnotation] != "" {
		t.Fatalf("start: web %d, db %d, annotations %v", *d.Spec.Replicas, replicasOf("db"), d.Annotations)
	}

	// Rollback to revision 1: a third revision with the first's values.
	if rel, err = e.Rollback(ctx, ns, "shop", 1); err != nil {
		t.Fatal(err)
	}
	if rel.Revision != 3 || replicasOf("web") != 2 || replicasOf("db") != 1 || releaseSecrets() != 3 {
		t.Fatalf("rollback: revision %d, web %d, db %d", rel.Revision, replicasOf("web"), replicasOf("db"))
	}
	h, err := e.History(ctx, ns, "shop")
	if err != nil || len(h) != 3 || h[0].Status != "deployed" || h[1].Status != "superseded" {
		t.Fatalf("history: %+v, %v", h, err)
	}

	// Delete: the objects and the history are gone from the API.
	if err := e.Uninstall(ctx, ns, "shop"); err != nil {
		t.Fatal(err)
	}
	if _, err := apps.Deployments(ns).Get(ctx, "shop-web", metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		t.Fatalf("deployment after delete: %v", err)
	}
	if _, err := core.Services(ns).Get(ctx, "shop-web", metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		t.Fatalf("service after delete: %v", err)
	}
	if n := releaseSecrets(); n != 0 {
		t.Fatalf("%d release secrets after delete", n)
	}
	if _, err := e.Status(ctx, ns, "shop"); !errors.Is(err, ErrReleaseNotFound) {
		t.Fatalf("status after delete: %v", err)
	}
}

// TestRealAPINamespaceQuota checks the namespace, its ResourceQuota and
// LimitRange as the API server stores them, and that the quota changes.
func TestRealAPINamespaceQuota(t *testing.T) {
	e, c := newRealCluster(t)
	ctx := context.Background()
	core := c.Clientset.CoreV1()
	const ns = "ws-quota"
	if err := e.EnsureNamespace(ctx, ns, Quota{CPU: "2", Memory: "4Gi", Storage: "10Gi"}); err != nil {
		t.Fatal(err)
	}
	n, err := core.Namespaces().Get(ctx, ns, metav1.GetOptions{})
	if err != nil || n.Labels[managedByLabel] != managedBy {
		t.Fatalf("namespace: %+v, %v", n, err)
	}
	hard := func() map[string]string {
		t.Helper()
		q, err := core.ResourceQuotas(ns).Get(ctx, QuotaName, metav1.GetOptions{})
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for k, v := range q.Spec.Hard {
			m[string(k)] = v.String()
		}
		return m
	}
	if h := hard(); h["limits.cpu"] != "2" || h["limits.memory"] != "4Gi" || h["requests.storage"] != "10Gi" {
		t.Fatalf("quota: %v", h)
	}
	lr, err := core.LimitRanges(ns).Get(ctx, LimitRangeName, metav1.GetOptions{})
	if err != nil || len(lr.Spec.Limits) != 1 || lr.Spec.Limits[0].Default.Cpu().IsZero() {
		t.Fatalf("limit range: %+v, %v", lr, err)
	}

	// Again with a larger quota: brought up to date, not duplicated.
	if err := e.EnsureNamespace(ctx, ns, Quota{CPU: "4", Memory: "8Gi", Storage: "10Gi"}); err != nil {
		t.Fatal(err)
	}
	if h := hard(); h["limits.cpu"] != "4" || h["limits.memory"] != "8Gi" {
		t.Fatalf("quota after change: %v", h)
	}
	if l, _ := core.ResourceQuotas(ns).List(ctx, metav1.ListOptions{}); len(l.Items) != 1 {
		t.Fatalf("%d quotas", len(l.Items))
	}

}

// TestRealAPIRefusesInvalidObjects checks that what the API server refuses
// reaches the caller as a failed release with the server's reason.
func TestRealAPIRefusesInvalidObjects(t *testing.T) {
	e, _ := newRealCluster(t)
	ctx := context.Background()
	const ns = "ws-invalid"
	if err := e.EnsureNamespace(ctx, ns, Quota{}); err != nil {
		t.Fatal(err)
	}
	ref := ChartRef{Ref: writeChartDir(t, "0.1.0", "1.0")}
	// A negative replica count renders fine and passes Helm, but the API
	// server's validation refuses it.
	rel, err := e.Install(ctx, ns, "bad", ref, map[string]any{"replicaCount": -1})
	if err == nil || !strings.Contains(err.Error(), "must be greater than or equal to 0") {
		t.Fatalf("install with replicas -1: %v", err)
	}
	if rel == nil || rel.Status != "failed" {
		t.Fatalf("release: %+v", rel)
	}
}

// TestRealAPIContainerApp installs the chart built into the binary, with a
// secret environment variable and an Ingress, and checks that the API
// server accepted its objects and that the secret is referenced, not
// inlined.
func TestRealAPIContainerApp(t *testing.T) {
	e, c := newRealCluster(t)
	ctx := context.Background()
	const ns = "ws-container"
	if err := e.EnsureNamespace(ctx, ns, Quota{CPU: "2", Memory: "2Gi"}); err != nil {
		t.Fatal(err)
	}
	values := map[string]any{
		"image": "nginx:1.27", "port": 80, "replicas": 2,
		"env": []any{
			map[string]any{"name": "MODE", "value": "production"},
			map[string]any{"name": "API_KEY", "value": "s3cret-value", "secret": true},
		},
		"ingress": map[string]any{"enabled": true, "hostname": "app.example.test"},
	}
	if _, err := e.Install(ctx, ns, "app", ChartRef{Ref: "builtin://container-app"}, values); err != nil {
		t.Fatal(err)
	}
	deps, err := c.Clientset.AppsV1().Deployments(ns).List(ctx, metav1.ListOptions{})
	if err != nil || len(deps.Items) != 1 {
		t.Fatalf("deployments: %d, %v", len(deps.Items), err)
	}
	d := deps.Items[0]
	ctr := d.Spec.Template.Spec.Containers[0]
	if *d.Spec.Replicas != 2 || ctr.Image != "nginx:1.27" {
		t.Errorf("deployment: replicas %d, image %s", *d.Spec.Replicas, ctr.Image)
	}
	var ref string
	for _, env := range ctr.Env {
		if env.Value == "s3cret-value" {
			t.Errorf("the secret value is inlined in the pod spec")
		}
		if env.Name == "API_KEY" && env.ValueFrom != nil && env.ValueFrom.SecretKeyRef != nil {
			ref = env.ValueFrom.SecretKeyRef.Name
		}
	}
	sec, err := c.Clientset.CoreV1().Secrets(ns).Get(ctx, ref, metav1.GetOptions{})
	if err != nil || string(sec.Data["API_KEY"]) != "s3cret-value" {
		t.Fatalf("API_KEY from secret %q: %v", ref, err)
	}
	ing, err := c.Clientset.NetworkingV1().Ingresses(ns).List(ctx, metav1.ListOptions{})
	if err != nil || len(ing.Items) != 1 || ing.Items[0].Spec.Rules[0].Host != "app.example.test" {
		t.Fatalf("ingresses: %+v, %v", ing, err)
	}
	if err := e.Uninstall(ctx, ns, "app"); err != nil {
		t.Fatal(err)
	}
}
