package helmops

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/engine"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	"sigs.k8s.io/yaml"
)

// TestBuiltinContainerApp renders the built-in chart with real Helm for
// several value sets and decodes each object strictly.
func TestBuiltinContainerApp(t *testing.T) {
	cases := []struct {
		name   string
		values map[string]any
		kinds  []string
	}{
		{"minimal", map[string]any{"image": "nginx:1.27"}, []string{"Deployment", "Service"}},
		{"env and volume", map[string]any{"image": "ghcr.io/x/y:1", "port": 3000, "replicas": 2,
			"env":    []any{map[string]any{"name": "MODE", "value": "prod"}, map[string]any{"name": "TOKEN", "value": "s3cret", "secret": true}},
			"volume": map[string]any{"enabled": true, "size": "2Gi"}},
			[]string{"Deployment", "PersistentVolumeClaim", "Secret", "Service"}},
		// As the seeded template deploys it: resources set, the host
		// name the platform wires into ingress.
		{"resources and ingress", map[string]any{"image": "nginx:1.27",
			"resources": map[string]any{"limits": map[string]any{"memory": "512Mi"}},
			"ingress":   map[string]any{"enabled": true, "hostname": "app.example.com"}},
			[]string{"Deployment", "Ingress", "Service"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ch, err := BuiltinChart("builtin://container-app")
			if err != nil {
				t.Fatal(err)
			}
			vals, err := chartutil.ToRenderValues(ch, c.values, chartutil.ReleaseOptions{Name: "svc-1", Namespace: "ns", IsInstall: true}, chartutil.DefaultCapabilities)
			if err != nil {
				t.Fatal(err)
			}
			out, err := engine.Render(ch, vals)
			if err != nil {
				t.Fatal(err)
			}
			var kinds []string
			for name, doc := range out {
				if strings.TrimSpace(doc) == "" || strings.HasSuffix(name, ".tpl") {
					continue
				}
				var meta struct{ Kind string }
				if err := yaml.Unmarshal([]byte(doc), &meta); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				kinds = append(kinds, meta.Kind)
				var obj any
				switch meta.Kind {
				case "Deployment":
					obj = &appsv1.Deployment{}
				case "Service":
					obj = &corev1.Service{}
				case "Secret":
					obj = &corev1.Secret{}
				case "PersistentVolumeClaim":
					obj = &corev1.PersistentVolumeClaim{}
				case "Ingress":
					obj = &networkingv1.Ingress{}
				default:
					t.Fatalf("%s: unexpected kind %q", name, meta.Kind)
				}
				if err := yaml.UnmarshalStrict([]byte(doc), obj); err != nil {
					t.Fatalf("%s: strict decode: %v\n%s", name, err, doc)
				}
				if d, ok := obj.(*appsv1.Deployment); ok && d.Spec.Template.Spec.Containers[0].Image != c.values["image"] {
					t.Errorf("image %q", d.Spec.Template.Spec.Containers[0].Image)
				}
				if meta.Kind == "Deployment" && bytes.Contains([]byte(doc), []byte("s3cret")) {
					t.Error("secret value in the Deployment")
				}
				checkObject(t, obj)
			}
			if strings.Join(sortStrings(kinds), ",") != strings.Join(c.kinds, ",") {
				t.Errorf("kinds %v, want %v", kinds, c.kinds)
			}
		})
	}
	if _, err := BuiltinChart("builtin://nope"); !errors.Is(err, ErrChartNotFound) {
		t.Errorf("unknown built-in chart: %v", err)
	}
	if (ChartRef{Ref: "builtin://container-app"}).IsLocal() {
		t.Error("a built-in chart counts as local")
	}
}

// checkObject checks what the chart promises of each object: secret
// variables come from the Secret by reference (never inline), the Secret
// holds them, plain ones are inline; resources and the volume as given.
func checkObject(t *testing.T, obj any) {
	t.Helper()
	switch o := obj.(type) {
	case *appsv1.Deployment:
		c := o.Spec.Template.Spec.Containers[0]
		for _, e := range c.Env {
			switch e.Name {
			case "TOKEN":
				if e.Value != "" || e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil ||
					e.ValueFrom.SecretKeyRef.Name != "svc-1-env" || e.ValueFrom.SecretKeyRef.Key != "TOKEN" {
					t.Errorf("secret variable %+v: want a reference to svc-1-env/TOKEN", e)
				}
			case "MODE":
				if e.Value != "prod" || e.ValueFrom != nil {
					t.Errorf("plain variable %+v", e)
				}
			}
		}
		if len(c.VolumeMounts) > 0 && (c.VolumeMounts[0].MountPath != "/data" || o.Spec.Template.Spec.Volumes[0].PersistentVolumeClaim.ClaimName != "svc-1-data") {
			t.Errorf("volume %+v %+v", c.VolumeMounts, o.Spec.Template.Spec.Volumes)
		}
		if c.Resources.Limits.Memory().String() == "" || c.Resources.Requests.Cpu().String() != "50m" {
			t.Errorf("resources %+v", c.Resources)
		}
	case *corev1.Secret:
		if o.Name != "svc-1-env" || string(o.Data["TOKEN"]) != "s3cret" || len(o.Data) != 1 {
			t.Errorf("secret %s: %v", o.Name, o.Data)
		}
	case *corev1.PersistentVolumeClaim:
		if q := o.Spec.Resources.Requests[corev1.ResourceStorage]; q.String() != "2Gi" {
			t.Errorf("volume size %s", q.String())
		}
	case *networkingv1.Ingress:
		r := o.Spec.Rules[0]
		if r.Host != "app.example.com" || r.HTTP.Paths[0].Backend.Service.Name != "svc-1" || r.HTTP.Paths[0].Backend.Service.Port.Name != "http" {
			t.Errorf("ingress %+v", o.Spec)
		}
	}
}

func sortStrings(s []string) []string {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s
}
