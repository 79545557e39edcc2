package valuespec_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/valuespec"
)

// fuzzSpecs is what FuzzCheck picks from: the catalogue, specs with numbers
// and nested keys, and empty specs.
func fuzzSpecs(tb testing.TB) []template {
	_, ts := catalogue(tb)
	return append(ts,
		template{Slug: "numbers", ValueSpecs: numberSpecs, DefaultValues: map[string]any{"replicas": 1.0, "auth": map[string]any{"enabled": true}}},
		template{Slug: "empty", DefaultValues: map[string]any{"image": map[string]any{"tag": "1"}}},
	)
}

func decode(data []byte, useNumber bool) (map[string]any, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if useNumber {
		dec.UseNumber()
	}
	var m map[string]any
	if err := dec.Decode(&m); err != nil || m == nil {
		return nil, false
	}
	return m, true
}

func FuzzCheck(f *testing.F) {
	ts := fuzzSpecs(f)
	for i, t := range ts {
		// The chart defaults, flattened: mostly unknown keys.
		f.Add(uint8(i), []byte(toJSON(f, flatten(t.DefaultValues))), false)
		// Every spec at its default, or a plausible value.
		valid := map[string]any{}
		for _, sp := range append(slices.Clone(t.ValueSpecs.Required), t.ValueSpecs.Optional...) {
			switch {
			case sp.Default != nil:
				valid[sp.Key] = sp.Default
			case sp.Type == valuespec.Password || sp.Type == valuespec.Text:
				valid[sp.Key] = "S3cret-value"
			}
		}
		f.Add(uint8(i), []byte(toJSON(f, valid)), true)
		f.Add(uint8(i), []byte(`{}`), false)
	}
	f.Add(uint8(1), []byte(`{"_init.owner_email":"a@b.c","_init.owner_password":"x","config.database.type":"mysql"}`), false)
	f.Add(uint8(3), []byte(`{"odooPassword":"x","loadDemoData":"yes"}`), false)
	f.Add(uint8(2), []byte(`{"architecture":"cluster"}`), false)
	f.Add(uint8(4), []byte(`{"replicas":1e400,"ratio":-0.0}`), true)
	f.Add(uint8(5), []byte(`{"a":{"b":[1,2,{"c":null}]},"a-b.c":1,"_init.x":[],"e.f":1.5e300}`), true)
	f.Add(uint8(5), []byte(`{"a":1,"a.b":2}`), false)

	f.Fuzz(func(t *testing.T, pick uint8, data []byte, useNumber bool) {
		tpl := ts[int(pick)%len(ts)]
		specs := tpl.ValueSpecs
		in, ok := decode(data, useNumber)
		if !ok {
			return
		}
		got, err := specs.Check(in)
		if inAgain, _ := decode(data, useNumber); !reflect.DeepEqual(in, inAgain) {
			t.Fatal("Check changed its input")
		}
		if err != nil {
			var e *errs.Error
			if !errors.As(err, &e) || e.Code != errs.Invalid {
				t.Fatalf("not a BAD_USER_INPUT error: %v", err)
			}
			key, named := strings.CutPrefix(e.Field, "values.")
			if e.Field != "values" && !named {
				t.Fatalf("field %q does not name a value", e.Field)
			}
			if named {
				_, given := in[key]
				_, specified := specIndex(specs)[key]
				if !given && !specified {
					t.Fatalf("error names %q, neither given nor specified: %v", key, err)
				}
			}
			return
		}
		idx := specIndex(specs)
		for k, v := range got.Values {
			if valuespec.IsInit(k) {
				t.Fatalf("set-up key %q in Values", k)
			}
			checkTyped(t, specs, idx, k, v)
		}
		for k, v := range got.Init {
			if !valuespec.IsInit(k) {
				t.Fatalf("Helm key %q in Init", k)
			}
			checkTyped(t, specs, idx, k, v)
		}
		for _, sp := range specs.Required {
			if _, ok := lookup(got, sp.Key); !ok {
				t.Fatalf("required %q missing from %+v", sp.Key, got)
			}
		}
		var secrets []string
		for _, m := range []map[string]any{got.Values, got.Init} {
			for k := range m {
				if idx[k].Type == valuespec.Password {
					secrets = append(secrets, k)
				}
			}
		}
		slices.Sort(secrets)
		if !slices.Equal(secrets, got.Secret) {
			t.Fatalf("Secret = %q, want %q", got.Secret, secrets)
		}
		// Masking hides every secret.
		masked := specs.Masked(got.Init)
		for k, v := range specs.Masked(got.Values) {
			masked[k] = v
		}
		for _, k := range got.Secret {
			if masked[k] != valuespec.MaskedValue {
				t.Fatalf("secret %q shows as %#v", k, masked[k])
			}
		}
		// Checked values always make effective values, in which every
		// user value that is not an object stands as the user set it.
		eff, err := valuespec.Effective(tpl.DefaultValues, got.Values)
		if err != nil {
			t.Fatalf("Effective refused checked values: %v", err)
		}
		for k, v := range got.Values {
			if _, isMap := v.(map[string]any); isMap {
				continue
			}
			if at, ok := at(eff, k); !ok || !reflect.DeepEqual(at, v) {
				t.Fatalf("effective %q = %#v, want %#v", k, at, v)
			}
		}
		// Normalised values survive storage as JSON: checking them again
		// gives the same result, and Diff sees no change.
		all := map[string]any{}
		for _, m := range []map[string]any{got.Values, got.Init} {
			for k, v := range m {
				all[k] = v
			}
		}
		stored := deepCopy(t, all)
		again, err := specs.Check(stored)
		if err != nil {
			t.Fatalf("checked values refused after a JSON round trip: %v", err)
		}
		if !reflect.DeepEqual(again, got) {
			t.Fatalf("not idempotent:\n%#v\n%#v", got, again)
		}
		if d := specs.Diff(all, stored); len(d) != 0 {
			t.Fatalf("Diff after a JSON round trip: %+v", d)
		}
	})
}

