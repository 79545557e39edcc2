package catalog

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/apptemplate"
	"github.com/woowtech/woow-paas/ent/predicate"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/rule"
	"github.com/woowtech/woow-paas/viewer"
)

// Config configures the marketplace.
type Config struct {
	// ChartDirs are the server directories a template's chart may be a
	// local path in (helmops.LocalChartPath); empty: local chart paths are
	// refused. The seeded catalogue uses registries only.
	ChartDirs []string
}

// Service serves the marketplace and lets platform admins edit it.
type Service struct {
	client *ent.Client
	cfg    Config
}

// New returns a Service on client.
func New(client *ent.Client, cfg Config) *Service {
	cfg.ChartDirs = slices.Clone(cfg.ChartDirs)
	return &Service{client: client, cfg: cfg}
}

// LoadSeed inserts the embedded catalogue when the database has no
// template at all, so a fresh installation has a marketplace and an
// admin's later edits (or deletions) are never overwritten.
func (s *Service) LoadSeed(ctx context.Context, log *slog.Logger) (int, error) {
	sys := viewer.System(ctx)
	n, err := s.client.AppTemplate.Query().Count(sys)
	if err != nil {
		return 0, err
	}
	if n > 0 {
		return 0, s.reindex(sys)
	}
	seed, err := Seed()
	if err != nil {
		return 0, err
	}
	builders := make([]*ent.AppTemplateCreate, len(seed))
	for i, t := range seed {
		builders[i] = s.client.AppTemplate.Create()
		set(builders[i].Mutation(), t)
	}
	if _, err := s.client.AppTemplate.CreateBulk(builders...).Save(sys); err != nil {
		return 0, fmt.Errorf("seeding the catalogue: %w", err)
	}
	log.InfoContext(ctx, "marketplace catalogue seeded", "templates", len(seed))
	return len(seed), nil
}

