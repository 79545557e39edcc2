package catalog

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/valuespec"
)

func seed(t *testing.T) map[string]Template {
	t.Helper()
	ts, err := Seed()
	if err != nil {
		t.Fatalf("Seed: %v", err)
	}
	var slugs []string
	m := map[string]Template{}
	for _, tp := range ts {
		slugs = append(slugs, tp.Slug)
		m[tp.Slug] = tp
	}
	if want := []string{"postgresql", "n8n", "redis", "odoo"}; !reflect.DeepEqual(slugs, want) {
		t.Fatalf("slugs = %v, want %v", slugs, want)
	}
	return m
}

func findSpec(t *testing.T, specs []valuespec.Spec, key string) valuespec.Spec {
	t.Helper()
	for _, s := range specs {
		if s.Key == key {
			return s
		}
	}
	t.Fatalf("no spec %q in %+v", key, specs)
	return valuespec.Spec{}
}

func TestSeedSlugsAndCommonFields(t *testing.T) {
	m := seed(t)
	active := map[string]bool{"postgresql": false, "n8n": true, "redis": false, "odoo": true}
	for slug, tp := range m {
		if tp.Active != active[slug] {
			t.Errorf("%s: active = %v, want %v", slug, tp.Active, active[slug])
		}
		if !strings.HasPrefix(tp.ChartRef, "oci://") || tp.ChartRepoURL != "" || tp.ChartVersion != "" {
			t.Errorf("%s: chart = %q %q %q", slug, tp.ChartRef, tp.ChartRepoURL, tp.ChartVersion)
		}
		if tp.Icon == "" || tp.Name == "" || tp.Description == "" || tp.DocumentationURL == "" || len(tp.Tags) == 0 {
			t.Errorf("%s: missing display fields: %+v", slug, tp)
		}
		if strings.ContainsAny(tp.FullDescription, "\n\t") || strings.Contains(tp.FullDescription, "  ") {
			t.Errorf("%s: full description keeps XML wrapping: %q", slug, tp.FullDescription)
		}
	}
	if got := m["postgresql"].FullDescription; !strings.HasPrefix(got, "PostgreSQL is a powerful, open-source object-relational database system with over 35 years") {
		t.Errorf("postgresql full description = %q", got)
	}
}

func TestSeedN8N(t *testing.T) {
	n := seed(t)["n8n"]
	if n.DefaultPort != 5678 || !n.IngressEnabled || n.Category != "automation" {
		t.Errorf("n8n port/ingress/category = %d %v %q", n.DefaultPort, n.IngressEnabled, n.Category)
	}
	if n.ChartRef != "oci://8gears.container-registry.com/library/n8n" {
		t.Errorf("n8n chart = %q", n.ChartRef)
	}
	pw := findSpec(t, n.ValueSpecs.Required, "_init.owner_password")
	if pw.Type != valuespec.Password || pw.Default != nil || pw.Description != "至少 8 字元，需含大小寫字母與數字" {
		t.Errorf("owner_password spec = %+v", pw)
	}
	email := findSpec(t, n.ValueSpecs.Required, "_init.owner_email")
	if email.Label != "n8n Admin Email" || email.Placeholder != "you@example.com" || email.Description != "n8n 管理員登入 Email" {
		t.Errorf("owner_email spec = %+v", email)
	}
	tz := findSpec(t, n.ValueSpecs.Optional, "main.config.GENERIC_TIMEZONE")
	if tz.Default != "Asia/Taipei" || len(tz.Options) != 8 {
		t.Errorf("timezone spec = %+v", tz)
	}
	main, _ := n.DefaultValues["main"].(map[string]any)
	persistence, _ := main["persistence"].(map[string]any)
	if persistence["enabled"] != true || persistence["size"] != "2Gi" {
		t.Errorf("n8n main.persistence = %#v", persistence)
	}
}