func specIndex(s valuespec.Specs) map[string]valuespec.Spec {
	idx := map[string]valuespec.Spec{}
	for _, sp := range append(slices.Clone(s.Required), s.Optional...) {
		idx[sp.Key] = sp
	}
	return idx
}

func lookup(c valuespec.Checked, key string) (any, bool) {
	if v, ok := c.Values[key]; ok {
		return v, true
	}
	v, ok := c.Init[key]
	return v, ok
}

// checkTyped asserts that a checked key is allowed and typed as its spec
// says, re-deriving the rules rather than calling the package.
func checkTyped(t *testing.T, specs valuespec.Specs, idx map[string]valuespec.Spec, k string, v any) {
	t.Helper()
	if !valuespec.ValidKey(k) || k == "_init" {
		t.Fatalf("key %q accepted", k)
	}
	if specs.Empty() {
		if _, err := json.Marshal(v); err != nil {
			t.Fatalf("%q: not JSON: %v", k, err)
		}
		return
	}
	sp, ok := idx[k]
	if !ok {
		t.Fatalf("key %q is not in the specs", k)
	}
	switch sp.Type {
	case valuespec.Text, valuespec.Password:
		s, ok := v.(string)
		if !ok || len(s) > valuespec.MaxStringLen {
			t.Fatalf("%q = %#v, want a string", k, v)
		}
	case valuespec.Number:
		switch n := v.(type) {
		case int64:
			if n > 1<<53 || n < -(1<<53) {
				t.Fatalf("%q = %d: int64 beyond 2^53", k, n)
			}
		case float64:
			if math.IsNaN(n) || math.IsInf(n, 0) || (n == math.Trunc(n) && math.Abs(n) <= 1<<53) {
				t.Fatalf("%q = %v: want finite, and int64 when integral", k, n)
			}
		default:
			t.Fatalf("%q = %#v (%T), want int64 or float64", k, v, v)
		}
	case valuespec.Boolean:
		if _, ok := v.(bool); !ok {
			t.Fatalf("%q = %#v, want a bool", k, v)
		}
	case valuespec.Select:
		s, ok := v.(string)
		if !ok || !slices.Contains(sp.Options, s) {
			t.Fatalf("%q = %#v, want one of %q", k, v, sp.Options)
		}
	default:
		t.Fatalf("%q has spec type %q", k, sp.Type)
	}
}

// at follows a dot path into nested maps.
func at(m map[string]any, path string) (any, bool) {
	var cur any = m
	for seg := range strings.SplitSeq(path, ".") {
		node, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = node[seg]; !ok {
			return nil, false
		}
	}
	return cur, true
}

// leaves lists the paths (as segment lists, since keys may hold dots) of
// every non-object value and every empty object in m.
func leaves(m map[string]any) [][]string {
	var out [][]string
	var walk func(path []string, v any)
	walk = func(path []string, v any) {
		if sub, ok := v.(map[string]any); ok && len(sub) > 0 {
			for k, e := range sub {
				walk(append(slices.Clone(path), k), e)
			}
			return
		}
		out = append(out, path)
	}
	for k, v := range m {
		walk([]string{k}, v)
	}
	return out
}

func atPath(m map[string]any, path []string) (any, bool) {
	var cur any = m
	for _, seg := range path {
		node, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = node[seg]; !ok {
			return nil, false
		}
	}
	return cur, true
}

