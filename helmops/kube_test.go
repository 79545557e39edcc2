package helmops

import (
	"context"
	"errors"
	"io"
	"reflect"
	"testing"

	kubefake "helm.sh/helm/v3/pkg/kube/fake"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes/fake"
)

func ptr[T any](v T) *T { return &v }

// newCluster returns a cluster-mode engine over client-go's fake clientset
// holding objects, with Helm's printing kube client (nothing is applied,
// as there is no API server behind the fake).
func newCluster(t *testing.T, objects ...*appsv1.Deployment) (*Engine, *fake.Clientset) {
	t.Helper()
	cs := fake.NewClientset()
	for _, o := range objects {
		if _, err := cs.AppsV1().Deployments(o.Namespace).Create(context.Background(), o, metav1.CreateOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	e, err := New(Config{
		CacheDir:   t.TempDir(),
		Clientset:  cs,
		KubeClient: &kubefake.PrintingKubeClient{Out: io.Discard},
		ChartDirs:  testChartDirs(t),
	}, testLog(t))
	if err != nil {
		t.Fatal(err)
	}
	return e, cs
}

func TestClusterModeReleases(t *testing.T) {
	e, cs := newCluster(t)
	ctx := context.Background()
	if e.Mode() != ModeCluster || !e.Reachable(ctx) {
		t.Fatalf("mode %s, reachable %v", e.Mode(), e.Reachable(ctx))
	}
	ref := ChartRef{Ref: writeChartDir(t, "0.1.0", "1.0")}
	if _, err := e.Install(ctx, "apps", "web", ref, map[string]any{"replicaCount": 4}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Upgrade(ctx, "apps", "web", ref, nil); err != nil {
		t.Fatal(err)
	}
	// Helm keeps cluster-mode releases in Secrets in the release namespace.
	secrets, err := cs.CoreV1().Secrets("apps").List(ctx, metav1.ListOptions{LabelSelector: "owner=helm,name=web"})
	if err != nil || len(secrets.Items) != 2 {
		t.Fatalf("release secrets: %d, %v", len(secrets.Items), err)
	}
	h, err := e.History(ctx, "apps", "web")
	if err != nil || len(h) != 2 || h[0].Revision != 2 || h[1].Status != "superseded" {
		t.Fatalf("history: %+v, %v", h, err)
	}
	if err := e.Uninstall(ctx, "apps", "web"); err != nil {
		t.Fatal(err)
	}
	if err := e.Uninstall(ctx, "apps", "web"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Status(ctx, "apps", "web"); !errors.Is(err, ErrReleaseNotFound) {
		t.Fatalf("status after uninstall: %v", err)
	}
}

func TestScaleCluster(t *testing.T) {
	e, cs := newCluster(t)
	ctx := context.Background()
	ref := ChartRef{Ref: writeChartDir(t, "0.1.0", "1.0")}
	if _, err := e.Install(ctx, "apps", "shop", ref, map[string]any{"replicaCount": 3}); err != nil {
		t.Fatal(err)
	}
	// What the cluster holds for the release (the printing kube client
	// applied nothing): the Deployment with 3 replicas, the StatefulSet
	// with none set, and an object of another release.
	apps := cs.AppsV1()
	mustCreate := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := apps.Deployments("apps").Create(ctx, &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{Name: "shop-web", Namespace: "apps"},
		Spec:       appsv1.DeploymentSpec{Replicas: ptr(int32(3))},
	}, metav1.CreateOptions{})
	mustCreate(err)
	_, err = apps.StatefulSets("apps").Create(ctx, &appsv1.StatefulSet{
		ObjectMeta: metav1.ObjectMeta{Name: "shop-db", Namespace: "apps"},
	}, metav1.CreateOptions{})
	mustCreate(err)
	_, err = apps.Deployments("apps").Create(ctx, &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{Name: "other-web", Namespace: "apps"},
		Spec:       appsv1.DeploymentSpec{Replicas: ptr(int32(2))},
	}, metav1.CreateOptions{})
	mustCreate(err)

	replicas := func(kind, name string) (int32, string) {
		t.Helper()
		var (
			n   *int32
			ann map[string]string
		)
		if kind == "Deployment" {
			d, err := apps.Deployments("apps").Get(ctx, name, metav1.GetOptions{})
			if err != nil {
				t.Fatal(err)
			}
			n, ann = d.Spec.Replicas, d.Annotations
		} else {
			s, err := apps.StatefulSets("apps").Get(ctx, name, metav1.GetOptions{})
			if err != nil {
				t.Fatal(err)
			}
			n, ann = s.Spec.Replicas, s.Annotations
		}
		if n == nil {
			return -1, ann[StoppedReplicasAnnotation]
		}
		return *n, ann[StoppedReplicasAnnotation]
	}

	want := map[string]int32{"Deployment/shop-web": 3, "StatefulSet/shop-db": 1}
	prev, err := e.ScaleDown(ctx, "apps", "shop")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(prev, want) {
		t.Fatalf("scale down: %v, want %v", prev, want)
	}
	if n, ann := replicas("Deployment", "shop-web"); n != 0 || ann != "3" {
		t.Fatalf("shop-web: %d replicas, annotation %q", n, ann)
	}
	if n, ann := replicas("StatefulSet", "shop-db"); n != 0 || ann != "1" {
		t.Fatalf("shop-db: %d replicas, annotation %q", n, ann)
	}
	if n, _ := replicas("Deployment", "other-web"); n != 2 {
		t.Fatalf("another release's deployment was scaled: %d", n)
	}
	// A retried ScaleDown reports the same counts, not zeros.
	again, err := e.ScaleDown(ctx, "apps", "shop")
	if err != nil || !reflect.DeepEqual(again, want) {
		t.Fatalf("repeated scale down: %v, %v", again, err)
	}

	if err := e.ScaleUp(ctx, "apps", "shop", prev); err != nil {
		t.Fatal(err)
	}
	if n, ann := replicas("Deployment", "shop-web"); n != 3 || ann != "" {
		t.Fatalf("shop-web after scale up: %d, annotation %q", n, ann)
	}
	if n, ann := replicas("StatefulSet", "shop-db"); n != 1 || ann != "" {
		t.Fatalf("shop-db after scale up: %d, annotation %q", n, ann)
	}

	// ScaleUp without the map (lost by the caller) uses the annotations.
	if _, err := e.ScaleDown(ctx, "apps", "shop"); err != nil {
		t.Fatal(err)
	}
	if err := e.ScaleUp(ctx, "apps", "shop", nil); err != nil {
		t.Fatal(err)
	}
	if n, _ := replicas("Deployment", "shop-web"); n != 3 {
		t.Fatalf("shop-web restored from its annotation: %d", n)
	}

	// An object of the manifest missing from the cluster is skipped.
	if err := apps.StatefulSets("apps").Delete(ctx, "shop-db", metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	if prev, err := e.ScaleDown(ctx, "apps", "shop"); err != nil || !reflect.DeepEqual(prev, map[string]int32{"Deployment/shop-web": 3}) {
		t.Fatalf("with a missing object: %v, %v", prev, err)
	}
}

func TestEnsureNamespace(t *testing.T) {
	e, cs := newCluster(t)
	ctx := context.Background()
	core := cs.CoreV1()
	if err := e.EnsureNamespace(ctx, "tenant-a", Quota{CPU: "2", Memory: "256Mi", Storage: "20Gi"}); err != nil {
		t.Fatal(err)
	}
	ns, err := core.Namespaces().Get(ctx, "tenant-a", metav1.GetOptions{})
	if err != nil || ns.Labels[managedByLabel] != managedBy {
		t.Fatalf("namespace: %+v, %v", ns, err)
	}
	q, err := core.ResourceQuotas("tenant-a").Get(ctx, QuotaName, metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	wantHard := corev1.ResourceList{
		corev1.ResourceLimitsCPU:       resource.MustParse("2"),
		corev1.ResourceLimitsMemory:    resource.MustParse("256Mi"),
		corev1.ResourceRequestsStorage: resource.MustParse("20Gi"),
	}
	if !sameResources(q.Spec.Hard, wantHard) {
		t.Fatalf("quota: %v", q.Spec.Hard)
	}
	lr, err := core.LimitRanges("tenant-a").Get(ctx, LimitRangeName, metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Memory default limit lowered to the quota (256Mi < 512Mi).
	if d := lr.Spec.Limits[0].Default; d.Cpu().String() != "500m" || d.Memory().String() != "256Mi" {
		t.Fatalf("limit range defaults: %v", d)
	}
	if r := lr.Spec.Limits[0].DefaultRequest; r.Cpu().String() != "100m" || r.Memory().String() != "128Mi" {
		t.Fatalf("limit range requests: %v", r)
	}

	// Idempotent; a changed quota is applied.
	if err := e.EnsureNamespace(ctx, "tenant-a", Quota{CPU: "2", Memory: "256Mi", Storage: "20Gi"}); err != nil {
		t.Fatal(err)
	}
	if err := e.EnsureNamespace(ctx, "tenant-a", Quota{CPU: "4", Memory: "8Gi", Storage: "20Gi"}); err != nil {
		t.Fatal(err)
	}
	q, _ = core.ResourceQuotas("tenant-a").Get(ctx, QuotaName, metav1.GetOptions{})
	if q.Spec.Hard.Name(corev1.ResourceLimitsCPU, resource.DecimalSI).String() != "4" {
		t.Fatalf("updated quota: %v", q.Spec.Hard)
	}
	lr, _ = core.LimitRanges("tenant-a").Get(ctx, LimitRangeName, metav1.GetOptions{})
	if lr.Spec.Limits[0].Default.Memory().String() != "512Mi" {
		t.Fatalf("updated limit range: %v", lr.Spec.Limits[0].Default)
	}

	// No quota: just the namespace.
	if err := e.EnsureNamespace(ctx, "tenant-b", Quota{}); err != nil {
		t.Fatal(err)
	}
	if l, _ := core.ResourceQuotas("tenant-b").List(ctx, metav1.ListOptions{}); len(l.Items) != 0 {
		t.Fatal("a quota was created without limits")
	}

	for _, bad := range []struct {
		ns string
		q  Quota
	}{
		{"Tenant_A", Quota{}},
		{"tenant-c", Quota{CPU: "lots"}},
		{"tenant-c", Quota{Memory: "-1Gi"}},
	} {
		if err := e.EnsureNamespace(ctx, bad.ns, bad.q); err == nil {
			t.Errorf("%q %+v accepted", bad.ns, bad.q)
		}
	}
}

func TestWorkloads(t *testing.T) {
	manifest := `---
# Source: x/templates/a.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: a
spec:
  replicas: 0
---
# Source: x/templates/b.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: b
  namespace: other
---
# Source: x/templates/c.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: c
`
	ws, err := workloads(manifest, "apps")
	if err != nil {
		t.Fatal(err)
	}
	want := []workload{
		{Kind: "Deployment", Name: "a", Namespace: "apps", Replicas: 0},
		{Kind: "StatefulSet", Name: "b", Namespace: "other", Replicas: 1},
	}
	if !reflect.DeepEqual(ws, want) {
		t.Fatalf("workloads: %+v", ws)
	}
}
