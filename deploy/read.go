package deploy

import (
	"context"
	"errors"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"sigs.k8s.io/yaml"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/service"
	"github.com/woowtech/woow-paas/ent/serviceevent"
	"github.com/woowtech/woow-paas/ent/servicerevision"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/live"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/valuespec"
	"github.com/woowtech/woow-paas/viewer"
)

// get loads a service the viewer can see.
func (s *Deployer) get(ctx context.Context, id int) (*ent.Service, error) {
	svc, err := s.db.Client.Service.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "service not found")
	}
	return svc, err
}

// Values are the values the user set, passwords masked.
func (s *Deployer) Values(ctx context.Context, svc *ent.Service) (map[string]any, error) {
	tpl, err := s.template(ctx, svc)
	if err != nil {
		return nil, err
	}
	sec, err := s.open(svc)
	if err != nil {
		return nil, err
	}
	return masked(tpl.ValueSpecs, svc.UserValues, sec), nil
}

// masked are a service's values as shown (Values, and the snapshot of
// each revision): the plain values and the sealed ones, passwords masked.
// A sealed value is masked whatever the specs say now: a template whose
// specs changed since must not unmask what was sealed as a password.
func masked(specs valuespec.Specs, plain map[string]any, sec secrets) map[string]any {
	all := maps.Clone(plain)
	if all == nil {
		all = map[string]any{}
	}
	for k, v := range sec.Values {
		all[k] = valuespec.MaskedValue
		if isEnv(specs, k) {
			// Masked below: its secret entries, not its plain ones.
			all[k] = v
		}
	}
	return specs.Masked(all)
}

// URL is the service's public address when its template has an ingress.
func (s *Deployer) URL(ctx context.Context, svc *ent.Service) (*string, error) {
	tpl, err := s.template(ctx, svc)
	if err != nil || !tpl.IngressEnabled {
		return nil, err
	}
	u := "https://" + svc.Subdomain + "." + s.domain(ctx)
	if svc.CustomDomain != nil && *svc.CustomDomain != "" {
		u = "https://" + *svc.CustomDomain
	}
	return &u, nil
}

// Manifest returns the rendered manifests of a revision (0: the current
// one) to admins, with the values of Secret objects redacted, and every
// password blanked wherever else a chart put them: the passwords that
// revision was rendered from (read from Helm's record of it, with the
// manifest) and every other the service has had (see redact.go).
// Passwords are never returned.
func (s *Deployer) Manifest(ctx context.Context, id, revision int) (string, error) {
	if _, err := viewer.Required(ctx); err != nil {
		return "", err
	}
	svc, err := s.get(ctx, id)
	if err != nil {
		return "", err
	}
	if err := policy.Can(ctx, s.db.Client, svc.WorkspaceID, policy.InspectServices); err != nil {
		return "", err
	}
	rend, err := s.engine.Rendered(ctx, svc.Namespace, svc.ReleaseName, revision)
	if errors.Is(err, helmops.ErrReleaseNotFound) {
		return "", errs.E(errs.NotFound, "no such revision")
	}
	if err != nil {
		return "", err
	}
	specs, pw, err := s.knownPasswords(ctx, svc)
	if err != nil {
		return "", err
	}
	pw = append(pw, renderedPasswords(specs, rend)...)
	return redactManifest(rend.Manifest, valuespec.NewRedactor(pw...)), nil
}

var (
	docSeparator = regexp.MustCompile(`(?m)^---[ \t]*$`)
	// looseSecretKind spots a Secret in a document that does not parse.
	looseSecretKind = regexp.MustCompile(`(?i)["']?kind["']?\s*:\s*["']?Secret\b`)
	// innerDocument is a document start the separator did not split at
	// ("--- {...}"): YAML would read only the first document.
	innerDocument = regexp.MustCompile(`(?m)^---`)
)

