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
	"github.com/woowtech/woow-paas/ent/chartarchive"
	"github.com/woowtech/woow-paas/ent/predicate"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/idempotency"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/translation"
	"github.com/woowtech/woow-paas/valuespec"
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
// admin's later edits (or deletions) are never overwritten. A database
// that has templates gets only the seed's translations of what the seed
// wrote there and nobody changed since (upgradeSeeded).
func (s *Service) LoadSeed(ctx context.Context, log *slog.Logger) (int, error) {
	sys := viewer.System(ctx)
	n, err := s.client.AppTemplate.Query().Count(sys)
	if err != nil {
		return 0, err
	}
	if n > 0 {
		if err := s.upgradeSeeded(sys, log); err != nil {
			return 0, err
		}
		return 0, s.reindex(sys)
	}
	seed, err := Seed()
	if err != nil {
		return 0, err
	}
	builders := make([]*ent.AppTemplateCreate, len(seed))
	for i, in := range seed {
		builders[i] = s.client.AppTemplate.Create().SetInput(in)
		if err := s.prepare(sys, builders[i].Mutation()); err != nil {
			return 0, fmt.Errorf("catalog: template %d (%s): %w", i, in.Slug, err)
		}
	}
	if _, err := s.client.AppTemplate.CreateBulk(builders...).Save(sys); err != nil {
		return 0, fmt.Errorf("seeding the catalogue: %w", err)
	}
	log.InfoContext(ctx, "marketplace catalogue seeded", "templates", len(seed))
	return len(seed), nil
}

// upgradeSeeded brings templates seeded before the catalogue spoke two
// languages up to date, changing only what the seed wrote and nobody
// edited since. The old seed's hints were Traditional Chinese in the
// English field; the seed now has English there and the Chinese as the
// zh-TW translation. So a value spec with no translations whose label is
// the seed's and whose description is the seed's English or its zh-TW
// words takes the seed's description and translations; a template with no
// translations whose description is the seed's takes the seed's
// translations. Anything an admin changed is left as it is.
func (s *Service) upgradeSeeded(ctx context.Context, log *slog.Logger) error {
	seed, err := Seed()
	if err != nil {
		return err
	}
	bySlug := make(map[string]ent.CreateAppTemplateInput, len(seed))
	slugs := make([]string, len(seed))
	for i, in := range seed {
		bySlug[in.Slug], slugs[i] = in, in.Slug
	}
	stored, err := s.client.AppTemplate.Query().Where(apptemplate.SlugIn(slugs...)).All(ctx)
	if err != nil {
		return err
	}
	for _, t := range stored {
		in := bySlug[t.Slug]
		upd := t.Update()
		changed := false
		if in.ValueSpecs != nil {
			specs := t.ValueSpecs
			req := upgradeSpecs(specs.Required, *in.ValueSpecs)
			opt := upgradeSpecs(specs.Optional, *in.ValueSpecs)
			if req || opt {
				upd.SetValueSpecs(specs)
				changed = true
			}
		}
		trans := t.Translations
		if len(t.Translations) == 0 && len(in.Translations) > 0 && in.Description != nil && t.Description == *in.Description {
			upd.SetTranslations(in.Translations)
			trans = in.Translations
			changed = true
		}
		if !changed {
			continue
		}
		upd.SetSearchText(searchText(t.Name, t.Description, t.FullDescription, t.Tags, trans))
		if err := upd.Exec(ctx); err != nil {
			return fmt.Errorf("catalog: translating the seeded template %s: %w", t.Slug, err)
		}
		log.InfoContext(ctx, "marketplace template given the seed's translations", "template", t.Slug)
	}
	return nil
}

