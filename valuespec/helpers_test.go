package valuespec_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/valuespec"
)

// template is the part of a catalogue entry these tests need. The file is
// read directly rather than through package catalog, which imports this one.
type template struct {
	Slug          string          `json:"slug"`
	DefaultValues map[string]any  `json:"defaultValues"`
	ValueSpecs    valuespec.Specs `json:"valueSpecs"`
}

// catalogue reads the seeded templates, keyed by slug, plus their order.
func catalogue(tb testing.TB) (map[string]template, []template) {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "catalog", "templates.json"))
	if err != nil {
		tb.Fatalf("read catalogue: %v", err)
	}
	var ts []template
	if err := json.Unmarshal(data, &ts); err != nil {
		tb.Fatalf("decode catalogue: %v", err)
	}
	bySlug := map[string]template{}
	for _, t := range ts {
		bySlug[t.Slug] = t
	}
	for _, slug := range []string{"postgresql", "n8n", "redis", "odoo"} {
		if _, ok := bySlug[slug]; !ok {
			tb.Fatalf("catalogue has no %q template", slug)
		}
	}
	return bySlug, ts
}

// fieldOf returns the Field of a BAD_USER_INPUT error, failing otherwise.
func fieldOf(tb testing.TB, err error) string {
	tb.Helper()
	var e *errs.Error
	if !errors.As(err, &e) {
		tb.Fatalf("error %v (%T) is not an *errs.Error", err, err)
	}
	if e.Code != errs.Invalid {
		tb.Fatalf("error %v: code %s, want %s", err, e.Code, errs.Invalid)
	}
	return e.Field
}

// flatten is the inverse of Unflatten, written independently: every
// non-empty object is descended into, anything else is a leaf.
func flatten(m map[string]any) map[string]any {
	out := map[string]any{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		if sub, ok := v.(map[string]any); ok && len(sub) > 0 {
			for k, e := range sub {
				walk(prefix+"."+k, e)
			}
			return
		}
		out[prefix] = v
	}
	for k, v := range m {
		walk(k, v)
	}
	return out
}

// deepCopy copies a decoded JSON value through encoding/json, independently
// of the package's own copying.
func deepCopy(tb testing.TB, m map[string]any) map[string]any {
	tb.Helper()
	data, err := json.Marshal(m)
	if err != nil {
		tb.Fatalf("marshal: %v", err)
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		tb.Fatalf("unmarshal: %v", err)
	}
	return out
}

// scribble changes every map and list inside v in place, to show that a
// result shares nothing with the inputs it was built from.
func scribble(v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			scribble(e)
			if _, nested := e.(map[string]any); !nested {
				v[k] = "scribbled"
			}
		}
		v["scribbled-key"] = true
	case []any:
		for i, e := range v {
			scribble(e)
			v[i] = "scribbled"
		}
	}
}
