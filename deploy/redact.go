package deploy

// Passwords in what is shown. A value typed password (SPEC section 4) is
// stored sealed and never returned, but Helm renders it into manifests,
// and Helm and Kubernetes quote manifests and values in their errors. So
// every text from Helm or the cluster that is shown (a manifest, a
// ServiceEvent, an error message, an activity summary, a revision's
// description, a log line, a job error River keeps) first passes through a
// valuespec.Redactor built from every password that text may quote:
//
//   - the service's current passwords (and set-up inputs typed password);
//   - its retired passwords, the ones updates replaced, kept sealed with
//     the current ones for this purpose only: they cover older revisions
//     whatever Helm's history (helmops.Config.MaxHistory revisions) and
//     the template's specs still hold;
//   - the template's defaults at password keys;
//   - the password values Helm recorded for the revisions concerned (the
//     values a revision was rendered from: template defaults deep-merged
//     with the user's values, coalesced with the chart's defaults).
//
// Passwords shorter than valuespec.MinRedactLen are blanked only where
// they stand alone (see valuespec.Redactor).

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"sigs.k8s.io/yaml"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/valuespec"
	"github.com/woowtech/woow-paas/viewer"
)

// maxRetired bounds the retired passwords a service keeps (the newest):
// more than Helm's history holds revisions of.
const maxRetired = 32

// passwordValues are the passwords of sec: its Helm password values and
// its set-up inputs that specs type password, in key order.
func passwordValues(specs valuespec.Specs, sec secrets) []string {
	var out []string
	add := func(m map[string]any, only func(string) bool) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if v, ok := m[k].(string); ok && v != "" && only(k) {
				out = append(out, v)
			}
		}
	}
	// Every sealed Helm value is a password or an environment with
	// secret entries (seal keeps nothing else).
	keys := make([]string, 0, len(sec.Values))
	for k := range sec.Values {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		out = append(out, valuespec.SecretTexts(sec.Values[k])...)
	}
	add(sec.Init, func(k string) bool { return isPassword(specs, k) })
	return out
}

