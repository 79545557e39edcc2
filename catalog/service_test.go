package catalog_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/catalog"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/apptemplate"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/valuespec"
	"github.com/woowtech/woow-paas/viewer"
)

var (
	sys     = viewer.System(context.Background())
	discard = slog.New(slog.NewTextHandler(io.Discard, nil))
	// Template rules do not look the viewer up: ids need not exist.
	member = viewer.NewContext(context.Background(), &viewer.Viewer{UserID: 1000})
	admin  = viewer.NewContext(context.Background(), &viewer.Viewer{UserID: 1001, PlatformAdmin: true})
)

func seeded(t *testing.T) (*catalog.Service, *ent.Client) {
	t.Helper()
	db := storetest.Open(t)
	svc := catalog.New(db.Client, catalog.Config{})
	if n, err := svc.LoadSeed(context.Background(), discard); err != nil || n != 5 {
		t.Fatalf("LoadSeed = %d, %v; want 5", n, err)
	}
	return svc, db.Client
}

func slugs(t *testing.T, ts []*ent.AppTemplate) []string {
	t.Helper()
	out := make([]string, 0, len(ts))
	for _, tp := range ts {
		out = append(out, tp.Slug)
	}
	sort.Strings(out)
	return out
}

func wantField(t *testing.T, what string, err error, code errs.Code, field string) {
	t.Helper()
	var e *errs.Error
	if !errors.As(err, &e) || e.Code != code || e.Field != field {
		t.Errorf("%s: error %v, want %s on field %q", what, err, code, field)
	}
}

func TestLoadSeed(t *testing.T) {
	svc, c := seeded(t)
	stored, err := c.AppTemplate.Query().Order(ent.Asc(apptemplate.FieldID)).All(sys)
	if err != nil {
		t.Fatal(err)
	}
	seed, err := catalog.Seed()
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != len(seed) {
		t.Fatalf("%d templates stored, want %d", len(stored), len(seed))
	}
	// Every field survives the database (JSON columns included).
	for i, want := range seed {
		sameFields(t, want, stored[i])
	}

	// Once there are templates, LoadSeed inserts nothing ...
	if n, err := svc.LoadSeed(context.Background(), discard); err != nil || n != 0 {
		t.Errorf("second LoadSeed = %d, %v; want 0", n, err)
	}
	if n := c.AppTemplate.Query().CountX(sys); n != 5 {
		t.Errorf("%d templates after the second LoadSeed, want 5", n)
	}
	// ... even after an admin deleted all but one.
	if _, err := c.AppTemplate.Delete().Where(apptemplate.SlugNEQ("odoo")).Exec(sys); err != nil {
		t.Fatal(err)
	}
	if n, err := svc.LoadSeed(context.Background(), discard); err != nil || n != 0 {
		t.Errorf("LoadSeed after deletions = %d, %v; want 0", n, err)
	}
	if got := slugs(t, c.AppTemplate.Query().AllX(sys)); !slices.Equal(got, []string{"odoo"}) {
		t.Errorf("templates after deletions and LoadSeed = %v, want [odoo]", got)
	}
}

