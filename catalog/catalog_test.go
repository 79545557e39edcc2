package catalog

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/apptemplate"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/translation"
	"github.com/woowtech/woow-paas/valuespec"
)

func seed(t *testing.T) map[string]ent.CreateAppTemplateInput {
	t.Helper()
	ts, err := Seed()
	if err != nil {
		t.Fatalf("Seed: %v", err)
	}
	var slugs []string
	m := map[string]ent.CreateAppTemplateInput{}
	for _, tp := range ts {
		slugs = append(slugs, tp.Slug)
		m[tp.Slug] = tp
	}
	if want := []string{"postgresql", "n8n", "redis", "odoo", "container-app"}; !reflect.DeepEqual(slugs, want) {
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
	active := map[string]bool{"postgresql": false, "n8n": true, "redis": false, "odoo": true, "container-app": true}
	for slug, tp := range m {
		if *tp.Active != active[slug] {
			t.Errorf("%s: active = %v, want %v", slug, *tp.Active, active[slug])
		}
		wantRef := strings.HasPrefix(tp.ChartRef, "oci://")
		if slug == "container-app" {
			// Not from the Odoo addon: the chart built into the binary.
			wantRef = tp.ChartRef == "builtin://container-app"
		}
		if !wantRef || *tp.ChartRepoURL != "" || *tp.ChartVersion != "" {
			t.Errorf("%s: chart = %q %q %q", slug, tp.ChartRef, *tp.ChartRepoURL, *tp.ChartVersion)
		}
		if *tp.Icon == "" || tp.Name == "" || *tp.Description == "" || *tp.DocumentationURL == "" || len(tp.Tags) == 0 {
			t.Errorf("%s: missing display fields: %+v", slug, tp)
		}
		if strings.ContainsAny(*tp.FullDescription, "\n\t") || strings.Contains(*tp.FullDescription, "  ") {
			t.Errorf("%s: full description keeps XML wrapping: %q", slug, *tp.FullDescription)
		}
	}
	if got := *m["postgresql"].FullDescription; !strings.HasPrefix(got, "PostgreSQL is a powerful, open-source object-relational database system with over 35 years") {
		t.Errorf("postgresql full description = %q", got)
	}
}

func TestSeedN8N(t *testing.T) {
	n := seed(t)["n8n"]
	if *n.DefaultPort != 5678 || !*n.IngressEnabled || n.Category != apptemplate.CategoryAutomation {
		t.Errorf("n8n port/ingress/category = %d %v %q", *n.DefaultPort, *n.IngressEnabled, n.Category)
	}
	if n.ChartRef != "oci://8gears.container-registry.com/library/n8n" {
		t.Errorf("n8n chart = %q", n.ChartRef)
	}
	pw := findSpec(t, n.ValueSpecs.Required, "_init.owner_password")
	if pw.Type != valuespec.Password || pw.Default != nil || pw.Description != "At least 8 characters, with upper- and lower-case letters and a digit" ||
		pw.Translations[0].Description != "至少 8 字元，需含大小寫字母與數字" {
		t.Errorf("owner_password spec = %+v", pw)
	}
	// The hint states a rule; the spec enforces it.
	if pw.MinLength == nil || *pw.MinLength != 8 || pw.Pattern == "" || pw.PatternMessage == "" {
		t.Errorf("owner_password rules = %+v", pw)
	}
	email := findSpec(t, n.ValueSpecs.Required, "_init.owner_email")
	if email.Label != "n8n Admin Email" || email.Placeholder != "you@example.com" || email.Description != "The email address the n8n admin signs in with" ||
		email.Translations[0].Label != "n8n 管理員電子郵件" {
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
	if *o.DefaultPort != 8069 || *o.MinVcpu != 2 || *o.MinRAMGB != 2 || *o.MinStorageGB != 10 {
		t.Errorf("odoo port/resources = %d %v %v %v", *o.DefaultPort, *o.MinVcpu, *o.MinRAMGB, *o.MinStorageGB)
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
	if *r.DefaultPort != 6379 || *r.IngressEnabled || *r.Active {
		t.Errorf("redis port/ingress/active = %d %v %v", *r.DefaultPort, *r.IngressEnabled, *r.Active)
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
	if *p.DefaultPort != 5432 || p.Category != apptemplate.CategoryDatabase || *p.Active {
		t.Errorf("postgresql port/category/active = %d %q %v", *p.DefaultPort, p.Category, *p.Active)
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

// TestSeedSetsEveryField: templates.json gives every input field of every
// template (keys are the GraphQL input names), so nothing is left to a
// default by accident. The idempotency key is a request's, not a
// template's.
func TestSeedSetsEveryField(t *testing.T) {
	for slug, tp := range seed(t) {
		v := reflect.ValueOf(tp)
		for i := range v.NumField() {
			if v.Type().Field(i).Name == "IdempotencyKey" {
				continue
			}
			if f := v.Field(i); f.Kind() == reflect.Pointer && f.IsNil() || f.Kind() == reflect.Map && f.IsNil() {
				t.Errorf("%s: templates.json has no %s", slug, v.Type().Field(i).Name)
			}
		}
	}
}

// TestSeedSpeaksChinese: the catalogue is English with a zh-TW
// translation of every word a user reads: each template's description and
// full description, each spec's label, and its description, placeholder
// and pattern message where it has one.
func TestSeedSpeaksChinese(t *testing.T) {
	for slug, tp := range seed(t) {
		if len(tp.Translations) != 1 || tp.Translations[0].Locale != "zh-TW" ||
			tp.Translations[0].Description == "" || tp.Translations[0].FullDescription == "" {
			t.Errorf("%s: translations %+v", slug, tp.Translations)
		}
		if hasHan(*tp.Description) || hasHan(*tp.FullDescription) {
			t.Errorf("%s: the English description has Chinese in it", slug)
		}
		for _, s := range append(tp.ValueSpecs.Required, tp.ValueSpecs.Optional...) {
			if len(s.Translations) != 1 || s.Translations[0].Locale != "zh-TW" {
				t.Errorf("%s %s: translations %+v", slug, s.Key, s.Translations)
				continue
			}
			zh := s.Translations[0]
			for _, f := range []struct{ name, en, zh string }{
				{"label", s.Label, zh.Label},
				{"description", s.Description, zh.Description},
				{"placeholder", s.Placeholder, zh.Placeholder},
				{"pattern_message", s.PatternMessage, zh.PatternMessage},
			} {
				if (f.en == "") != (f.zh == "") || hasHan(f.en) {
					t.Errorf("%s %s: %s English %q, zh-TW %q", slug, s.Key, f.name, f.en, f.zh)
				}
			}
			if !hasHan(zh.Label) {
				t.Errorf("%s %s: zh-TW label %q has no Chinese", slug, s.Key, zh.Label)
			}
		}
	}
}

func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

// checked runs check on a create mutation of in.
func checked(in ent.CreateAppTemplateInput) error {
	m := ent.NewClient().AppTemplate.Create().SetInput(in).Mutation()
	return check(context.Background(), m)
}

func valid() ent.CreateAppTemplateInput {
	return ent.CreateAppTemplateInput{
		Name:         "Thing",
		Slug:         "thing-2",
		Category:     apptemplate.CategoryDevops,
		ChartRef:     "thing",
		ChartRepoURL: new("https://charts.example.com"),
		ValueSpecs: &valuespec.Specs{
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

func TestCheckAcceptsValid(t *testing.T) {
	if err := checked(valid()); err != nil {
		t.Fatalf("valid template rejected: %v", err)
	}
	local := valid()
	local.ChartRef, local.ChartRepoURL = "./charts/thing", nil
	if err := checked(local); err != nil {
		t.Fatalf("local chart path rejected: %v", err)
	}
	empty := valid()
	empty.ValueSpecs = &valuespec.Specs{}
	if err := checked(empty); err != nil {
		t.Fatalf("empty specs rejected: %v", err)
	}
	translated := valid()
	translated.Translations = []translation.Template{{Locale: "zh-TW", Description: "東西", FullDescription: "第一段。\n\n第二段。"}}
	translated.ValueSpecs.Optional[0].Translations = valuespec.Translations{{Locale: "zh-TW", Label: "副本數", Description: "執行的\n副本數"}}
	if err := checked(translated); err != nil {
		t.Fatalf("translations rejected: %v", err)
	}
	none := valid()
	none.ValueSpecs = nil
	if err := checked(none); err != nil {
		t.Fatalf("no specs rejected: %v", err)
	}
	unicodeWords := valid()
	unicodeWords.Name, unicodeWords.Description = "Ünïcode 中文", new("Ünïcode 中文")
	unicodeWords.FullDescription = new("Ünïcode 中文\n\n\tעברית")
	unicodeWords.Tags = []string{"Ünïcode", "中文"}
	if err := checked(unicodeWords); err != nil {
		t.Fatalf("ordinary Unicode rejected: %v", err)
	}
}

func TestCheckRejects(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*ent.CreateAppTemplateInput)
		field  string // the input field the error names
		want   string // substring of the error
	}{
		{"uppercase slug", func(t *ent.CreateAppTemplateInput) { t.Slug = "Thing" }, "slug", "slug"},
		{"slug with space", func(t *ent.CreateAppTemplateInput) { t.Slug = "my thing" }, "slug", "slug"},
		{"slug with underscore", func(t *ent.CreateAppTemplateInput) { t.Slug = "my_thing" }, "slug", "slug"},
		{"empty slug", func(t *ent.CreateAppTemplateInput) { t.Slug = "" }, "slug", "slug"},
		{"unknown category", func(t *ent.CreateAppTemplateInput) { t.Category = "games" }, "category", "unknown category"},
		{"no chart", func(t *ent.CreateAppTemplateInput) { t.ChartRef = " " }, "chartRef", "chart reference"},
		{"oci with repo", func(t *ent.CreateAppTemplateInput) { t.ChartRef = "oci://r.example.com/c" }, "chartRef", "oci://"},
		{"select default not in options", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Optional[3].Default = "c" }, "valueSpecs", "not among the options"},
		{"select without default", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Optional[3].Default = nil }, "valueSpecs", "select default"},
		{"select without options", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Optional[3].Options = nil }, "valueSpecs", "no options"},
		{"number with string default", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Optional[0].Default = "1" }, "valueSpecs", "not a number"},
		{"boolean with string default", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Optional[2].Default = "false" }, "valueSpecs", "not a boolean"},
		{"text with number default", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Required[1].Default = 3.0 }, "valueSpecs", "not a string"},
		{"duplicate key across groups", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Optional[0].Key = "auth.password" }, "valueSpecs", "duplicate key"},
		{"duplicate key in group", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Optional[1].Key = "replicas" }, "valueSpecs", "duplicate key"},
		{"password with default", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Required[0].Default = "secret" }, "valueSpecs", "password spec must not have a default"},
		{"unknown type", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Optional[0].Type = "color" }, "valueSpecs", "unknown type"},
		{"bad key char", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Optional[0].Key = "a b" }, "valueSpecs", "dot path"},
		{"empty key segment", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Optional[0].Key = "a..b" }, "valueSpecs", "dot path"},
		{"trailing dot", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Optional[0].Key = "a." }, "valueSpecs", "dot path"},
		{"empty key", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Optional[0].Key = "" }, "valueSpecs", "dot path"},
		{"options on text", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Required[1].Options = []string{"x"} }, "valueSpecs", "only allowed on select"},
		{"empty label", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Optional[0].Label = " " }, "valueSpecs", "label"},
		{"pattern without message", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Required[0].Pattern = `.*\d.*` }, "valueSpecs", "needs a patternMessage"},
		{"pattern not RE2", func(t *ent.CreateAppTemplateInput) {
			t.ValueSpecs.Required[0].Pattern, t.ValueSpecs.Required[0].PatternMessage = `(?=\d)`, "a digit"
		}, "valueSpecs", `valueSpecs.required[0] "auth.password": pattern "(?=\\d)" is not a valid regular expression`},
		{"min length above max length", func(t *ent.CreateAppTemplateInput) {
			t.ValueSpecs.Required[0].MinLength, t.ValueSpecs.Required[0].MaxLength = new(9), new(8)
		}, "valueSpecs", "minLength 9 is greater than maxLength 8"},
		{"min above max", func(t *ent.CreateAppTemplateInput) {
			t.ValueSpecs.Optional[0].Min, t.ValueSpecs.Optional[0].Max = new(2.0), new(1.0)
		}, "valueSpecs", "min 2 is greater than max 1"},
		{"min length on a number", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Optional[0].MinLength = new(1) }, "valueSpecs", "not number"},
		{"max on a text", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Required[1].Max = new(1.0) }, "valueSpecs", "not text"},
		{"default breaks its rule", func(t *ent.CreateAppTemplateInput) { t.ValueSpecs.Optional[0].Min = new(2.0) }, "valueSpecs", "default 1: must be at least 2"},
		{"spec translated into English", func(t *ent.CreateAppTemplateInput) {
			t.ValueSpecs.Optional[0].Translations = valuespec.Translations{{Locale: "en", Label: "Replicas"}}
		}, "valueSpecs", `translation locale "en"`},
		{"spec translated twice", func(t *ent.CreateAppTemplateInput) {
			t.ValueSpecs.Optional[0].Translations = valuespec.Translations{{Locale: "zh-TW", Label: "副本"}, {Locale: "zh-TW", Label: "副本數"}}
		}, "valueSpecs", "given twice"},
		{"translated label too long", func(t *ent.CreateAppTemplateInput) {
			t.ValueSpecs.Optional[0].Translations = valuespec.Translations{{Locale: "zh-TW", Label: strings.Repeat("副", 201)}}
		}, "valueSpecs", "translation zh-TW: label is too long: 201 characters, at most 200"},
		{"translated placeholder with NUL", func(t *ent.CreateAppTemplateInput) {
			t.ValueSpecs.Optional[0].Translations = valuespec.Translations{{Locale: "zh-TW", Placeholder: "1\x00"}}
		}, "valueSpecs", "translation zh-TW: placeholder cannot contain control characters"},
		{"translated pattern message without a pattern", func(t *ent.CreateAppTemplateInput) {
			t.ValueSpecs.Optional[0].Translations = valuespec.Translations{{Locale: "zh-TW", PatternMessage: "須為數字"}}
		}, "valueSpecs", "patternMessage is set without a pattern"},
		{"English description too long", func(t *ent.CreateAppTemplateInput) {
			t.ValueSpecs.Optional[0].Description = strings.Repeat("x", 1001)
		}, "valueSpecs", "description is too long"},
		{"English label with a direction override", func(t *ent.CreateAppTemplateInput) {
			t.ValueSpecs.Optional[0].Label = "Replicas\u202e"
		}, "valueSpecs", "label cannot contain control characters"},
		{"template translated into French", func(t *ent.CreateAppTemplateInput) {
			t.Translations = []translation.Template{{Locale: "fr", Description: "Une chose"}}
		}, "translations", `translation locale "fr"`},
		{"template translated twice", func(t *ent.CreateAppTemplateInput) {
			t.Translations = []translation.Template{{Locale: "zh-TW"}, {Locale: "zh-TW"}}
		}, "translations", "given twice"},
		{"translated description too long", func(t *ent.CreateAppTemplateInput) {
			t.Translations = []translation.Template{{Locale: "zh-TW", Description: strings.Repeat("東", 501)}}
		}, "translations", "description is too long: 501 characters, at most 500"},
		{"translated description on two lines", func(t *ent.CreateAppTemplateInput) {
			t.Translations = []translation.Template{{Locale: "zh-TW", Description: "一\n二"}}
		}, "translations", "description cannot contain control characters"},
		{"translated full description with an escape", func(t *ent.CreateAppTemplateInput) {
			t.Translations = []translation.Template{{Locale: "zh-TW", FullDescription: "一\x1b[31m"}}
		}, "translations", "fullDescription cannot contain control characters"},
		{"blank name", func(t *ent.CreateAppTemplateInput) { t.Name = " " }, "name", "name"},
		{"name with a direction override", func(t *ent.CreateAppTemplateInput) { t.Name = "\u202eThing" }, "name", "name cannot contain control characters"},
		{"name with an escape", func(t *ent.CreateAppTemplateInput) { t.Name = "Thing\x1b[31m" }, "name", "name cannot contain control characters"},
		{"name on two lines", func(t *ent.CreateAppTemplateInput) { t.Name = "Th\ning" }, "name", "name cannot contain control characters"},
		{"description with a direction override", func(t *ent.CreateAppTemplateInput) { t.Description = new("A \u202ething") }, "description", "description cannot contain control characters"},
		{"description with a NUL", func(t *ent.CreateAppTemplateInput) { t.Description = new("A\x00thing") }, "description", "description cannot contain control characters"},
		{"description on two lines", func(t *ent.CreateAppTemplateInput) { t.Description = new("A\nthing") }, "description", "description cannot contain control characters"},
		{"full description with a direction override", func(t *ent.CreateAppTemplateInput) { t.FullDescription = new("One.\n\nTwo \u202e.") }, "fullDescription", "fullDescription cannot contain control characters"},
		{"full description with an escape", func(t *ent.CreateAppTemplateInput) { t.FullDescription = new("One.\x1b[31m") }, "fullDescription", "fullDescription cannot contain control characters"},
		{"tag with a direction override", func(t *ent.CreateAppTemplateInput) { t.Tags = []string{"ok", "a\u202eb"} }, "tags", "tags[1] cannot contain control characters"},
		{"tag with a control character", func(t *ent.CreateAppTemplateInput) { t.Tags = []string{"a\x07"} }, "tags", "tags[0] cannot contain control characters"},
		{"bad port", func(t *ent.CreateAppTemplateInput) { t.DefaultPort = new(70000) }, "defaultPort", "port"},
		{"negative price", func(t *ent.CreateAppTemplateInput) { t.MonthlyPrice = new(-1.0) }, "monthlyPrice", "monthlyPrice must not be negative"},
		{"negative RAM", func(t *ent.CreateAppTemplateInput) { t.MinRAMGB = new(-1.0) }, "minRAMGB", "minRAMGB must not be negative"},
		{"two problems", func(t *ent.CreateAppTemplateInput) { t.Name, t.DefaultPort = "", new(-1) }, "name", "port"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tp := valid()
			c.mutate(&tp)
			err := checked(tp)
			if err == nil {
				t.Fatalf("accepted: %+v", tp)
			}
			var e *errs.Error
			if !errors.As(err, &e) || e.Code != errs.Invalid || e.Field != c.field {
				t.Errorf("error %#v, want BAD_USER_INPUT on %q", err, c.field)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q does not mention %q", err, c.want)
			}
		})
	}
}