func TestSeedOdoo(t *testing.T) {
	o := seed(t)["odoo"]
	demo := findSpec(t, o.ValueSpecs.Optional, "loadDemoData")
	if demo.Type != valuespec.Boolean || demo.Default != false {
		t.Errorf("loadDemoData spec = %+v", demo)
	}
	if pw := findSpec(t, o.ValueSpecs.Required, "odooPassword"); pw.Type != valuespec.Password || pw.Default != nil {
		t.Errorf("odooPassword spec = %+v", pw)
	}
	if o.DefaultPort != 8069 || o.MinVCPU != 2 || o.MinRAMGB != 2 || o.MinStorageGB != 10 {
		t.Errorf("odoo port/resources = %d %v %v %v", o.DefaultPort, o.MinVCPU, o.MinRAMGB, o.MinStorageGB)
	}
	img, _ := o.DefaultValues["image"].(map[string]any)
	if img["repository"] != "bitnamilegacy/odoo" || img["tag"] != "18.0.20250805-debian-12-r9" {
		t.Errorf("odoo image = %#v", img)
	}
}

func TestSeedRedis(t *testing.T) {
	r := seed(t)["redis"]
	if len(r.ValueSpecs.Required) != 0 {
		t.Errorf("redis required = %+v", r.ValueSpecs.Required)
	}
	arch := findSpec(t, r.ValueSpecs.Optional, "architecture")
	if arch.Type != valuespec.Select || arch.Default != "standalone" ||
		!reflect.DeepEqual(arch.Options, []string{"standalone", "replication"}) {
		t.Errorf("architecture spec = %+v", arch)
	}
	if r.DefaultPort != 6379 || r.IngressEnabled || r.Active {
		t.Errorf("redis port/ingress/active = %d %v %v", r.DefaultPort, r.IngressEnabled, r.Active)
	}
}

func TestSeedPostgreSQL(t *testing.T) {
	p := seed(t)["postgresql"]
	auth, _ := p.DefaultValues["auth"].(map[string]any)
	if auth["username"] != "woow" || auth["database"] != "woowdb" {
		t.Errorf("postgresql auth defaults = %#v", auth)
	}
	if u := findSpec(t, p.ValueSpecs.Required, "auth.username"); u.Label != "Database Username" || u.Default != "woow" {
		t.Errorf("auth.username spec = %+v", u)
	}
	if p.DefaultPort != 5432 || p.Category != "database" || p.Active {
		t.Errorf("postgresql port/category/active = %d %q %v", p.DefaultPort, p.Category, p.Active)
	}
}

func TestSeedReturnsFreshCopies(t *testing.T) {
	a := seed(t)
	a["postgresql"].DefaultValues["auth"].(map[string]any)["username"] = "changed"
	b := seed(t)
	if got := b["postgresql"].DefaultValues["auth"].(map[string]any)["username"]; got != "woow" {
		t.Errorf("second Seed sees mutation: %v", got)
	}
}

func TestJSONTagsSnakeCase(t *testing.T) {
	b, err := json.Marshal(Template{})
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"full_description", "monthly_price", "documentation_url", "chart_ref",
		"chart_repo_url", "chart_version", "default_values", "value_specs", "default_port",
		"ingress_enabled", "min_vcpu", "min_ram_gb", "min_storage_gb", "active"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON has no key %q: %s", k, b)
		}
	}
}

func valid() Template {
	return Template{
		Name:         "Thing",
		Slug:         "thing-2",
		Category:     "devops",
		ChartRef:     "thing",
		ChartRepoURL: "https://charts.example.com",
		ValueSpecs: valuespec.Specs{
			Required: []valuespec.Spec{
				{Key: "auth.password", Label: "Password", Type: valuespec.Password},
				{Key: "_init.admin-email", Label: "Email", Type: valuespec.Text, Default: "a@b.c"},
			},
			Optional: []valuespec.Spec{
				{Key: "replicas", Label: "Replicas", Type: valuespec.Number, Default: float64(1)},
				{Key: "workers", Label: "Workers", Type: valuespec.Number, Default: 2},
				{Key: "debug", Label: "Debug", Type: valuespec.Boolean, Default: false},
				{Key: "mode", Label: "Mode", Type: valuespec.Select, Default: "a", Options: []string{"a", "b"}},
			},
		},
	}
}

