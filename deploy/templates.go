package deploy

import (
	"context"
	"sync"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/apptemplate"
	"github.com/woowtech/woow-paas/ent/service"
	"github.com/woowtech/woow-paas/viewer"
)

// TemplateMemo remembers the app templates read for the length of one
// read, so that a page of services answers url and values with one query
// for the templates, not one per service. Templates are readable by every
// signed-in viewer (and read here as the platform), so what one field
// loaded may serve the next; they change, so a memo lives no longer than
// one read (the GraphQL server gives each root field of a query its own).
//
// A service's eager-loaded template (svc.Edges.Template) is not used: a
// GraphQL query loads only the columns it selects, and values needs the
// value specs (which say what to mask) whatever the query selected.
type TemplateMemo struct {
	mu    sync.Mutex
	byID  map[int]*ent.AppTemplate
	batch map[int]bool // workspaces whose services' templates are loaded
}

type templateMemoKey struct{}

// WithTemplateMemo returns ctx with an empty TemplateMemo.
func WithTemplateMemo(ctx context.Context) context.Context {
	return context.WithValue(ctx, templateMemoKey{}, &TemplateMemo{byID: map[int]*ent.AppTemplate{}, batch: map[int]bool{}})
}

// template returns svc's template. With a memo in ctx, the first miss in a
// workspace loads, in one query, the templates of all its services (the
// page's services are, but for the dashboard, of one workspace).
func (s *Deployer) template(ctx context.Context, svc *ent.Service) (*ent.AppTemplate, error) {
	sys := viewer.System(ctx)
	m, _ := ctx.Value(templateMemoKey{}).(*TemplateMemo)
	if m == nil {
		return s.db.Client.AppTemplate.Get(sys, svc.TemplateID)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if tpl, ok := m.byID[svc.TemplateID]; ok {
		return tpl, nil
	}
	if !m.batch[svc.WorkspaceID] {
		m.batch[svc.WorkspaceID] = true
		tpls, err := s.db.Client.AppTemplate.Query().
			Where(apptemplate.HasServicesWith(service.WorkspaceID(svc.WorkspaceID))).
			All(sys)
		if err != nil {
			return nil, err
		}
		for _, t := range tpls {
			m.byID[t.ID] = t
		}
		if tpl, ok := m.byID[svc.TemplateID]; ok {
			return tpl, nil
		}
	}
	// A service deployed since the batch, or moved: read it alone.
	tpl, err := s.db.Client.AppTemplate.Get(sys, svc.TemplateID)
	if err != nil {
		return nil, err
	}
	m.byID[tpl.ID] = tpl
	return tpl, nil
}