// A database seeded before the catalogue spoke two languages (Chinese
// hints in the English field, no translations) gets the seed's words for
// what the seed wrote there, and nothing an admin changed is touched.
func TestLoadSeedTranslatesUntouchedSeed(t *testing.T) {
	svc, c := seeded(t)
	seed, err := catalog.Seed()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]ent.CreateAppTemplateInput{}
	for _, in := range seed {
		want[in.Slug] = in
	}
	// As the old seed left them: the zh-TW hint in the English field, no
	// translations; and an admin's own edits to one spec and one template.
	old := func(sp []valuespec.Spec) {
		for i := range sp {
			for _, tr := range sp[i].Translations {
				if tr.Description != "" {
					sp[i].Description = tr.Description
				}
			}
			sp[i].Translations = nil
		}
	}
	for _, tp := range c.AppTemplate.Query().AllX(sys) {
		specs := tp.ValueSpecs
		old(specs.Required)
		old(specs.Optional)
		if tp.Slug == "n8n" {
			specs.Required[0].Label = "Owner e-mail (edited)"
		}
		u := c.AppTemplate.UpdateOne(tp).SetValueSpecs(specs).SetTranslations(nil)
		if tp.Slug == "odoo" {
			u.SetDescription("Our own ERP words")
		}
		u.ExecX(sys)
	}

	if n, err := svc.LoadSeed(context.Background(), discard); err != nil || n != 0 {
		t.Fatalf("LoadSeed = %d, %v", n, err)
	}
	for _, tp := range c.AppTemplate.Query().AllX(sys) {
		in := want[tp.Slug]
		for i, sp := range slices.Concat(tp.ValueSpecs.Required, tp.ValueSpecs.Optional) {
			ss := slices.Concat(in.ValueSpecs.Required, in.ValueSpecs.Optional)[i]
			if tp.Slug == "n8n" && i == 0 {
				if len(sp.Translations) != 0 || sp.Label != "Owner e-mail (edited)" || sp.Description != "n8n 管理員登入 Email" {
					t.Errorf("the spec an admin edited was changed: %+v", sp)
				}
				continue
			}
			if !reflect.DeepEqual(sp, ss) {
				t.Errorf("%s %s: %+v, want the seed's %+v", tp.Slug, sp.Key, sp, ss)
			}
		}
		if tp.Slug == "odoo" {
			if len(tp.Translations) != 0 {
				t.Errorf("odoo's edited description got the seed's translations: %+v", tp.Translations)
			}
		} else if !reflect.DeepEqual(tp.Translations, in.Translations) {
			t.Errorf("%s translations %+v, want %+v", tp.Slug, tp.Translations, in.Translations)
		}
	}
	// What it did is searchable: a Chinese word of a translated description.
	if n := c.AppTemplate.Query().Where(apptemplate.SearchTextContains("關聯式")).CountX(sys); n != 1 {
		t.Errorf("%d templates found by a Chinese word of PostgreSQL's description, want 1", n)
	}
}

// sameFields checks that each field the input sets is stored as given.
func sameFields(t *testing.T, in ent.CreateAppTemplateInput, got *ent.AppTemplate) {
	t.Helper()
	iv, gv := reflect.ValueOf(in), reflect.ValueOf(got).Elem()
	for i := range iv.NumField() {
		name, f := iv.Type().Field(i).Name, iv.Field(i)
		if f.Kind() == reflect.Slice && f.IsNil() {
			continue // not given: the schema's default
		}
		if f.Kind() == reflect.Pointer {
			if f.IsNil() {
				continue
			}
			f = f.Elem()
		}
		g := gv.FieldByName(name)
		if !g.IsValid() {
			t.Errorf("%s: ent.AppTemplate has no field %s", in.Slug, name)
			continue
		}
		if !reflect.DeepEqual(f.Interface(), g.Interface()) {
			t.Errorf("%s: %s stored as %#v, want %#v", in.Slug, name, g.Interface(), f.Interface())
		}
	}
}

// list runs a marketplace listing as the viewer in ctx.
func list(t *testing.T, c *ent.Client, ctx context.Context, category *apptemplate.Category, search *string) []string {
	t.Helper()
	ps, err := catalog.Filter(ctx, category, search)
	if err != nil {
		t.Fatalf("Filter(%v, %v): %v", category, search, err)
	}
	ts, err := c.AppTemplate.Query().Where(ps...).All(ctx)
	if err != nil {
		t.Fatalf("listing: %v", err)
	}
	return slugs(t, ts)
}

func sp(s string) *string { return &s }

func cat(c apptemplate.Category) *apptemplate.Category { return &c }