func TestValidateAcceptsValid(t *testing.T) {
	if err := valid().Validate(); err != nil {
		t.Fatalf("valid template rejected: %v", err)
	}
	local := valid()
	local.ChartRef, local.ChartRepoURL = "./charts/thing", ""
	if err := local.Validate(); err != nil {
		t.Fatalf("local chart path rejected: %v", err)
	}
	empty := valid()
	empty.ValueSpecs = valuespec.Specs{}
	if err := empty.Validate(); err != nil {
		t.Fatalf("empty specs rejected: %v", err)
	}
}

func TestValidateRejects(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*Template)
		want   string // substring of the error
	}{
		{"uppercase slug", func(t *Template) { t.Slug = "Thing" }, "slug"},
		{"slug with space", func(t *Template) { t.Slug = "my thing" }, "slug"},
		{"slug with underscore", func(t *Template) { t.Slug = "my_thing" }, "slug"},
		{"empty slug", func(t *Template) { t.Slug = "" }, "slug"},
		{"unknown category", func(t *Template) { t.Category = "games" }, "unknown category"},
		{"no chart", func(t *Template) { t.ChartRef = "" }, "chart reference"},
		{"oci with repo", func(t *Template) { t.ChartRef = "oci://r.example.com/c" }, "oci://"},
		{"select default not in options", func(t *Template) { t.ValueSpecs.Optional[3].Default = "c" }, "not among the options"},
		{"select without default", func(t *Template) { t.ValueSpecs.Optional[3].Default = nil }, "select default"},
		{"select without options", func(t *Template) { t.ValueSpecs.Optional[3].Options = nil }, "no options"},
		{"number with string default", func(t *Template) { t.ValueSpecs.Optional[0].Default = "1" }, "not a number"},
		{"boolean with string default", func(t *Template) { t.ValueSpecs.Optional[2].Default = "false" }, "not a boolean"},
		{"text with number default", func(t *Template) { t.ValueSpecs.Required[1].Default = 3.0 }, "not a string"},
		{"duplicate key across groups", func(t *Template) { t.ValueSpecs.Optional[0].Key = "auth.password" }, "duplicate key"},
		{"duplicate key in group", func(t *Template) { t.ValueSpecs.Optional[1].Key = "replicas" }, "duplicate key"},
		{"password with default", func(t *Template) { t.ValueSpecs.Required[0].Default = "secret" }, "password spec must not have a default"},
		{"unknown type", func(t *Template) { t.ValueSpecs.Optional[0].Type = "color" }, "unknown type"},
		{"bad key char", func(t *Template) { t.ValueSpecs.Optional[0].Key = "a b" }, "dot path"},
		{"empty key segment", func(t *Template) { t.ValueSpecs.Optional[0].Key = "a..b" }, "dot path"},
		{"trailing dot", func(t *Template) { t.ValueSpecs.Optional[0].Key = "a." }, "dot path"},
		{"empty key", func(t *Template) { t.ValueSpecs.Optional[0].Key = "" }, "dot path"},
		{"options on text", func(t *Template) { t.ValueSpecs.Required[1].Options = []string{"x"} }, "only allowed on select"},
		{"empty label", func(t *Template) { t.ValueSpecs.Optional[0].Label = " " }, "label"},
		{"empty name", func(t *Template) { t.Name = "" }, "name"},
		{"bad port", func(t *Template) { t.DefaultPort = 70000 }, "port"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tp := valid()
			c.mutate(&tp)
			err := tp.Validate()
			if err == nil {
				t.Fatalf("accepted: %+v", tp)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q does not mention %q", err, c.want)
			}
		})
	}
}