// upgradeSpecs gives each spec of stored that the seed wrote and nobody
// changed the seed's description and translations (see upgradeSeeded);
// it reports whether it changed one. stored is changed in place.
func upgradeSpecs(stored []valuespec.Spec, seed valuespec.Specs) bool {
	changed := false
	for i := range stored {
		sp := &stored[i]
		if len(sp.Translations) > 0 {
			continue
		}
		for _, ss := range slices.Concat(seed.Required, seed.Optional) {
			if ss.Key != sp.Key || ss.Label != sp.Label || len(ss.Translations) == 0 {
				continue
			}
			zh := ""
			for _, tr := range ss.Translations {
				if tr.Locale == "zh-TW" {
					zh = tr.Description
				}
			}
			if sp.Description == ss.Description || (zh != "" && sp.Description == zh) {
				sp.Description, sp.Translations = ss.Description, ss.Translations
				changed = true
			}
			break
		}
	}
	return changed
}

// reindex fills the search text of templates stored before it existed.
func (s *Service) reindex(ctx context.Context) error {
	stale, err := s.client.AppTemplate.Query().Where(apptemplate.SearchText("")).All(ctx)
	if err != nil {
		return err
	}
	for _, t := range stale {
		if err := t.Update().SetSearchText(searchText(t.Name, t.Description, t.FullDescription, t.Tags, t.Translations)).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

// prepare checks a create or update of a template (check, and checkChart
// when the chart changes: an unchanged one is not checked, so that a
// template whose local chart is no longer allowed can still be edited,
// taken off the marketplace or pointed elsewhere; helmops refuses to load
// it meanwhile) and sets its search text.
func (s *Service) prepare(ctx context.Context, m *ent.AppTemplateMutation) error {
	if err := check(ctx, m); err != nil {
		return err
	}
	_, refSet := m.ChartRef()
	_, repoSet := m.ChartRepoURL()
	if refSet || repoSet {
		ref, err := after(ctx, m, m.ChartRef, m.OldChartRef)
		if err != nil {
			return err
		}
		repo, err := after(ctx, m, m.ChartRepoURL, m.OldChartRepoURL)
		if err != nil {
			return err
		}
		if err := s.checkChart(ctx, ref, repo); err != nil {
			return err
		}
	}
	name, err := after(ctx, m, m.Name, m.OldName)
	if err != nil {
		return err
	}
	desc, err := after(ctx, m, m.Description, m.OldDescription)
	if err != nil {
		return err
	}
	full, err := after(ctx, m, m.FullDescription, m.OldFullDescription)
	if err != nil {
		return err
	}
	tags, err := after(ctx, m, m.Tags, m.OldTags)
	if err != nil {
		return err
	}
	trans, err := after(ctx, m, m.Translations, m.OldTranslations)
	if err != nil {
		return err
	}
	m.SetSearchText(searchText(name, desc, full, tags, trans))
	return nil
}

// searchText is what the marketplace search matches: name, descriptions
// (translated ones too: a search in Chinese finds a template) and tags,
// lower-cased here rather than in SQL, where SQLite folds ASCII only. One
// per line, so a search cannot match across two of them.
func searchText(name, description, fullDescription string, tags []string, trans []translation.Template) string {
	parts := append([]string{name, description, fullDescription}, tags...)
	for _, t := range trans {
		parts = append(parts, t.Description, t.FullDescription)
	}
	return strings.ToLower(strings.Join(parts, "\n"))
}

// checkChart refuses a local chart path outside the chart directories,
// saying which are allowed. helmops refuses to load such a chart too; this
// tells the admin when the template is saved rather than at the first
// deploy.
func (s *Service) checkChart(ctx context.Context, chartRef, repoURL string) error {
	ref := helmops.ChartRef{Ref: chartRef, RepoURL: repoURL}
	if helmops.IsUpload(chartRef) {
		if repoURL != "" {
			return errs.InvalidField("chartRef", "chart reference %q is an uploaded chart but a repository URL is set", chartRef)
		}
		digest, ok := helmops.UploadDigest(chartRef)
		if !ok {
			return errs.InvalidField("chartRef", "chart reference %q: an uploaded chart is upload:// and the archive's SHA-256 in lowercase hex", chartRef)
		}
		n, err := s.client.ChartArchive.Query().Where(chartarchive.Digest(digest)).Count(viewer.System(ctx))
		if err != nil {
			return err
		}
		if n == 0 {
			return errs.InvalidField("chartRef", "no chart archive was uploaded as %q", chartRef)
		}
		return nil
	}
	if helmops.IsBuiltin(chartRef) {
		if repoURL != "" {
			return errs.InvalidField("chartRef", "chart reference %q is a built-in chart but a repository URL is set", chartRef)
		}
		if _, err := helmops.BuiltinChart(chartRef); err != nil {
			return errs.InvalidField("chartRef", "there is no built-in chart %q (built in: builtin://container-app)", chartRef)
		}
		return nil
	}
	if !ref.IsLocal() {
		return nil
	}
	if len(s.cfg.ChartDirs) == 0 {
		return errs.InvalidField("chartRef", "local chart paths are disabled on this server (no chart directories are configured in WOOW_CHART_DIRS): use an oci:// reference, a chart repository or an https:// archive URL")
	}
	_, err := helmops.LocalChartPath(s.cfg.ChartDirs, chartRef)
	switch {
	case errors.Is(err, helmops.ErrChartNotFound):
		return errs.InvalidField("chartRef", "there is no chart at %q", chartRef)
	case err != nil:
		return errs.InvalidField("chartRef", "a local chart must be inside one of the chart directories (%s): %q is not", strings.Join(s.cfg.ChartDirs, ", "), chartRef)
	}
	return nil
}

// Create adds a template (platform admins; the data layer refuses others).
// Fields the input leaves out take the schema's defaults (active, port 80).
// The same idempotency key again answers with the template the first
// request made (see package idempotency).
func (s *Service) Create(ctx context.Context, in ent.CreateAppTemplateInput) (*ent.AppTemplate, error) {
	// Authorised before the input is looked at.
	if err := policy.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	key := ""
	if in.IdempotencyKey != nil {
		key = *in.IdempotencyKey
	}
	if err := idempotency.Check("idempotencyKey", key); err != nil {
		return nil, err
	}
	var out *ent.AppTemplate
	err := store.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		id, err := idempotency.Earlier(ctx, tx.Client(), "createAppTemplate", key)
		if err != nil || id != 0 {
			if err == nil {
				out, err = tx.AppTemplate.Get(ctx, id)
			}
			return err
		}
		c := tx.AppTemplate.Create().SetInput(in)
		if err := s.prepare(ctx, c.Mutation()); err != nil {
			return err
		}
		if out, err = c.Save(ctx); err != nil {
			return saveErr(err, in.Slug)
		}
		return idempotency.Remember(ctx, tx.Client(), "createAppTemplate", key, out.ID)
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil // read in the transaction: its edges load outside it
}

// Update changes the fields the input gives (platform admins). Setting
// Active false takes the template off the marketplace; services already
// deployed from it keep it.
func (s *Service) Update(ctx context.Context, in ent.UpdateAppTemplateInput) (*ent.AppTemplate, error) {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	if in.AppendTags != nil {
		// Not in the GraphQL input: entgql v0.7.0 appends Tags instead.
		return nil, errs.InvalidField("tags", "appending tags is not supported: set tags")
	}
	if in.AppendTranslations != nil {
		// Not in the GraphQL input either; a translation replaces its
		// locale's, which appending cannot do.
		return nil, errs.InvalidField("translations", "appending translations is not supported: set translations")
	}
	cur, err := s.client.AppTemplate.Get(ctx, in.ID)
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "template not found")
	}
	if err != nil {
		return nil, err
	}
	u := cur.Update().SetInput(in)
	if err := s.prepare(ctx, u.Mutation()); err != nil {
		return nil, err
	}
	out, err := u.Save(ctx)
	if err != nil {
		return nil, saveErr(err, cur.Slug)
	}
	return out, nil
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
