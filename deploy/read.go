package deploy

import (
	"context"
	"encoding/json"
	"regexp"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/servicerevision"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/valuespec"
	"github.com/woowtech/woow-paas/viewer"
)

// get loads a service the viewer can see.
func (s *Service) get(ctx context.Context, id int) (*ent.Service, error) {
	svc, err := s.db.Client.Service.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "service not found")
	}
	return svc, err
}

// Values are the values the user set, passwords masked.
func (s *Service) Values(ctx context.Context, svc *ent.Service) (map[string]any, error) {
	tpl, err := s.db.Client.AppTemplate.Get(viewer.System(ctx), svc.TemplateID)
	if err != nil {
		return nil, err
	}
	user, _, err := s.userValues(svc)
	if err != nil {
		return nil, err
	}
	return tpl.ValueSpecs.Masked(user), nil
}

// URL is the service's public address when its template has an ingress.
func (s *Service) URL(ctx context.Context, svc *ent.Service) (*string, error) {
	tpl, err := s.db.Client.AppTemplate.Get(viewer.System(ctx), svc.TemplateID)
	if err != nil || !tpl.IngressEnabled {
		return nil, err
	}
	u := "https://" + svc.Subdomain + "." + s.cfg.Domain
	if svc.CustomDomain != nil && *svc.CustomDomain != "" {
		u = "https://" + *svc.CustomDomain
	}
	return &u, nil
}

// secretData matches the values of a Secret's data and stringData blocks
// in a rendered manifest.
var secretData = regexp.MustCompile(`(?m)^([ \t]+[A-Za-z0-9_.-]+:[ \t]*)(\S.*)$`)

// Manifest returns the rendered manifests of a revision (0: the current
// one) to admins, with the values of Secret objects redacted: passwords
// are never returned.
func (s *Service) Manifest(ctx context.Context, id, revision int) (string, error) {
	v, err := me(ctx)
	if err != nil {
		return "", err
	}
	svc, err := s.get(ctx, id)
	if err != nil {
		return "", err
	}
	if err := admin(ctx, s.db.Client, v, svc.WorkspaceID); err != nil {
		return "", err
	}
	m, err := s.engine.Manifest(ctx, svc.Namespace, svc.ReleaseName, revision)
	if err != nil {
		return "", errs.E(errs.NotFound, "no such revision")
	}
	return redactSecrets(m), nil
}

var (
	docSeparator = regexp.MustCompile(`(?m)^---\s*$`)
	secretKind   = regexp.MustCompile(`(?m)^kind:\s*Secret\s*$`)
	dataBlock    = regexp.MustCompile(`(?m)^(data|stringData):\s*$`)
)

// redactSecrets blanks the values under data/stringData of every Secret
// document in a manifest (Helm renders documents with top-level keys at
// column 0, so everything after the block header is indented data).
func redactSecrets(manifest string) string {
	docs := docSeparator.Split(manifest, -1)
	for i, d := range docs {
		if !secretKind.MatchString(d) {
			continue
		}
		lines := dataBlock.Split(d, 2)
		if len(lines) < 2 {
			continue
		}
		head := d[:len(d)-len(lines[1])]
		docs[i] = head + secretData.ReplaceAllString(lines[1], "${1}<redacted>")
	}
	out := docs[0]
	for _, d := range docs[1:] {
		out += "---" + d
	}
	return out
}

// ValuesDiff compares the user's values of two revisions (passwords show
// as changed or not, never their values).
func (s *Service) ValuesDiff(ctx context.Context, id, from, to int) ([]*valuespec.Change, error) {
	svc, err := s.get(ctx, id)
	if err != nil {
		return nil, err
	}
	load := func(rev int) (map[string]any, error) {
		r, err := s.db.Client.ServiceRevision.Query().
			Where(servicerevision.ServiceID(svc.ID), servicerevision.Revision(rev)).Only(ctx)
		if ent.IsNotFound(err) {
			return nil, errs.InvalidField("revision", "no revision %d", rev)
		}
		if err != nil {
			return nil, err
		}
		return r.ValuesSnapshot, nil
	}
	a, err := load(from)
	if err != nil {
		return nil, err
	}
	b, err := load(to)
	if err != nil {
		return nil, err
	}
	tpl, err := s.db.Client.AppTemplate.Get(viewer.System(ctx), svc.TemplateID)
	if err != nil {
		return nil, err
	}
	changes := tpl.ValueSpecs.Diff(a, b)
	out := make([]*valuespec.Change, len(changes))
	for i := range changes {
		out[i] = &changes[i]
	}
	return out, nil
}

// Events streams a service's deploy log and transitions, authorised like
// a query (NOT_FOUND for outsiders).
func (s *Service) Events(ctx context.Context, serviceID int) (<-chan *ent.ServiceEvent, error) {
	if _, err := me(ctx); err != nil {
		return nil, err
	}
	if _, err := s.get(ctx, serviceID); err != nil {
		return nil, err
	}
	return stream(ctx, s, ServiceTopic(serviceID), func(n Notice) (*ent.ServiceEvent, error) {
		return s.db.Client.ServiceEvent.Get(ctx, n.EventID)
	}), nil
}

// WorkspaceServices streams the services of a workspace as they change.
func (s *Service) WorkspaceServices(ctx context.Context, workspaceID int) (<-chan *ent.Service, error) {
	if _, err := me(ctx); err != nil {
		return nil, err
	}
	if _, err := s.db.Client.Workspace.Get(ctx, workspaceID); err != nil {
		if ent.IsNotFound(err) {
			return nil, errs.E(errs.NotFound, "workspace not found")
		}
		return nil, err
	}
	return stream(ctx, s, WorkspaceTopic(workspaceID), func(n Notice) (*ent.Service, error) {
		return s.db.Client.Service.Get(ctx, n.ServiceID)
	}), nil
}

// stream turns a topic's notices into loaded objects, read with the
// subscriber's context (so through the privacy layer), until ctx ends or
// the bus drops the subscriber.
func stream[T any](ctx context.Context, s *Service, topic string, load func(Notice) (T, error)) <-chan T {
	msgs := s.bus.Subscribe(ctx, topic)
	out := make(chan T, 1)
	go func() {
		defer close(out)
		for m := range msgs {
			var n Notice
			if err := json.Unmarshal(m.Data, &n); err != nil {
				continue
			}
			v, err := load(n)
			if err != nil {
				continue
			}
			select {
			case out <- v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