func TestFilter(t *testing.T) {
	svc, c := seeded(t)
	// A template whose text has LIKE wildcards in it.
	sale := template("sale")
	sale.Description = new("Save 50% today")
	sale.Tags = []string{"on_sale", "Promo"}
	if _, err := svc.Create(admin, sale); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name     string
		ctx      context.Context
		category *apptemplate.Category
		search   *string
		want     []string
	}{
		{"member sees active only", member, nil, nil, []string{"container-app", "n8n", "odoo", "sale"}},
		{"admin sees all", admin, nil, nil, []string{"container-app", "n8n", "odoo", "postgresql", "redis", "sale"}},
		{"tag, other case", member, nil, sp("NO-CODE"), []string{"n8n"}},
		{"tag, lower case", member, nil, sp("no-code"), []string{"n8n"}},
		{"tag only", member, nil, sp("Erp"), []string{"odoo"}},
		{"tag with upper case stored", member, nil, sp("promo"), []string{"sale"}},
		{"name", member, nil, sp("ODOO"), []string{"odoo"}},
		{"description", member, nil, sp("workflow AUTOMATION"), []string{"n8n"}},
		{"trimmed", member, nil, sp("  odoo  "), []string{"odoo"}},
		{"blank search is none", member, nil, sp("   "), []string{"container-app", "n8n", "odoo", "sale"}},
		{"inactive hidden from members", member, nil, sp("redis"), []string{}},
		{"inactive found by admins", admin, nil, sp("redis"), []string{"redis"}},
		{"percent is literal", admin, nil, sp("%"), []string{"sale"}},
		{"percent inside is literal", admin, nil, sp("50%"), []string{"sale"}},
		{"percent as wildcard finds nothing", admin, nil, sp("s%e"), []string{}},
		{"underscore is literal", admin, nil, sp("_"), []string{"sale"}},
		{"underscore in a tag", admin, nil, sp("ON_SALE"), []string{"sale"}},
		{"underscore as wildcard finds nothing", admin, nil, sp("o_oo"), []string{}},
		{"backslash is literal", admin, nil, sp(`\`), []string{}},
		{"category for members", member, cat(apptemplate.CategoryDatabase), nil, []string{}},
		{"category for admins", admin, cat(apptemplate.CategoryDatabase), nil, []string{"postgresql", "redis"}},
		{"category and search", admin, cat(apptemplate.CategoryDatabase), sp("cache"), []string{"redis"}},
		{"category web", member, cat(apptemplate.CategoryWeb), nil, []string{"odoo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := list(t, c, tt.ctx, tt.category, tt.search); !slices.Equal(got, tt.want) {
				t.Errorf("listing = %v, want %v", got, tt.want)
			}
		})
	}

	_, err := catalog.Filter(member, cat("games"), nil)
	wantField(t, "unknown category", err, errs.Invalid, "category")
	_, err = catalog.Filter(member, nil, sp(strings.Repeat("x", 101)))
	wantField(t, "long search", err, errs.Invalid, "search")
	// Without a viewer, the filter hides inactive templates too.
	if ps, err := catalog.Filter(context.Background(), nil, nil); err != nil || len(ps) != 1 {
		t.Errorf("anonymous Filter = %d predicates, %v; want the active filter", len(ps), err)
	}
}

// TestSearchDoesNotMatchJSONSyntax: tags are searched in the JSON text of
// the column, but what a user searches for is the tags, not the quotes and
// commas between them.
func TestSearchDoesNotMatchJSONSyntax(t *testing.T) {
	_, c := seeded(t)
	for _, q := range []string{`"`, `","`, `[`, `]`} {
		if got := list(t, c, admin, nil, sp(q)); len(got) != 0 {
			t.Errorf("search %q = %v, want nothing: no template has it in a name, description or tag", q, got)
		}
	}
}

// TestSearchTagWithHTMLCharacter: a tag is found by its text on both
// dialects, even when JSON encoding escapes it.
func TestSearchTagWithHTMLCharacter(t *testing.T) {
	svc, c := seeded(t)
	rd := template("lab")
	rd.Tags = []string{"R&D", "<beta>"}
	if _, err := svc.Create(admin, rd); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"r&d", "R&D", "<beta>"} {
		if got := list(t, c, admin, nil, sp(q)); !slices.Equal(got, []string{"lab"}) {
			t.Errorf("search %q = %v, want [lab] (%s)", q, got, storetest.Dialect())
		}
	}
}