// redactSecrets replaces every value under data and stringData of each
// Secret (also inside a List) with valuespec.Redacted. A document with a
// Secret is parsed as YAML and written out again (keys sorted, comments
// other than Helm's "# Source:" line dropped), so that no layout of the
// values (block scalars, quoted keys, flow mappings, JSON) escapes; a
// document that mentions a Secret but does not parse is replaced whole.
func redactSecrets(manifest string) string {
	docs := docSeparator.Split(manifest, -1)
	for i, d := range docs {
		docs[i] = redactDoc(d)
	}
	return strings.Join(docs, "---")
}

func redactDoc(doc string) string {
	var obj any
	if err := yaml.Unmarshal([]byte(doc), &obj); err != nil || innerDocument.MatchString(doc) {
		if looseSecretKind.MatchString(doc) {
			return sourceLines(doc) + "# a Secret that could not be parsed: " + valuespec.Redacted + "\n"
		}
		return doc
	}
	if !redactObject(obj) {
		return doc
	}
	out, err := yaml.Marshal(obj)
	if err != nil {
		return sourceLines(doc) + "# " + valuespec.Redacted + "\n"
	}
	return sourceLines(doc) + string(out)
}

// redactObject redacts a Secret, or the Secrets of a List, in place and
// reports whether it found one.
func redactObject(obj any) bool {
	m, ok := obj.(map[string]any)
	if !ok {
		return false
	}
	found := false
	if kind, _ := m["kind"].(string); strings.EqualFold(kind, "Secret") {
		found = true
		for _, block := range []string{"data", "stringData"} {
			switch data := m[block].(type) {
			case map[string]any:
				for k := range data {
					data[k] = valuespec.Redacted
				}
			case nil:
			default:
				m[block] = valuespec.Redacted
			}
		}
	}
	if items, ok := m["items"].([]any); ok {
		for _, it := range items {
			if redactObject(it) {
				found = true
			}
		}
	}
	return found
}

// sourceLines keeps the blank lines and Helm's "# Source: <template>"
// comment that open a document; other comments may quote values.
func sourceLines(doc string) string {
	var b strings.Builder
	for line := range strings.Lines(doc) {
		t := strings.TrimSpace(line)
		if t != "" && !strings.HasPrefix(t, "# Source:") {
			break
		}
		b.WriteString(strings.TrimRight(line, "\n") + "\n")
	}
	return b.String()
}

// ValuesDiff compares the user's values of two revisions (passwords show
// as changed or not, never their values).
func (s *Deployer) ValuesDiff(ctx context.Context, id, from, to int) ([]*valuespec.Change, error) {
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
	// Snapshots mask passwords, so that two masks would always compare
	// equal: Diff needs the plaintexts, which Helm's record of each
	// revision holds (while the history keeps the revision).
	a = s.unmask(ctx, svc, tpl.ValueSpecs, from, a)
	b = s.unmask(ctx, svc, tpl.ValueSpecs, to, b)
	changes := tpl.ValueSpecs.Diff(a, b)
	sec, err := s.open(svc)
	if err != nil {
		return nil, err
	}
	out := make([]*valuespec.Change, len(changes))
	for i := range changes {
		c := &changes[i]
		// A key sealed as a password, or masked in a snapshot, is one
		// whatever the specs say now.
		if _, sealed := sec.Values[c.Key]; sealed || c.Old == valuespec.MaskedValue || c.New == valuespec.MaskedValue {
			c.Secret = true
		}
		if c.Secret {
			c.Old, c.New = nil, nil
		}
		out[i] = c
	}
	return out, nil
}

// unmask returns a copy of a revision's snapshot with the masked
// passwords replaced by the values Helm recorded for that revision. Only
// for comparing: Diff never returns a password's value.
func (s *Deployer) unmask(ctx context.Context, svc *ent.Service, specs valuespec.Specs, revision int, snap map[string]any) map[string]any {
	var keys []string
	for _, sp := range append(slices.Clone(specs.Required), specs.Optional...) {
		if sp.Type == valuespec.Password && !valuespec.IsInit(sp.Key) {
			if v, ok := snap[sp.Key]; ok && v == valuespec.MaskedValue {
				keys = append(keys, sp.Key)
			}
		}
	}
	if len(keys) == 0 {
		return snap
	}
	helm, err := s.engine.Values(ctx, svc.Namespace, svc.ReleaseName, revision)
	if err != nil {
		return snap // pruned from the history: the masks compare equal
	}
	out := maps.Clone(snap)
	for _, k := range keys {
		if v, ok := lookup(helm, k); ok {
			out[k] = v
		}
	}
	return out
}