// reindex fills the search text of templates stored before it existed.
func (s *Service) reindex(ctx context.Context) error {
	stale, err := s.client.AppTemplate.Query().Where(apptemplate.SearchText("")).All(ctx)
	if err != nil {
		return err
	}
	for _, t := range stale {
		if err := t.Update().SetSearchText(searchText(FromEnt(t))).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

// set writes every field of t into a create or update mutation.
func set(m *ent.AppTemplateMutation, t Template) {
	m.SetName(t.Name)
	m.SetSlug(t.Slug)
	m.SetDescription(t.Description)
	m.SetFullDescription(t.FullDescription)
	m.SetCategory(apptemplate.Category(t.Category))
	if t.Tags == nil {
		t.Tags = []string{}
	}
	m.SetTags(t.Tags)
	m.SetIcon(t.Icon)
	m.SetMonthlyPrice(t.MonthlyPrice)
	m.SetDocumentationURL(t.DocumentationURL)
	m.SetChartRef(t.ChartRef)
	m.SetChartRepoURL(t.ChartRepoURL)
	m.SetChartVersion(t.ChartVersion)
	if t.DefaultValues == nil {
		t.DefaultValues = map[string]any{}
	}
	m.SetDefaultValues(t.DefaultValues)
	m.SetValueSpecs(t.ValueSpecs)
	m.SetDefaultPort(t.DefaultPort)
	m.SetIngressEnabled(t.IngressEnabled)
	m.SetMinVcpu(t.MinVCPU)
	m.SetMinRAMGB(t.MinRAMGB)
	m.SetMinStorageGB(t.MinStorageGB)
	m.SetActive(t.Active)
	m.SetSearchText(searchText(t))
}

// searchText is what the marketplace search matches: name, descriptions
// and tags, lower-cased here rather than in SQL, where SQLite folds ASCII
// only. One per line, so a search cannot match across two of them.
func searchText(t Template) string {
	parts := append([]string{t.Name, t.Description, t.FullDescription}, t.Tags...)
	return strings.ToLower(strings.Join(parts, "\n"))
}

// FromEnt is the editable form of a stored template.
func FromEnt(e *ent.AppTemplate) Template {
	return Template{
		Name: e.Name, Slug: e.Slug, Description: e.Description, FullDescription: e.FullDescription,
		Category: string(e.Category), Tags: e.Tags, Icon: e.Icon, MonthlyPrice: e.MonthlyPrice,
		DocumentationURL: e.DocumentationURL, ChartRef: e.ChartRef, ChartRepoURL: e.ChartRepoURL,
		ChartVersion: e.ChartVersion, DefaultValues: e.DefaultValues, ValueSpecs: e.ValueSpecs,
		DefaultPort: e.DefaultPort, IngressEnabled: e.IngressEnabled, MinVCPU: e.MinVcpu,
		MinRAMGB: e.MinRAMGB, MinStorageGB: e.MinStorageGB, Active: e.Active,
	}
}

// invalid turns Validate's report into BAD_USER_INPUT, naming the input
// field of the first problem so a form can show it in place.
func invalid(err error) error {
	field := "input"
	msg := err.Error()
	first := msg
	if i := strings.Index(msg, ": "); i >= 0 {
		first = msg[i+2:]
	}
	for _, f := range []struct{ prefix, field string }{
		{"name", "name"}, {"slug", "slug"}, {"unknown category", "category"},
		{"chart reference", "chartRef"}, {"default port", "defaultPort"},
		{"price", "monthlyPrice"}, {"value_specs", "valueSpecs"},
	} {
		if strings.HasPrefix(first, f.prefix) {
			field = f.field
			break
		}
	}
	return &errs.Error{Code: errs.Invalid, Field: field, Message: msg}
}

// checkChart refuses a local chart path outside the chart directories,
// saying which are allowed. helmops refuses to load such a chart too; this
// tells the admin when the template is saved rather than at the first
// deploy.
func (s *Service) checkChart(t Template) error {
	ref := helmops.ChartRef{Ref: t.ChartRef, RepoURL: t.ChartRepoURL}
	if !ref.IsLocal() {
		return nil
	}
	if len(s.cfg.ChartDirs) == 0 {
		return errs.InvalidField("chartRef", "local chart paths are disabled on this server (no chart directories are configured in WOOW_CHART_DIRS): use an oci:// reference, a chart repository or an https:// archive URL")
	}
	_, err := helmops.LocalChartPath(s.cfg.ChartDirs, t.ChartRef)
	switch {
	case errors.Is(err, helmops.ErrChartNotFound):
		return errs.InvalidField("chartRef", "there is no chart at %q", t.ChartRef)
	case err != nil:
		return errs.InvalidField("chartRef", "a local chart must be inside one of the chart directories (%s): %q is not", strings.Join(s.cfg.ChartDirs, ", "), t.ChartRef)
	}
	return nil
}

// Create adds a template (platform admins; the data layer refuses others).
func (s *Service) Create(ctx context.Context, t Template) (*ent.AppTemplate, error) {
	// Authorised before the input is looked at.
	if err := rule.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	if err := t.Validate(); err != nil {
		return nil, invalid(err)
	}
	if err := s.checkChart(t); err != nil {
		return nil, err
	}
	c := s.client.AppTemplate.Create()
	set(c.Mutation(), t)
	out, err := c.Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, errs.InvalidField("slug", "a template with slug %q exists", t.Slug)
	}
	return out, err
}

// Update applies edit to the stored template and saves it if the result is
// valid (platform admins). Setting Active false takes it off the
// marketplace; services already deployed from it keep it. A changed
// chart reference is checked as on Create; an unchanged one is not, so
// that a template whose local chart is no longer allowed can still be
// edited (taken off the marketplace, pointed elsewhere): helmops refuses
// to load it meanwhile.
func (s *Service) Update(ctx context.Context, id int, edit func(*Template)) (*ent.AppTemplate, error) {
	if err := rule.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	cur, err := s.client.AppTemplate.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "template not found")
	}
	if err != nil {
		return nil, err
	}
	t := FromEnt(cur)
	edit(&t)
	if err := t.Validate(); err != nil {
		return nil, invalid(err)
	}
	if t.ChartRef != cur.ChartRef || t.ChartRepoURL != cur.ChartRepoURL {
		if err := s.checkChart(t); err != nil {
			return nil, err
		}
	}
	u := cur.Update()
	set(u.Mutation(), t)
	out, err := u.Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, errs.InvalidField("slug", "a template with slug %q exists", t.Slug)
	}
	return out, err
}

// Filter returns the predicates of a marketplace listing: only active
// templates for anyone but platform admins, optionally one category, and a
// case-insensitive search of name, descriptions and tags.
func Filter(ctx context.Context, category *apptemplate.Category, search *string) ([]predicate.AppTemplate, error) {
	var ps []predicate.AppTemplate
	if v := viewer.FromContext(ctx); v == nil || !v.PlatformAdmin {
		ps = append(ps, apptemplate.Active(true))
	}
	if category != nil {
		if err := apptemplate.CategoryValidator(*category); err != nil {
			return nil, errs.InvalidField("category", "unknown category %q", *category)
		}
		ps = append(ps, apptemplate.CategoryEQ(*category))
	}
	if search != nil {
		q := strings.TrimSpace(*search)
		if len(q) > 100 {
			return nil, errs.InvalidField("search", "a search has at most 100 characters")
		}
		if q != "" {
			ps = append(ps, apptemplate.SearchTextContains(strings.ToLower(q)))
		}
	}
	return ps, nil
}