// template returns a valid template with slug.
func template(slug string) ent.CreateAppTemplateInput {
	return ent.CreateAppTemplateInput{
		Name: "Template " + slug, Slug: slug, Description: new("A test template"), Category: apptemplate.CategoryDevops,
		Tags: []string{"test"}, ChartRef: "oci://registry.example.com/charts/" + slug, ChartVersion: new("1.2.3"),
		DefaultValues: map[string]any{"replicas": 1.0},
		ValueSpecs: &valuespec.Specs{Optional: []valuespec.Spec{
			{Key: "replicas", Label: "Replicas", Type: valuespec.Number, Default: 1.0},
		}},
		DefaultPort: new(8080), MonthlyPrice: new(9.5), MinVcpu: new(0.5), MinRAMGB: new(1.0), MinStorageGB: new(5.0), Active: new(true),
	}
}

func TestCreate(t *testing.T) {
	svc, c := seeded(t)
	in := template("thing")
	got, err := svc.Create(admin, in)
	if err != nil {
		t.Fatal(err)
	}
	sameFields(t, in, c.AppTemplate.GetX(sys, got.ID))
	// Left out: the schema's defaults.
	bare, err := svc.Create(admin, ent.CreateAppTemplateInput{Name: "Min", Slug: "min", Category: apptemplate.CategoryWeb, ChartRef: "oci://r.example.com/min"})
	if err != nil {
		t.Fatal(err)
	}
	if !bare.Active || bare.DefaultPort != 80 || bare.Tags == nil || bare.DefaultValues == nil || !bare.ValueSpecs.Empty() {
		t.Errorf("a template with the required fields only: %+v", bare)
	}

	bad := template("Bad Slug")
	_, err = svc.Create(admin, bad)
	wantField(t, "bad slug", err, errs.Invalid, "slug")
	noChart := template("no-chart")
	noChart.ChartRef = " "
	_, err = svc.Create(admin, noChart)
	wantField(t, "no chart", err, errs.Invalid, "chartRef")
	_, err = svc.Create(admin, template("n8n"))
	wantField(t, "duplicate slug", err, errs.Invalid, "slug")
	_, err = svc.Create(member, template("by-member"))
	if errs.CodeOf(err) != errs.Forbidden {
		t.Errorf("member Create: %v, want FORBIDDEN", err)
	}
	// Authorised before the input is looked at.
	_, err = svc.Create(member, bad)
	if errs.CodeOf(err) != errs.Forbidden {
		t.Errorf("member Create with a bad slug: %v, want FORBIDDEN", err)
	}
	_, err = svc.Create(context.Background(), template("anonymous"))
	if errs.CodeOf(err) != errs.Unauthenticated {
		t.Errorf("anonymous Create: %v, want UNAUTHENTICATED", err)
	}
	// Lengths are the schema's; the error names the input field.
	long := template("long")
	long.DocumentationURL = new("https://docs.example.com/" + strings.Repeat("x", 500))
	_, err = svc.Create(admin, long)
	wantField(t, "long documentation URL", err, errs.Invalid, "documentationURL")
	if n := c.AppTemplate.Query().CountX(sys); n != 7 {
		t.Errorf("%d templates, want 7 (5 seeded, 2 created)", n)
	}
}