// lookup reads a nested value by dot path.
func lookup(values map[string]any, path string) (any, bool) {
	var cur any = values
	for seg := range strings.SplitSeq(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[seg]; !ok {
			return nil, false
		}
	}
	return cur, true
}

// Events streams a service's deploy log and transitions (see newStreams),
// after the event with id after when it is given.
func (s *Deployer) Events(ctx context.Context, serviceID int, after *int) (<-chan *ent.ServiceEvent, error) {
	return s.eventStream.Subscribe(ctx, serviceID, after)
}

// WorkspaceServices streams the services of a workspace as they change,
// first those changed at or after after when it is given.
func (s *Deployer) WorkspaceServices(ctx context.Context, workspaceID int, after *time.Time) (<-chan *ent.Service, error) {
	return s.serviceStream.Subscribe(ctx, workspaceID, after)
}

// newStreams builds the service streams: a service's log (cursor: the id
// of the last event the subscriber has) and a workspace's services
// (cursor: the newest updatedAt the subscriber has read; a service changed
// in that very instant comes again rather than not at all). Both are for
// the workspace's members, as queries are.
func (s *Deployer) newStreams() {
	c := s.db.Client
	opts := live.Options{Log: s.log}
	s.eventStream = live.New(s.bus, live.Config[*ent.ServiceEvent, int]{
		Name:  "serviceEvents",
		Topic: ServiceTopic,
		Authorize: func(ctx context.Context, id int) (int, error) {
			svc, err := s.get(ctx, id)
			if err != nil {
				return 0, err
			}
			return svc.WorkspaceID, nil
		},
		Load: func(ctx context.Context, id int) (*ent.ServiceEvent, error) {
			return notFound(c.ServiceEvent.Get(ctx, id))
		},
		Since: func(ctx context.Context, svc, after, limit int) ([]*ent.ServiceEvent, error) {
			return c.ServiceEvent.Query().
				Where(serviceevent.ServiceID(svc), serviceevent.IDGT(after)).
				Order(ent.Asc(serviceevent.FieldID)).Limit(limit).All(ctx)
		},
		Identity: func(ev *ent.ServiceEvent) string { return strconv.Itoa(ev.ID) },
	}, opts)
	s.serviceStream = live.New(s.bus, live.Config[*ent.Service, time.Time]{
		Name:  "workspaceServices",
		Topic: WorkspaceTopic,
		Authorize: func(ctx context.Context, ws int) (int, error) {
			if _, err := c.Workspace.Get(ctx, ws); err != nil {
				if ent.IsNotFound(err) {
					return 0, errs.E(errs.NotFound, "workspace not found")
				}
				return 0, err
			}
			return ws, nil
		},
		Load: func(ctx context.Context, id int) (*ent.Service, error) {
			return notFound(c.Service.Get(ctx, id))
		},
		Since: func(ctx context.Context, ws int, after time.Time, limit int) ([]*ent.Service, error) {
			return c.Service.Query().
				Where(service.WorkspaceID(ws), service.UpdatedAtGTE(after)).
				Order(ent.Asc(service.FieldUpdatedAt), ent.Asc(service.FieldID)).Limit(limit).All(ctx)
		},
		Identity: func(svc *ent.Service) string {
			return strconv.Itoa(svc.ID) + "@" + strconv.FormatInt(svc.UpdatedAt.UnixNano(), 10)
		},
		Mutable: true,
	}, opts)
}

// CloseStreams ends the streams' watch of access changes.
func (s *Deployer) CloseStreams() {
	s.eventStream.Close()
	s.serviceStream.Close()
}

// notFound turns ent's not-found into the domain's.
func notFound[T any](v T, err error) (T, error) {
	if ent.IsNotFound(err) {
		return v, errs.E(errs.NotFound, "not found")
	}
	return v, err
}