func FuzzUnflattenMerge(f *testing.F) {
	_, ts := catalogue(f)
	for i, t := range ts {
		o := ts[(i+1)%len(ts)]
		f.Add([]byte(toJSON(f, t.DefaultValues)), []byte(toJSON(f, o.DefaultValues)))
		f.Add([]byte(toJSON(f, t.DefaultValues)), []byte(`{}`))
	}
	f.Add([]byte(`{"a":{"b":1},"c":[1,{"d":2}]}`), []byte(`{"a":{"b":{"x":null}},"c":{"d":3}}`))
	f.Add([]byte(`{"a.b":1,"a":{"":2},"x":{}}`), []byte(`{"a":{},"x":{"y":[]}}`))

	f.Fuzz(func(t *testing.T, baseJSON, overrideJSON []byte) {
		base, ok1 := decode(baseJSON, false)
		override, ok2 := decode(overrideJSON, false)
		if !ok1 || !ok2 {
			return
		}
		baseBefore, overrideBefore := deepCopy(t, base), deepCopy(t, override)

		// Merge with nothing is a copy.
		if m := valuespec.Merge(base, map[string]any{}); !reflect.DeepEqual(m, base) {
			t.Fatalf("Merge(base, {}) = %#v, want %#v", m, base)
		}
		if m := valuespec.Merge(map[string]any{}, base); !reflect.DeepEqual(m, base) {
			t.Fatalf("Merge({}, base) = %#v, want %#v", m, base)
		}

		merged := valuespec.Merge(base, override)
		// Every leaf of override stands in the result as override has it
		// (an empty object merges into whatever object is there).
		for _, p := range leaves(override) {
			want, _ := atPath(override, p)
			got, ok := atPath(merged, p)
			if !ok {
				t.Fatalf("override path %q missing from %#v", p, merged)
			}
			if w, isMap := want.(map[string]any); isMap && len(w) == 0 {
				if _, ok := got.(map[string]any); !ok {
					t.Fatalf("override path %q: %#v, want an object", p, got)
				}
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("override path %q = %#v, want %#v", p, got, want)
			}
		}
		// Every leaf of base that override does not touch survives.
		for _, p := range leaves(base) {
			if touched(override, p) {
				continue
			}
			want, _ := atPath(base, p)
			if got, ok := atPath(merged, p); !ok || !reflect.DeepEqual(got, want) {
				t.Fatalf("base path %q = %#v, want %#v", p, got, want)
			}
		}
		// The result shares nothing with the inputs.
		scribble(merged)
		if !reflect.DeepEqual(base, baseBefore) || !reflect.DeepEqual(override, overrideBefore) {
			t.Fatal("Merge's inputs changed (by Merge or through its result)")
		}

		// Unflatten undoes flatten whenever every key is a plain segment.
		flat := flatten(base)
		u, err := valuespec.Unflatten(flat)
		plain := true
		for k := range flat {
			plain = plain && valuespec.ValidKey(k)
		}
		switch {
		case plain && err != nil:
			t.Fatalf("Unflatten(flatten(%#v)): %v", base, err)
		case plain && !reflect.DeepEqual(u, base):
			t.Fatalf("Unflatten(flatten(base)) = %#v, want %#v", u, base)
		case !plain && err == nil:
			t.Fatalf("Unflatten accepted invalid keys in %q", slices.Sorted(maps.Keys(flat)))
		case err != nil:
			fieldOf(t, err)
		}
		if err == nil {
			scribble(u)
			if !reflect.DeepEqual(base, baseBefore) {
				t.Fatal("Unflatten's result aliases its input")
			}
		}

		// override's keys read as dot paths: either refused with a named
		// field, or each value lands at its path in Effective.
		eff, err := valuespec.Effective(base, override)
		if err != nil {
			if f := fieldOf(t, err); !strings.HasPrefix(f, "values.") {
				t.Fatalf("field %q", f)
			}
			return
		}
		for k, v := range override {
			if valuespec.IsInit(k) {
				if _, ok := at(eff, k); ok && !hasKey(base, "_init") && !hasKey(override, "_init") {
					t.Fatalf("set-up key %q reached Helm values", k)
				}
				continue
			}
			if _, isMap := v.(map[string]any); isMap {
				continue
			}
			if got, ok := at(eff, k); !ok || !reflect.DeepEqual(got, v) {
				t.Fatalf("effective %q = %#v, want %#v", k, got, v)
			}
		}
	})
}

// touched reports whether override holds p, or replaces one of its
// ancestors with something other than an object to merge into.
func touched(override map[string]any, p []string) bool {
	var cur any = override
	for _, seg := range p {
		node, ok := cur.(map[string]any)
		if !ok {
			return true // override replaced an ancestor
		}
		if cur, ok = node[seg]; !ok {
			return false
		}
	}
	return true
}

func hasKey(m map[string]any, k string) bool { _, ok := m[k]; return ok }