// retire returns the retired passwords after an update from old to next:
// old's retired ones and old's passwords that next no longer has, each
// once, the newest maxRetired.
func retire(specs valuespec.Specs, old secrets, next valuespec.Checked) []string {
	current := map[string]bool{}
	for _, k := range next.Secret {
		v, ok := next.Values[k]
		if !ok {
			v = next.Init[k]
		}
		for _, str := range valuespec.SecretTexts(v) {
			current[str] = true
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, v := range append(slices.Clone(old.Retired), passwordValues(specs, old)...) {
		if v != "" && !current[v] && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	if len(out) > maxRetired {
		out = out[len(out)-maxRetired:]
	}
	return out
}

// knownPasswords are the passwords text about svc may quote whatever the
// revision: current, retired, and the template's defaults at password
// keys. It returns the template's specs too, to look up revisions' values.
func (s *Deployer) knownPasswords(ctx context.Context, svc *ent.Service) (valuespec.Specs, []string, error) {
	tpl, err := s.db.Client.AppTemplate.Get(viewer.System(ctx), svc.TemplateID)
	if err != nil {
		return valuespec.Specs{}, nil, err
	}
	sec, err := s.open(svc)
	if err != nil {
		return valuespec.Specs{}, nil, err
	}
	pw := passwordValues(tpl.ValueSpecs, sec)
	pw = append(pw, sec.Retired...)
	pw = append(pw, tpl.ValueSpecs.Passwords(tpl.DefaultValues)...)
	return tpl.ValueSpecs, pw, nil
}

// renderedPasswords are the password values a rendered revision used.
func renderedPasswords(specs valuespec.Specs, r *helmops.Rendered) []string {
	return append(specs.Passwords(r.Computed), specs.Passwords(r.Values)...)
}

// redactor returns the Redactor for text about svc and Helm's revisions
// of it (0: the newest). A revision Helm does not hold (pruned, or never
// recorded) adds nothing: what it used is among the known passwords.
func (s *Deployer) redactor(ctx context.Context, svc *ent.Service, revisions ...int) (*valuespec.Redactor, error) {
	specs, pw, err := s.knownPasswords(ctx, svc)
	if err != nil {
		return nil, err
	}
	for _, rev := range slices.Compact(slices.Sorted(slices.Values(revisions))) {
		r, err := s.engine.Rendered(ctx, svc.Namespace, svc.ReleaseName, rev)
		if err != nil {
			if !errors.Is(err, helmops.ErrReleaseNotFound) {
				s.log.Warn("reading a revision's values to redact its passwords", "service_id", svc.ID, "revision", rev, "err", err)
			}
			continue
		}
		pw = append(pw, renderedPasswords(specs, r)...)
	}
	return valuespec.NewRedactor(pw...), nil
}

// scrubber returns what blanks the passwords of svc (and of its Helm
// revisions) in free text. It fails closed: when the passwords cannot be
// known (the template or the secrets cannot be read), text is replaced
// whole by a notice.
func (s *Deployer) scrubber(ctx context.Context, svc *ent.Service, revisions ...int) func(string) string {
	r, err := s.redactor(ctx, svc, revisions...)
	if err != nil {
		s.log.Error("loading the passwords to redact", "service_id", svc.ID, "err", err)
		return func(string) string {
			return "details withheld: they could not be checked for passwords (" + err.Error() + ")"
		}
	}
	return r.Text
}

// scrubbedError is an error whose message has its passwords blanked; errors.Is
// and errors.As still see the error it stands for.
type scrubbedError struct {
	msg string
	err error
}

func (e *scrubbedError) Error() string { return e.msg }
func (e *scrubbedError) Unwrap() error { return e.err }

// scrubErr returns err with scrub applied to its message.
func scrubErr(err error, scrub func(string) string) error {
	if err == nil {
		return nil
	}
	return &scrubbedError{msg: scrub(err.Error()), err: err}
}

// redactManifest redacts a rendered manifest for display: every value of
// each Secret (redactSecrets), then r's passwords wherever else a chart
// put them (a container's environment, a ConfigMap), as text and, in each
// document that parses, as whole values, which also finds a password
// written with escapes the text search does not know, and a short one
// standing alone. A document in which a whole value was blanked is
// written out again like a redacted Secret (keys sorted, comments but
// Helm's "# Source:" line dropped).
func redactManifest(manifest string, r *valuespec.Redactor) string {
	docs := docSeparator.Split(manifest, -1)
	for i, d := range docs {
		docs[i] = redactPasswords(redactDoc(d), r)
	}
	return strings.Join(docs, "---")
}

func redactPasswords(doc string, r *valuespec.Redactor) string {
	if r.Empty() {
		return doc
	}
	doc = r.Embedded(doc)
	var obj any
	if err := yaml.Unmarshal([]byte(doc), &obj); err != nil || innerDocument.MatchString(doc) {
		return doc
	}
	obj, changed := redactTree(obj, r)
	if !changed {
		return doc
	}
	out, err := yaml.Marshal(obj)
	if err != nil {
		return sourceLines(doc) + "# " + valuespec.Redacted + "\n"
	}
	return sourceLines(doc) + string(out)
}

// redactTree blanks r's passwords in the values of a parsed document,
// in place, and reports whether it changed anything.
func redactTree(v any, r *valuespec.Redactor) (any, bool) {
	switch t := v.(type) {
	case map[string]any:
		changed := false
		for k, x := range t {
			if nx, ch := redactTree(x, r); ch {
				t[k], changed = nx, true
			}
		}
		return t, changed
	case []any:
		changed := false
		for i, x := range t {
			if nx, ch := redactTree(x, r); ch {
				t[i], changed = nx, true
			}
		}
		return t, changed
	case string:
		if n := r.Value(t); n != t {
			return n, true
		}
	case float64:
		// An unquoted numeric password parses as a number.
		if r.Value(strconv.FormatFloat(t, 'f', -1, 64)) == valuespec.Redacted {
			return valuespec.Redacted, true
		}
	case bool:
		if r.Value(strconv.FormatBool(t)) == valuespec.Redacted {
			return valuespec.Redacted, true
		}
	}
	return v, false
}

// clip shortens a message to what a ServiceEvent and an error message
// hold (4,000 characters). Clip after scrubbing, never before: a cut
// could split a password so that it no longer matches.
func clip(msg string) string { return clipTo(msg, 4000) }

// clipTo shortens s to at most max bytes (so characters), marking the cut.
func clipTo(s string, max int) string {
	if len(s) <= max {
		return s
	}
	return strings.ToValidUTF8(s[:max-len("…")], "") + "…"
}