func TestUpdate(t *testing.T) {
	svc, c := seeded(t)
	n8n := c.AppTemplate.Query().Where(apptemplate.Slug("n8n")).OnlyX(sys)

	got, err := svc.Update(admin, ent.UpdateAppTemplateInput{
		ID: n8n.ID, Name: new("n8n Pro"), Tags: append(n8n.Tags, "pro"), Active: new(false),
	})
	if err != nil {
		t.Fatal(err)
	}
	stored := c.AppTemplate.GetX(sys, n8n.ID)
	if got.Name != "n8n Pro" || stored.Name != "n8n Pro" || stored.Active || !slices.Contains(stored.Tags, "pro") {
		t.Errorf("after update: %+v", stored)
	}
	if stored.ChartRef != n8n.ChartRef || stored.Description != n8n.Description || !reflect.DeepEqual(stored.ValueSpecs, n8n.ValueSpecs) {
		t.Error("fields the update did not give changed")
	}
	// Inactive now: gone from the members' marketplace; found by the new
	// name and kept description.
	if got := list(t, c, member, nil, nil); !slices.Equal(got, []string{"container-app", "odoo"}) {
		t.Errorf("member's listing = %v, want [container-app odoo]", got)
	}
	for _, q := range []string{"n8n pro", "workflow automation"} {
		if got := list(t, c, admin, nil, sp(q)); !slices.Equal(got, []string{"n8n"}) {
			t.Errorf("search %q after update = %v, want [n8n]", q, got)
		}
	}

	_, err = svc.Update(admin, ent.UpdateAppTemplateInput{ID: n8n.ID, Category: cat("games")})
	wantField(t, "invalid category", err, errs.Invalid, "category")
	_, err = svc.Update(admin, ent.UpdateAppTemplateInput{ID: n8n.ID, Name: new(strings.Repeat("n", 101))})
	wantField(t, "long name", err, errs.Invalid, "name")
	_, err = svc.Update(admin, ent.UpdateAppTemplateInput{ID: n8n.ID, ChartRepoURL: new("https://charts.example.com")})
	wantField(t, "repository URL with an oci:// chart", err, errs.Invalid, "chartRef")
	_, err = svc.Update(admin, ent.UpdateAppTemplateInput{ID: n8n.ID, AppendTags: []string{"x"}})
	wantField(t, "appended tags", err, errs.Invalid, "tags")
	_, err = svc.Update(admin, ent.UpdateAppTemplateInput{ID: 987654})
	if errs.CodeOf(err) != errs.NotFound {
		t.Errorf("missing template: %v, want NOT_FOUND", err)
	}
	// Authorised before the input is looked at.
	_, err = svc.Update(member, ent.UpdateAppTemplateInput{ID: n8n.ID, Name: new("by member"), Category: cat("games")})
	if errs.CodeOf(err) != errs.Forbidden {
		t.Errorf("member Update: %v, want FORBIDDEN", err)
	}
	if after := c.AppTemplate.GetX(sys, n8n.ID); after.Name != "n8n Pro" || after.ChartRepoURL != "" || after.Category != apptemplate.CategoryAutomation {
		t.Errorf("refused updates changed the template: %+v", after)
	}
}

// TestSearchNonASCIICase: searching is case-insensitive beyond ASCII, and
// an exact spelling is always found.
func TestSearchNonASCIICase(t *testing.T) {
	svc, c := seeded(t)
	tp := template("uebersicht")
	tp.Name = "Übersicht"
	tp.Tags = []string{"Ärzte"}
	if _, err := svc.Create(admin, tp); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Übersicht", "übersicht", "ÜBERSICHT", "Ärzte", "ärzte"} {
		if got := list(t, c, admin, nil, sp(q)); !slices.Equal(got, []string{"uebersicht"}) {
			t.Errorf("search %q = %v, want [uebersicht] (%s)", q, got, storetest.Dialect())
		}
	}
}

