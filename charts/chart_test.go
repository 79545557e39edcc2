// Package charts holds the Helm chart of Woow PaaS (charts/woow-paas) and
// its tests: the chart is rendered with the Helm SDK for several value sets
// and every object is decoded strictly into its Kubernetes API type, so a
// misspelled field in a template fails.
package charts

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/lint/support"
	"helm.sh/helm/v3/pkg/releaseutil"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"sigs.k8s.io/yaml"
)

const (
	chartDir  = "woow-paas"
	release   = "woow"
	namespace = "woow-system"
	fullname  = "woow-woow-paas"
	// A valid WOOW_SECRET_KEY: 64 hex characters.
	testKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
)

// objects is a rendered release: its objects by kind, then by name
// (namespaced objects as namespace/name).
type objects struct {
	t     *testing.T
	kinds map[string]map[string]any
	notes string
}

func (o objects) names(kind string) []string {
	var names []string
	for n := range o.kinds[kind] {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func get[T any](o objects, kind, name string) *T {
	o.t.Helper()
	obj, ok := o.kinds[kind][name]
	if !ok {
		o.t.Fatalf("no %s %q; have %s: %v", kind, name, kind, o.names(kind))
	}
	return obj.(*T)
}

// kubeVersion is the cluster version the chart is rendered for (without
// a cluster Helm assumes an old one, below the chart's kubeVersion).
func kubeVersion(t *testing.T) *chartutil.KubeVersion {
	t.Helper()
	v, err := chartutil.ParseKubeVersion("v1.33.0")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func loadChart(t *testing.T) *chart.Chart {
	t.Helper()
	ch, err := loader.Load(chartDir)
	if err != nil {
		t.Fatalf("load chart: %v", err)
	}
	return ch
}

// render installs the chart client-only (no cluster) with values given as
// YAML, as `helm install --dry-run` would; the values are checked against
// values.schema.json on the way.
func render(t *testing.T, valuesYAML string) (objects, error) {
	t.Helper()
	vals, err := chartutil.ReadValues([]byte(valuesYAML))
	if err != nil {
		t.Fatalf("values: %v", err)
	}
	install := action.NewInstall(&action.Configuration{Log: func(string, ...any) {}})
	install.DryRun = true
	install.ClientOnly = true
	install.ReleaseName = release
	install.Namespace = namespace
	install.DisableOpenAPIValidation = true
	install.KubeVersion = kubeVersion(t)
	rel, err := install.Run(loadChart(t), vals)
	if err != nil {
		return objects{}, err
	}
	o := objects{t: t, kinds: map[string]map[string]any{}, notes: rel.Info.Notes}
	for _, doc := range releaseutil.SplitManifests(rel.Manifest) {
		var head struct {
			APIVersion string `json:"apiVersion"`
			Kind       string `json:"kind"`
			Metadata   struct {
				Name      string `json:"name"`
				Namespace string `json:"namespace"`
			} `json:"metadata"`
		}
		if err := yaml.Unmarshal([]byte(doc), &head); err != nil {
			t.Fatalf("object header: %v\n%s", err, doc)
		}
		if head.Kind == "" {
			continue // a template that rendered to comments only
		}
		var obj any
		switch head.APIVersion + " " + head.Kind {
		case "apps/v1 Deployment":
			obj = &appsv1.Deployment{}
		case "v1 Service":
			obj = &corev1.Service{}
		case "v1 Secret":
			obj = &corev1.Secret{}
		case "v1 PersistentVolumeClaim":
			obj = &corev1.PersistentVolumeClaim{}
		case "v1 ServiceAccount":
			obj = &corev1.ServiceAccount{}
		case "rbac.authorization.k8s.io/v1 ClusterRole":
			obj = &rbacv1.ClusterRole{}
		case "rbac.authorization.k8s.io/v1 ClusterRoleBinding":
			obj = &rbacv1.ClusterRoleBinding{}
		case "rbac.authorization.k8s.io/v1 Role":
			obj = &rbacv1.Role{}
		case "rbac.authorization.k8s.io/v1 RoleBinding":
			obj = &rbacv1.RoleBinding{}
		case "networking.k8s.io/v1 Ingress":
			obj = &networkingv1.Ingress{}
		case "policy/v1 PodDisruptionBudget":
			obj = &policyv1.PodDisruptionBudget{}
		default:
			t.Fatalf("unexpected object %s %s:\n%s", head.APIVersion, head.Kind, doc)
		}
		if err := yaml.UnmarshalStrict([]byte(doc), obj); err != nil {
			t.Fatalf("%s %s does not decode strictly: %v\n%s", head.Kind, head.Metadata.Name, err, doc)
		}
		name := head.Metadata.Name
		if head.Metadata.Namespace != "" {
			name = head.Metadata.Namespace + "/" + name
		}
		if o.kinds[head.Kind] == nil {
			o.kinds[head.Kind] = map[string]any{}
		}
		if _, dup := o.kinds[head.Kind][name]; dup {
			t.Fatalf("two %s named %s", head.Kind, name)
		}
		o.kinds[head.Kind][name] = obj
	}
	return o, nil
}

func mustRender(t *testing.T, valuesYAML string) objects {
	t.Helper()
	o, err := render(t, valuesYAML)
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	return o
}

func ns(name string) string { return namespace + "/" + name }

func container(t *testing.T, d *appsv1.Deployment) corev1.Container {
	t.Helper()
	if n := len(d.Spec.Template.Spec.Containers); n != 1 {
		t.Fatalf("%d containers, want 1", n)
	}
	return d.Spec.Template.Spec.Containers[0]
}

func env(c corev1.Container, name string) (corev1.EnvVar, bool) {
	for _, e := range c.Env {
		if e.Name == name {
			return e, true
		}
	}
	return corev1.EnvVar{}, false
}

// wantEnvValue asserts that env var name has the literal value.
func wantEnvValue(t *testing.T, c corev1.Container, name, value string) {
	t.Helper()
	e, ok := env(c, name)
	if !ok {
		t.Fatalf("no env %s", name)
	}
	if e.ValueFrom != nil || e.Value != value {
		t.Fatalf("env %s = %q (valueFrom %v), want %q", name, e.Value, e.ValueFrom, value)
	}
}

// wantEnvSecret asserts that env var name comes from key of Secret secret.
func wantEnvSecret(t *testing.T, c corev1.Container, name, secret, key string) {
	t.Helper()
	e, ok := env(c, name)
	if !ok {
		t.Fatalf("no env %s", name)
	}
	if e.Value != "" || e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil {
		t.Fatalf("env %s is not from a Secret: %+v", name, e)
	}
	ref := e.ValueFrom.SecretKeyRef
	if ref.Name != secret || ref.Key != key {
		t.Fatalf("env %s from Secret %s key %s, want %s key %s", name, ref.Name, ref.Key, secret, key)
	}
}

func volume(t *testing.T, d *appsv1.Deployment, name string) corev1.Volume {
	t.Helper()
	for _, v := range d.Spec.Template.Spec.Volumes {
		if v.Name == name {
			return v
		}
	}
	t.Fatalf("no volume %s", name)
	return corev1.Volume{}
}

// checkPod asserts what every value set must give the server's pod.
func checkPod(t *testing.T, d *appsv1.Deployment) {
	t.Helper()
	c := container(t, d)
	if c.Image != "ghcr.io/woowtech/woow-paas:0.1.0" {
		t.Errorf("image %s, want the chart's appVersion as tag", c.Image)
	}
	if len(c.Ports) != 1 || c.Ports[0].Name != "http" || c.Ports[0].ContainerPort != 8080 {
		t.Errorf("ports %+v, want http 8080", c.Ports)
	}
	for _, p := range []struct {
		name  string
		probe *corev1.Probe
		path  string
	}{{"liveness", c.LivenessProbe, "/healthz"}, {"readiness", c.ReadinessProbe, "/readyz"}, {"startup", c.StartupProbe, "/healthz"}} {
		if p.probe == nil || p.probe.HTTPGet == nil {
			t.Errorf("%s probe %+v, want an HTTP GET", p.name, p.probe)
			continue
		}
		if p.probe.HTTPGet.Path != p.path || p.probe.HTTPGet.Port != intstr.FromString("http") {
			t.Errorf("%s probe GET %s on %v, want %s on http", p.name, p.probe.HTTPGet.Path, p.probe.HTTPGet.Port.String(), p.path)
		}
		if p.probe.PeriodSeconds == 0 || p.probe.FailureThreshold == 0 {
			t.Errorf("%s probe without period or threshold: %+v", p.name, p.probe)
		}
	}
	wantEnvValue(t, c, "WOOW_ADDR", "0.0.0.0:8080")
	wantEnvValue(t, c, "WOOW_DATA_DIR", "/data")

	// Restricted Pod Security Standard.
	ps := d.Spec.Template.Spec.SecurityContext
	if ps == nil || ps.RunAsNonRoot == nil || !*ps.RunAsNonRoot || ps.RunAsUser == nil || *ps.RunAsUser != 65532 ||
		ps.SeccompProfile == nil || ps.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault {
		t.Errorf("pod security context %+v", ps)
	}
	sc := c.SecurityContext
	switch {
	case sc == nil:
		t.Fatal("no container security context")
	case sc.RunAsNonRoot == nil || !*sc.RunAsNonRoot, sc.RunAsUser == nil || *sc.RunAsUser != 65532:
		t.Errorf("container may run as root: %+v", sc)
	case sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation:
		t.Error("allowPrivilegeEscalation is not false")
	case sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem:
		t.Error("root file system is not read-only")
	case sc.Capabilities == nil || !slices.Equal(sc.Capabilities.Drop, []corev1.Capability{"ALL"}) || len(sc.Capabilities.Add) != 0:
		t.Errorf("capabilities %+v, want drop ALL", sc.Capabilities)
	case sc.SeccompProfile == nil || sc.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault:
		t.Errorf("seccomp %+v", sc.SeccompProfile)
	}
	if c.Resources.Requests.Memory().IsZero() || c.Resources.Limits.Memory().IsZero() {
		t.Errorf("resources %+v, want memory requests and limits", c.Resources)
	}

	// The only writable paths: /data and /tmp.
	mounts := map[string]string{}
	for _, m := range c.VolumeMounts {
		mounts[m.MountPath] = m.Name
	}
	if mounts["/data"] != "data" || mounts["/tmp"] != "tmp" || len(mounts) != 2 {
		t.Errorf("mounts %v, want data on /data and tmp on /tmp", mounts)
	}
	if v := volume(t, d, "tmp"); v.EmptyDir == nil {
		t.Errorf("tmp volume %+v, want an emptyDir", v)
	}
}

func TestDefaultsSQLiteWithPVC(t *testing.T) {
	o := mustRender(t, "secretKey: "+testKey)
	d := get[appsv1.Deployment](o, "Deployment", ns(fullname))
	checkPod(t, d)
	if *d.Spec.Replicas != 1 {
		t.Errorf("replicas %d, want 1", *d.Spec.Replicas)
	}
	if d.Spec.Strategy.Type != appsv1.RecreateDeploymentStrategyType {
		t.Errorf("strategy %s, want Recreate (one pod at a time on the SQLite volume)", d.Spec.Strategy.Type)
	}
	c := container(t, d)
	wantEnvSecret(t, c, "WOOW_SECRET_KEY", fullname, "secret-key")
	if _, ok := env(c, "DATABASE_URL"); ok {
		t.Error("DATABASE_URL set with SQLite")
	}
	wantEnvValue(t, c, "WOOW_KUBE_IN_CLUSTER", "true")
	wantEnvValue(t, c, "WOOW_TRUST_PROXY", "false")
	if _, ok := env(c, "WOOW_PUBLIC_URL"); ok {
		t.Error("WOOW_PUBLIC_URL set without publicURL or Ingress")
	}

	pvc := get[corev1.PersistentVolumeClaim](o, "PersistentVolumeClaim", ns(fullname))
	if got := pvc.Spec.Resources.Requests.Storage().String(); got != "5Gi" {
		t.Errorf("PVC size %s, want 5Gi", got)
	}
	if pvc.Spec.StorageClassName != nil {
		t.Errorf("storageClassName %q, want the default class (unset)", *pvc.Spec.StorageClassName)
	}
	if pvc.Annotations["helm.sh/resource-policy"] != "keep" {
		t.Error("the PVC is not kept on uninstall")
	}
	if v := volume(t, d, "data"); v.PersistentVolumeClaim == nil || v.PersistentVolumeClaim.ClaimName != fullname {
		t.Errorf("data volume %+v, want the PVC", v)
	}

	s := get[corev1.Secret](o, "Secret", ns(fullname))
	if string(s.Data["secret-key"]) != testKey || len(s.Data) != 1 {
		t.Errorf("Secret data %v, want the secret key only", s.Data)
	}
	if _, ok := d.Spec.Template.Annotations["checksum/secret"]; !ok {
		t.Error("no checksum/secret annotation: pods would not restart when the Secret changes")
	}

	svc := get[corev1.Service](o, "Service", ns(fullname))
	if svc.Spec.Type != corev1.ServiceTypeClusterIP || len(svc.Spec.Ports) != 1 || svc.Spec.Ports[0].Port != 80 ||
		svc.Spec.Ports[0].TargetPort != intstr.FromString("http") {
		t.Errorf("service %+v", svc.Spec)
	}
	for k, v := range d.Spec.Selector.MatchLabels {
		if svc.Spec.Selector[k] != v || d.Spec.Template.Labels[k] != v {
			t.Errorf("selector label %s=%s not on the Service selector and the pod", k, v)
		}
	}

	if n := len(o.kinds["PodDisruptionBudget"]); n != 0 {
		t.Errorf("%d PodDisruptionBudgets with one replica, want none", n)
	}
	if n := len(o.kinds["Ingress"]); n != 0 {
		t.Errorf("%d Ingresses by default, want none", n)
	}

	// Service account and RBAC (scope cluster).
	sa := get[corev1.ServiceAccount](o, "ServiceAccount", ns(fullname))
	if d.Spec.Template.Spec.ServiceAccountName != sa.Name {
		t.Errorf("pod runs as %s, want %s", d.Spec.Template.Spec.ServiceAccountName, sa.Name)
	}
	if a := d.Spec.Template.Spec.AutomountServiceAccountToken; a == nil || !*a {
		t.Error("the token is not mounted though the server deploys in-cluster")
	}
	nsRole := get[rbacv1.ClusterRole](o, "ClusterRole", fullname+"-namespaces")
	if len(nsRole.Rules) != 1 || !slices.Equal(nsRole.Rules[0].Resources, []string{"namespaces"}) ||
		!slices.Contains(nsRole.Rules[0].Verbs, "create") || slices.Contains(nsRole.Rules[0].Verbs, "delete") {
		t.Errorf("namespaces role %+v, want namespaces get/list/watch/create", nsRole.Rules)
	}
	deployer := get[rbacv1.ClusterRole](o, "ClusterRole", fullname+"-deployer")
	granted := map[string][]string{}
	for _, r := range deployer.Rules {
		for _, g := range r.APIGroups {
			for _, res := range r.Resources {
				granted[g+"/"+res] = append(granted[g+"/"+res], r.Verbs...)
			}
			if g == "*" || slices.Contains(r.Resources, "*") || slices.Contains(r.Verbs, "*") {
				t.Errorf("wildcard rule %+v", r)
			}
		}
	}
	// What helmops does itself: quota, limit range, release records, scaling.
	for _, need := range []string{"/resourcequotas", "/limitranges", "/secrets", "apps/deployments", "apps/statefulsets"} {
		for _, verb := range []string{"get", "create", "update"} {
			if !slices.Contains(granted[need], verb) {
				t.Errorf("deployer role lacks %s on %s", verb, need)
			}
		}
	}
	for _, need := range []string{"apps/deployments", "apps/statefulsets"} {
		if !slices.Contains(granted[need], "patch") {
			t.Errorf("deployer role cannot scale %s (patch)", need)
		}
	}
	for _, name := range []string{fullname + "-namespaces", fullname + "-deployer"} {
		b := get[rbacv1.ClusterRoleBinding](o, "ClusterRoleBinding", name)
		if b.RoleRef.Kind != "ClusterRole" || b.RoleRef.Name != name || len(b.Subjects) != 1 ||
			b.Subjects[0].Kind != "ServiceAccount" || b.Subjects[0].Name != sa.Name || b.Subjects[0].Namespace != namespace {
			t.Errorf("binding %s: %+v %+v", name, b.RoleRef, b.Subjects)
		}
	}
	if n := len(o.kinds["RoleBinding"]); n != 0 {
		t.Errorf("%d RoleBindings with scope cluster", n)
	}
	if !strings.Contains(o.notes, "SQLite") {
		t.Errorf("notes do not say SQLite:\n%s", o.notes)
	}
}

func checkPostgres(t *testing.T, o objects, secret, key string) *appsv1.Deployment {
	t.Helper()
	d := get[appsv1.Deployment](o, "Deployment", ns(fullname))
	checkPod(t, d)
	if *d.Spec.Replicas != 3 {
		t.Errorf("replicas %d, want 3", *d.Spec.Replicas)
	}
	if d.Spec.Strategy.Type != appsv1.RollingUpdateDeploymentStrategyType {
		t.Errorf("strategy %s, want RollingUpdate", d.Spec.Strategy.Type)
	}
	c := container(t, d)
	wantEnvSecret(t, c, "DATABASE_URL", secret, key)
	if n := len(o.kinds["PersistentVolumeClaim"]); n != 0 {
		t.Errorf("%d PVCs with PostgreSQL, want none", n)
	}
	if v := volume(t, d, "data"); v.EmptyDir == nil {
		t.Errorf("data volume %+v, want an emptyDir with PostgreSQL", v)
	}
	pdb := get[policyv1.PodDisruptionBudget](o, "PodDisruptionBudget", ns(fullname))
	if pdb.Spec.MinAvailable == nil || *pdb.Spec.MinAvailable != intstr.FromInt32(1) {
		t.Errorf("PDB minAvailable %v, want 1", pdb.Spec.MinAvailable)
	}
	for k, v := range d.Spec.Selector.MatchLabels {
		if pdb.Spec.Selector.MatchLabels[k] != v {
			t.Errorf("PDB selector lacks %s=%s", k, v)
		}
	}
	return d
}

func TestPostgresURLThreeReplicas(t *testing.T) {
	url := "postgres://woow:pw@db:5432/woow?sslmode=require"
	o := mustRender(t, fmt.Sprintf("replicaCount: 3\nsecretKey: %s\ndatabase:\n  url: %q\n", testKey, url))
	d := checkPostgres(t, o, fullname, "database-url")
	wantEnvSecret(t, container(t, d), "WOOW_SECRET_KEY", fullname, "secret-key")
	s := get[corev1.Secret](o, "Secret", ns(fullname))
	if string(s.Data["database-url"]) != url || string(s.Data["secret-key"]) != testKey {
		t.Errorf("Secret data %v", s.Data)
	}
	if !strings.Contains(o.notes, "PostgreSQL (3 replica(s))") {
		t.Errorf("notes:\n%s", o.notes)
	}
}

func TestPostgresExistingSecretsThreeReplicas(t *testing.T) {
	o := mustRender(t, `
replicaCount: 3
existingSecret: woow-keys
database:
  existingSecret: woow-db
  existingSecretKey: uri
pdb:
  minAvailable: 2
`)
	d := get[appsv1.Deployment](o, "Deployment", ns(fullname))
	c := container(t, d)
	wantEnvSecret(t, c, "DATABASE_URL", "woow-db", "uri")
	wantEnvSecret(t, c, "WOOW_SECRET_KEY", "woow-keys", "secret-key")
	if n := len(o.kinds["Secret"]); n != 0 {
		t.Errorf("%d Secrets made though both are existing, want none", n)
	}
	if n := len(o.kinds["PersistentVolumeClaim"]); n != 0 {
		t.Errorf("%d PVCs with PostgreSQL, want none", n)
	}
	pdb := get[policyv1.PodDisruptionBudget](o, "PodDisruptionBudget", ns(fullname))
	if *pdb.Spec.MinAvailable != intstr.FromInt32(2) {
		t.Errorf("PDB minAvailable %v, want 2", pdb.Spec.MinAvailable)
	}
	if *d.Spec.Replicas != 3 {
		t.Errorf("replicas %d", *d.Spec.Replicas)
	}
}

func TestIngressWithTLS(t *testing.T) {
	o := mustRender(t, `
secretKey: `+testKey+`
ingress:
  enabled: true
  className: nginx
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt
  hosts:
    - host: paas.example.org
      paths:
        - path: /
          pathType: Prefix
  tls:
    - secretName: paas-tls
      hosts: [paas.example.org]
config:
  domain: apps.example.org
  logLevel: debug
  allowedOrigins: [https://admin.example.org, https://x.example.org]
extraEnv:
  - name: WOOW_CHART_DIRS
    value: /charts
`)
	in := get[networkingv1.Ingress](o, "Ingress", ns(fullname))
	if in.Spec.IngressClassName == nil || *in.Spec.IngressClassName != "nginx" {
		t.Errorf("ingress class %v", in.Spec.IngressClassName)
	}
	if in.Annotations["cert-manager.io/cluster-issuer"] != "letsencrypt" {
		t.Errorf("annotations %v", in.Annotations)
	}
	if len(in.Spec.TLS) != 1 || in.Spec.TLS[0].SecretName != "paas-tls" || !slices.Equal(in.Spec.TLS[0].Hosts, []string{"paas.example.org"}) {
		t.Errorf("tls %+v", in.Spec.TLS)
	}
	if len(in.Spec.Rules) != 1 || in.Spec.Rules[0].Host != "paas.example.org" || in.Spec.Rules[0].HTTP == nil ||
		len(in.Spec.Rules[0].HTTP.Paths) != 1 {
		t.Fatalf("rules %+v", in.Spec.Rules)
	}
	p := in.Spec.Rules[0].HTTP.Paths[0]
	if p.Path != "/" || p.PathType == nil || *p.PathType != networkingv1.PathTypePrefix ||
		p.Backend.Service == nil || p.Backend.Service.Name != fullname || p.Backend.Service.Port.Number != 80 {
		t.Errorf("path %+v backend %+v", p, p.Backend.Service)
	}
	d := get[appsv1.Deployment](o, "Deployment", ns(fullname))
	checkPod(t, d)
	c := container(t, d)
	wantEnvValue(t, c, "WOOW_PUBLIC_URL", "https://paas.example.org")
	wantEnvValue(t, c, "WOOW_TRUST_PROXY", "true")
	wantEnvValue(t, c, "WOOW_DOMAIN", "apps.example.org")
	wantEnvValue(t, c, "WOOW_LOG_LEVEL", "debug")
	wantEnvValue(t, c, "WOOW_ALLOWED_ORIGINS", "https://admin.example.org,https://x.example.org")
	wantEnvValue(t, c, "WOOW_CHART_DIRS", "/charts")
	if !strings.Contains(o.notes, "https://paas.example.org") {
		t.Errorf("notes:\n%s", o.notes)
	}
}

func TestRBACAndServiceAccountOff(t *testing.T) {
	o := mustRender(t, `
secretKey: `+testKey+`
serviceAccount:
  create: false
  name: woow-deployer
rbac:
  create: false
`)
	for _, kind := range []string{"ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"} {
		if n := len(o.kinds[kind]); n != 0 {
			t.Errorf("%d %s objects with serviceAccount and rbac off", n, kind)
		}
	}
	d := get[appsv1.Deployment](o, "Deployment", ns(fullname))
	checkPod(t, d)
	if d.Spec.Template.Spec.ServiceAccountName != "woow-deployer" {
		t.Errorf("service account %q, want the one named", d.Spec.Template.Spec.ServiceAccountName)
	}

	// Not deploying into the cluster: no token in the pod.
	o = mustRender(t, "secretKey: "+testKey+"\nrbac: {create: false}\nserviceAccount: {create: false}\nconfig: {kubeInCluster: false}\n")
	d = get[appsv1.Deployment](o, "Deployment", ns(fullname))
	if a := d.Spec.Template.Spec.AutomountServiceAccountToken; a == nil || *a {
		t.Error("token mounted though the server does not deploy in-cluster")
	}
	if d.Spec.Template.Spec.ServiceAccountName != "default" {
		t.Errorf("service account %q, want default", d.Spec.Template.Spec.ServiceAccountName)
	}
	wantEnvValue(t, container(t, d), "WOOW_KUBE_IN_CLUSTER", "false")
	if !strings.Contains(o.notes, "dry-run") {
		t.Errorf("notes:\n%s", o.notes)
	}
}

func TestRBACNamespacesScope(t *testing.T) {
	o := mustRender(t, `
secretKey: `+testKey+`
rbac:
  scope: namespaces
  namespaces: [paas-ws-0a1b2c3d, paas-ws-4e5f6a7b]
  extraRules:
    - apiGroups: [monitoring.coreos.com]
      resources: [servicemonitors]
      verbs: [get, list, create, update, patch, delete]
`)
	if got := o.names("RoleBinding"); !slices.Equal(got, []string{"paas-ws-0a1b2c3d/" + fullname + "-deployer", "paas-ws-4e5f6a7b/" + fullname + "-deployer"}) {
		t.Errorf("RoleBindings %v", got)
	}
	rb := get[rbacv1.RoleBinding](o, "RoleBinding", "paas-ws-0a1b2c3d/"+fullname+"-deployer")
	if rb.RoleRef.Kind != "ClusterRole" || rb.RoleRef.Name != fullname+"-deployer" || rb.Subjects[0].Namespace != namespace {
		t.Errorf("binding %+v %+v", rb.RoleRef, rb.Subjects)
	}
	if got := o.names("ClusterRoleBinding"); !slices.Equal(got, []string{fullname + "-namespaces"}) {
		t.Errorf("ClusterRoleBindings %v, want only the namespaces one", got)
	}
	nsRole := get[rbacv1.ClusterRole](o, "ClusterRole", fullname+"-namespaces")
	if slices.Contains(nsRole.Rules[0].Verbs, "create") {
		t.Error("scope namespaces may still create namespaces")
	}
	deployer := get[rbacv1.ClusterRole](o, "ClusterRole", fullname+"-deployer")
	last := deployer.Rules[len(deployer.Rules)-1]
	if !slices.Equal(last.APIGroups, []string{"monitoring.coreos.com"}) {
		t.Errorf("extra rule missing: %+v", last)
	}
}

func TestPersistenceOff(t *testing.T) {
	o := mustRender(t, "secretKey: "+testKey+"\npersistence:\n  enabled: false\n")
	if n := len(o.kinds["PersistentVolumeClaim"]); n != 0 {
		t.Errorf("%d PVCs with persistence off", n)
	}
	d := get[appsv1.Deployment](o, "Deployment", ns(fullname))
	checkPod(t, d)
	if v := volume(t, d, "data"); v.EmptyDir == nil {
		t.Errorf("data volume %+v, want an emptyDir", v)
	}
	if !strings.Contains(o.notes, "LOST") {
		t.Errorf("notes do not warn that the data is lost:\n%s", o.notes)
	}

	// An existing claim: used, none made.
	o = mustRender(t, "secretKey: "+testKey+"\npersistence:\n  existingClaim: my-data\n  storageClass: fast\n")
	if n := len(o.kinds["PersistentVolumeClaim"]); n != 0 {
		t.Errorf("%d PVCs with an existing claim", n)
	}
	d = get[appsv1.Deployment](o, "Deployment", ns(fullname))
	if v := volume(t, d, "data"); v.PersistentVolumeClaim == nil || v.PersistentVolumeClaim.ClaimName != "my-data" {
		t.Errorf("data volume %+v, want claim my-data", v)
	}

	o = mustRender(t, "secretKey: "+testKey+"\npersistence:\n  storageClass: \"-\"\n  size: 20Gi\n")
	pvc := get[corev1.PersistentVolumeClaim](o, "PersistentVolumeClaim", ns(fullname))
	if pvc.Spec.StorageClassName == nil || *pvc.Spec.StorageClassName != "" {
		t.Errorf("storageClassName %v, want \"\" for \"-\"", pvc.Spec.StorageClassName)
	}
	if pvc.Spec.Resources.Requests.Storage().String() != "20Gi" {
		t.Errorf("size %s", pvc.Spec.Resources.Requests.Storage())
	}
}

func TestSecretsFromValues(t *testing.T) {
	o := mustRender(t, `
secretKey: `+testKey+`
config:
  publicURL: https://paas.example.org/
  smtpURL: smtps://u:p@mail.example.org:465
  mailFrom: Woow <noreply@example.org>
  assistantHeartbeat: 2s
  cloudflare:
    apiToken: cf-token
    accountID: acc
    zoneID: zone
`)
	s := get[corev1.Secret](o, "Secret", ns(fullname))
	if string(s.Data["smtp-url"]) != "smtps://u:p@mail.example.org:465" || string(s.Data["cloudflare-api-token"]) != "cf-token" {
		t.Errorf("Secret data %v", s.Data)
	}
	c := container(t, get[appsv1.Deployment](o, "Deployment", ns(fullname)))
	wantEnvSecret(t, c, "WOOW_SMTP_URL", fullname, "smtp-url")
	wantEnvSecret(t, c, "WOOW_CLOUDFLARE_API_TOKEN", fullname, "cloudflare-api-token")
	wantEnvValue(t, c, "WOOW_CLOUDFLARE_ACCOUNT_ID", "acc")
	wantEnvValue(t, c, "WOOW_CLOUDFLARE_ZONE_ID", "zone")
	wantEnvValue(t, c, "WOOW_MAIL_FROM", "Woow <noreply@example.org>")
	wantEnvValue(t, c, "WOOW_PUBLIC_URL", "https://paas.example.org/")
	wantEnvValue(t, c, "WOOW_ASSISTANT_HEARTBEAT", "2s")
}

// TestRefused: value sets the chart must refuse, each with the message
// that names the fix.
func TestRefused(t *testing.T) {
	for _, tc := range []struct {
		name, values, want string
	}{
		{"replicas on SQLite", "secretKey: " + testKey + "\nreplicaCount: 3\n", "replicaCount 3 needs PostgreSQL"},
		{"replicas on SQLite without persistence", "secretKey: " + testKey + "\nreplicaCount: 2\npersistence: {enabled: false}\n", "replicaCount 2 needs PostgreSQL"},
		{"no secret key", "{}", "Set secretKey (make one with: openssl rand -hex 32)"},
		{"no secret key with PostgreSQL", "database: {url: 'postgres://db/woow'}\n", "Set secretKey"},
		{"short secret key", "secretKey: tooshort\n", "secretKey"},
		{"misspelled top-level value", "secretKey: " + testKey + "\nreplicaCont: 2\n", "replicaCont"},
		{"misspelled nested value", "secretKey: " + testKey + "\npersistence: {enabeld: false}\n", "enabeld"},
		{"wrong type", "secretKey: " + testKey + "\nreplicaCount: three\n", "replicaCount"},
		{"not a PostgreSQL URL", "secretKey: " + testKey + "\ndatabase: {url: 'mysql://db/woow'}\n", "database"},
		{"namespaces scope without namespaces", "secretKey: " + testKey + "\nrbac: {scope: namespaces}\n", "rbac.namespaces"},
		{"unknown rbac scope", "secretKey: " + testKey + "\nrbac: {scope: everywhere}\n", "scope"},
		{"SMTP without sender", "secretKey: " + testKey + "\nconfig: {smtpURL: 'smtps://mail:465', publicURL: 'https://x.org'}\n", "config.mailFrom"},
		{"SMTP without public URL", "secretKey: " + testKey + "\nconfig: {smtpURL: 'smtps://mail:465', mailFrom: 'a@b.org'}\n", "config.publicURL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := render(t, tc.values)
			if err == nil {
				t.Fatal("rendered, want refused")
			}
			t.Log(err)
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q does not mention %q", err, tc.want)
			}
		})
	}
	// The schema, not a template, refuses the typo.
	_, err := render(t, "secretKey: "+testKey+"\nreplicaCont: 2\n")
	if !strings.Contains(err.Error(), "values don't meet the specifications of the schema") {
		t.Errorf("typo refused by something else than the schema: %v", err)
	}
}

// TestLint runs `helm lint` (strict: warnings fail) through the SDK.
func TestLint(t *testing.T) {
	lint := action.NewLint()
	lint.Strict = true
	lint.Namespace = namespace
	lint.KubeVersion = kubeVersion(t)
	abs, err := filepath.Abs(chartDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, vals := range []map[string]any{
		{"secretKey": testKey},
		{"secretKey": testKey, "replicaCount": 3, "database": map[string]any{"url": "postgres://db/woow"}},
	} {
		res := lint.Run([]string{abs}, vals)
		for _, m := range res.Messages {
			// INFO messages (e.g. "icon is recommended") do not fail.
			if m.Severity > support.InfoSev {
				t.Errorf("lint: %s", m)
			}
		}
		for _, err := range res.Errors {
			t.Errorf("lint error: %v", err)
		}
	}
	// Lint checks the values against the schema (its templates ignore
	// `fail`, as `helm lint` does): a misspelled value must fail.
	res := lint.Run([]string{abs}, map[string]any{"secretKey": testKey, "replicaCont": 2})
	if !slices.ContainsFunc(res.Messages, func(m support.Message) bool {
		return m.Severity == support.ErrorSev && strings.Contains(m.Err.Error(), "replicaCont")
	}) {
		t.Errorf("lint passed a misspelled value: %v", res.Messages)
	}
}
