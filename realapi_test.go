package main

// Cluster mode end to end: the real server with WOOW_KUBECONFIG pointing at
// a real kube-apiserver (helmops/kubetest; `make test-kube` builds it and
// runs these tests, which skip without it). What users do through GraphQL
// is checked on the objects the API server holds.

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/helmops/kubetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	kubetest.Stop()
	os.Exit(code)
}

func TestRealAPIServices(t *testing.T) {
	cluster := kubetest.Shared(t)
	ctx := context.Background()
	apps, core := cluster.Clientset.AppsV1(), cluster.Clientset.CoreV1()

	charts := t.TempDir()
	env := newTestEnv(t)
	env["WOOW_CHART_DIRS"] = charts
	env["WOOW_KUBECONFIG"] = cluster.Kubeconfig
	env["WOOW_NAMESPACE_QUOTA"] = "cpu=4,memory=8Gi,storage=50Gi"
	srv := startServer(t, env)
	base := srv.URL
	chartDir := filepath.Join(charts, "e2eapp")
	writeChart(t, chartDir)

	root := register(t, base, "root@x.io", "Root")
	owner := register(t, base, "owner@x.io", "Olive")
	data := owner.mustDo(t, createWorkspaceMut, map[string]any{"name": "Kube Co"})
	wsID := pick[string](t, data, "createWorkspace.workspace.id")
	ns := pick[string](t, owner.mustDo(t, `query($id: ID!) { node(id: $id) { ... on Workspace { namespace } } }`,
		map[string]any{"id": wsID}), "node.namespace")

	data = owner.mustDo(t, clusterQuery, nil)
	if mode, reachable := pick[string](t, data, "cluster.mode"), pick[bool](t, data, "cluster.reachable"); mode != "cluster" || !reachable {
		t.Fatalf("cluster = %s / %v, want cluster / true", mode, reachable)
	}

	data = root.mustDo(t, createTemplateMut, map[string]any{"input": map[string]any{
		"name": "Kube App", "slug": "kube-app", "category": "web", "chartRef": chartDir,
		"defaultValues": map[string]any{"replicaCount": 2},
		"valueSpecs": map[string]any{
			"required": []any{map[string]any{"key": "auth.password", "label": "Password", "type": "password"}},
			"optional": []any{map[string]any{"key": "replicaCount", "label": "Replicas", "type": "number"}},
		},
	}})
	tplID := pick[string](t, data, "createAppTemplate.appTemplate.id")

	ws := mustDialWS(t, base, "owner", wsDial{token: owner.sessionCookie(t), origin: base}, nil)
	data = owner.mustDo(t, deployServiceMut, map[string]any{"input": map[string]any{
		"workspaceId": wsID, "templateId": tplID, "name": "Shop",
		"values": map[string]any{"auth.password": svcE2EPassword, "replicaCount": 3},
	}})
	svcID := pick[string](t, data, "deployService.service.id")
	ws.subscribe(t, "ev", serviceEventsSub, map[string]any{"id": svcID})
	s := &svcStreams{t: t, ws: ws, eventsID: "ev"}
	s.until("running")

	// The namespace, with the quota of the setting.
	q, err := core.ResourceQuotas(ns).Get(ctx, helmops.QuotaName, metav1.GetOptions{})
	if err != nil {
		t.Fatalf("the workspace namespace's quota: %v", err)
	}
	if cpu, mem := q.Spec.Hard["limits.cpu"], q.Spec.Hard["limits.memory"]; cpu.String() != "4" || mem.String() != "8Gi" {
		t.Errorf("quota %v", q.Spec.Hard)
	}

	// The release's objects, as the API server holds them.
	var web string
	replicas := func() int32 {
		t.Helper()
		if web == "" {
			l, err := apps.Deployments(ns).List(ctx, metav1.ListOptions{})
			if err != nil || len(l.Items) != 1 {
				t.Fatalf("deployments in %s: %d, %v", ns, len(l.Items), err)
			}
			web = l.Items[0].Name
		}
		d, err := apps.Deployments(ns).Get(ctx, web, metav1.GetOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return *d.Spec.Replicas
	}
	if n := replicas(); n != 3 {
		t.Errorf("deployed with %d replicas, want 3", n)
	}
	secrets, err := core.Secrets(ns).List(ctx, metav1.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var auth bool
	for _, sec := range secrets.Items {
		if string(sec.Data["password"]) == svcE2EPassword {
			auth = true
		}
	}
	if !auth {
		t.Errorf("no Secret holds the password among %d secrets", len(secrets.Items))
	}

	owner.mustDo(t, updateServiceMut, map[string]any{"input": map[string]any{"id": svcID,
		"values": map[string]any{"replicaCount": 4, "auth.password": svcE2ENewPassword}}})
	s.until("running")
	if n := replicas(); n != 4 {
		t.Errorf("upgraded to %d replicas, want 4", n)
	}

	owner.mustDo(t, stopServiceMut, map[string]any{"id": svcID})
	s.until("stopped")
	if n := replicas(); n != 0 {
		t.Errorf("stopped with %d replicas, want 0", n)
	}
	owner.mustDo(t, startServiceMut, map[string]any{"id": svcID})
	s.until("running")
	if n := replicas(); n != 4 {
		t.Errorf("started with %d replicas, want 4", n)
	}

	owner.mustDo(t, rollbackMut, map[string]any{"id": svcID}) // to revision 1
	s.until("running")
	if n := replicas(); n != 3 {
		t.Errorf("rolled back to %d replicas, want 3", n)
	}
	if rev := pick[int](t, owner.mustDo(t, serviceQuery, map[string]any{"id": svcID}), "node.helmRevision"); rev != 3 {
		t.Errorf("revision %d after the rollback, want 3", rev)
	}

	owner.mustDo(t, deleteServiceMut, map[string]any{"id": svcID})
	s.until("gone")
	if _, err := apps.Deployments(ns).Get(ctx, web, metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		t.Errorf("the deployment after delete: %v", err)
	}
	if l, err := core.Secrets(ns).List(ctx, metav1.ListOptions{LabelSelector: "owner=helm"}); err != nil || len(l.Items) != 0 {
		t.Errorf("release secrets after delete: %d, %v", len(l.Items), err)
	}
}