// TestLocalChartDirs: a template's chart may be a local path only inside
// the configured chart directories (resolved, segment by segment); the
// refusal names chartRef and says which directories are allowed, or that
// local charts are disabled. Other chart references are not affected.
func TestLocalChartDirs(t *testing.T) {
	db := storetest.Open(t)
	root := t.TempDir()
	charts, evil, outside := filepath.Join(root, "charts"), filepath.Join(root, "charts-evil"), filepath.Join(root, "outside")
	for _, d := range []string{charts, evil, outside} {
		if err := os.MkdirAll(filepath.Join(d, "app"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(outside, "app"), filepath.Join(charts, "escape")); err != nil {
		t.Fatal(err)
	}
	svc := catalog.New(db.Client, catalog.Config{ChartDirs: []string{charts}})
	off := catalog.New(db.Client, catalog.Config{})

	local := func(slug, path string) ent.CreateAppTemplateInput {
		tp := template(slug)
		tp.ChartRef = path
		return tp
	}
	good, err := svc.Create(admin, local("inside", filepath.Join(charts, "app")))
	if err != nil {
		t.Fatalf("a chart inside the chart directories: %v", err)
	}
	for name, path := range map[string]string{
		"outside":          filepath.Join(outside, "app"),
		"prefix trick":     filepath.Join(evil, "app"),
		"dot-dot":          filepath.Join(charts, "..", "outside", "app"),
		"symlink escaping": filepath.Join(charts, "escape"),
		"system file":      "/etc/passwd",
	} {
		_, err := svc.Create(admin, local("refused", path))
		wantField(t, name, err, errs.Invalid, "chartRef")
		if err == nil || !strings.Contains(err.Error(), charts) {
			t.Errorf("%s: the refusal does not name the allowed directory: %v", name, err)
		}
	}
	_, err = svc.Create(admin, local("missing", filepath.Join(charts, "nope")))
	wantField(t, "missing chart", err, errs.Invalid, "chartRef")

	// No chart directories: local charts are disabled, and the refusal
	// says so; registries and repositories still work.
	_, err = off.Create(admin, local("disabled", filepath.Join(charts, "app")))
	wantField(t, "disabled", err, errs.Invalid, "chartRef")
	if err == nil || !strings.Contains(err.Error(), "disabled") {
		t.Errorf("the refusal does not say local charts are disabled: %v", err)
	}
	if _, err := off.Create(admin, template("from-oci")); err != nil {
		t.Errorf("an oci:// chart with no chart directories: %v", err)
	}
	repo := template("from-repo")
	repo.ChartRef, repo.ChartRepoURL = "app", new("https://charts.example.com")
	if _, err := off.Create(admin, repo); err != nil {
		t.Errorf("a repository chart with no chart directories: %v", err)
	}

	// Update checks a changed chart reference ...
	_, err = svc.Update(admin, ent.UpdateAppTemplateInput{ID: good.ID, ChartRef: new(filepath.Join(outside, "app"))})
	wantField(t, "update to outside", err, errs.Invalid, "chartRef")
	if _, err := svc.Update(admin, ent.UpdateAppTemplateInput{ID: good.ID, ChartRef: new(filepath.Join(charts, "escape", "..", "app"))}); err != nil {
		t.Errorf("update to another path inside: %v", err)
	}
	// ... but not an unchanged one: a template whose chart is no longer
	// allowed can still be taken off the marketplace.
	if _, err := off.Update(admin, ent.UpdateAppTemplateInput{ID: good.ID, Active: new(false)}); err != nil {
		t.Errorf("deactivating a template whose local chart is no longer allowed: %v", err)
	}
	if _, err := off.Update(admin, ent.UpdateAppTemplateInput{ID: good.ID, ChartRef: new(good.ChartRef + "/")}); err == nil {
		t.Error("changing the chart path with local charts disabled was accepted")
	}
}

// TestBuiltinChartRef: a template may name the built-in Container app
// chart (no chart directories needed); an unknown built-in chart, or one
// with a repository URL, is refused on chartRef.
func TestBuiltinChartRef(t *testing.T) {
	svc, _ := seeded(t)
	in := template("container")
	in.ChartRef = "builtin://container-app"
	if _, err := svc.Create(admin, in); err != nil {
		t.Fatal(err)
	}
	unknown := template("unknown-builtin")
	unknown.ChartRef = "builtin://nope"
	_, err := svc.Create(admin, unknown)
	wantField(t, "unknown built-in", err, errs.Invalid, "chartRef")
	withRepo := template("builtin-repo")
	withRepo.ChartRef, withRepo.ChartRepoURL = "builtin://container-app", new("https://charts.example.com")
	_, err = svc.Create(admin, withRepo)
	wantField(t, "built-in with a repository", err, errs.Invalid, "chartRef")
}
