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
