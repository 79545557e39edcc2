package valuespec_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/valuespec"
)

func TestUnflatten(t *testing.T) {
	cases := []struct {
		name  string
		flat  map[string]any
		want  map[string]any
		field string // the expected error's Field, "" for success
	}{
		{"empty", map[string]any{}, map[string]any{}, ""},
		{"nil", nil, map[string]any{}, ""},
		{"one level", map[string]any{"a": 1.0}, map[string]any{"a": 1.0}, ""},
		{"siblings share a parent", map[string]any{"a.b": 1.0, "a.c": "x", "d": true},
			map[string]any{"a": map[string]any{"b": 1.0, "c": "x"}, "d": true}, ""},
		{"deep", map[string]any{"a.b.c.d": nil}, map[string]any{"a": map[string]any{"b": map[string]any{"c": map[string]any{"d": nil}}}}, ""},
		{"object leaf kept whole", map[string]any{"a": map[string]any{"x.y": 1.0}},
			map[string]any{"a": map[string]any{"x.y": 1.0}}, ""},
		{"similar names are no conflict", map[string]any{"a": 1.0, "a-b.c": 2.0, "ab.c": 3.0},
			map[string]any{"a": 1.0, "a-b": map[string]any{"c": 2.0}, "ab": map[string]any{"c": 3.0}}, ""},
		{"leaf and parent", map[string]any{"a": 1.0, "a.b": 2.0}, nil, "values.a"},
		{"deeper leaf and parent", map[string]any{"x.a": 1.0, "x.a.b.c": 2.0, "x.b": 3.0}, nil, "values.x.a"},
		{"object and parent", map[string]any{"a": map[string]any{}, "a.b": 2.0}, nil, "values.a"},
		{"bad key", map[string]any{"a..b": 1.0}, nil, "values.a..b"},
		{"leading dot", map[string]any{".a": 1.0}, nil, "values..a"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := valuespec.Unflatten(c.flat)
			if c.field != "" {
				if err == nil {
					t.Fatalf("accepted: %#v", got)
				}
				if f := fieldOf(t, err); f != c.field {
					t.Fatalf("field %q, want %q (%v)", f, c.field, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %#v, want %#v", got, c.want)
			}
		})
	}
}

func TestUnflattenDoesNotAlias(t *testing.T) {
	flat := map[string]any{"a.b": map[string]any{"c": []any{1.0, map[string]any{"d": "e"}}}}
	before := deepCopy(t, flat)
	got, err := valuespec.Unflatten(flat)
	if err != nil {
		t.Fatal(err)
	}
	scribble(got)
	if !reflect.DeepEqual(deepCopy(t, flat), before) {
		t.Fatalf("changing Unflatten's result changed its input: %#v", flat)
	}
}

func TestMerge(t *testing.T) {
	cases := []struct {
		name                 string
		base, override, want map[string]any
	}{
		{"both empty", map[string]any{}, map[string]any{}, map[string]any{}},
		{"nil inputs", nil, nil, map[string]any{}},
		{"override adds", map[string]any{"a": 1.0}, map[string]any{"b": 2.0}, map[string]any{"a": 1.0, "b": 2.0}},
		{"scalar replaces", map[string]any{"a": 1.0}, map[string]any{"a": "x"}, map[string]any{"a": "x"}},
		{"maps merge deeply",
			map[string]any{"r": map[string]any{"req": map[string]any{"cpu": "100m", "mem": "1Gi"}, "lim": "x"}},
			map[string]any{"r": map[string]any{"req": map[string]any{"cpu": "2"}}},
			map[string]any{"r": map[string]any{"req": map[string]any{"cpu": "2", "mem": "1Gi"}, "lim": "x"}}},
		{"list replaces, not appends", map[string]any{"l": []any{1.0, 2.0}}, map[string]any{"l": []any{3.0}}, map[string]any{"l": []any{3.0}}},
		{"map replaces scalar", map[string]any{"a": "x"}, map[string]any{"a": map[string]any{"b": 1.0}}, map[string]any{"a": map[string]any{"b": 1.0}}},
		{"scalar replaces map", map[string]any{"a": map[string]any{"b": 1.0}}, map[string]any{"a": false}, map[string]any{"a": false}},
		{"null replaces", map[string]any{"a": map[string]any{"b": 1.0}}, map[string]any{"a": nil}, map[string]any{"a": nil}},
		{"empty object merges as nothing", map[string]any{"a": map[string]any{"b": 1.0}}, map[string]any{"a": map[string]any{}}, map[string]any{"a": map[string]any{"b": 1.0}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var baseBefore, overrideBefore map[string]any
			if c.base != nil {
				baseBefore, overrideBefore = deepCopy(t, c.base), deepCopy(t, c.override)
			}
			got := valuespec.Merge(c.base, c.override)
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %#v, want %#v", got, c.want)
			}
			if c.base == nil {
				return
			}
			scribble(got)
			if !reflect.DeepEqual(deepCopy(t, c.base), baseBefore) {
				t.Errorf("base changed: %#v", c.base)
			}
			if !reflect.DeepEqual(deepCopy(t, c.override), overrideBefore) {
				t.Errorf("override changed: %#v", c.override)
			}
		})
	}
}

func TestEffectiveCatalogue(t *testing.T) {
	cat, _ := catalogue(t)
	n8n := cat["n8n"]
	before := deepCopy(t, n8n.DefaultValues)
	checked, err := n8n.ValueSpecs.Check(map[string]any{
		"_init.owner_email": "me@example.com", "_init.owner_password": "Secr3tPass",
		"config.database.type": "postgres", "main.config.GENERIC_TIMEZONE": "UTC",
	})
	if err != nil {
		t.Fatal(err)
	}
	eff, err := valuespec.Effective(n8n.DefaultValues, checked.Values)
	if err != nil {
		t.Fatal(err)
	}
	want := deepCopy(t, n8n.DefaultValues)
	want["config"].(map[string]any)["database"].(map[string]any)["type"] = "postgres"
	want["main"].(map[string]any)["config"].(map[string]any)["GENERIC_TIMEZONE"] = "UTC"
	if !reflect.DeepEqual(eff, want) {
		t.Fatalf("effective = %#v\nwant %#v", eff, want)
	}
	// The set-up inputs never reach Helm, even if passed by mistake.
	eff2, err := valuespec.Effective(n8n.DefaultValues, map[string]any{"_init.owner_password": "pw", "updateStrategy.type": "RollingUpdate"})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := eff2["_init"]; ok || strings.Contains(toJSON(t, eff2), "owner_password") {
		t.Fatalf("set-up input leaked into Helm values: %#v", eff2)
	}
	if eff2["updateStrategy"].(map[string]any)["type"] != "RollingUpdate" {
		t.Fatalf("user value lost: %#v", eff2)
	}
	scribble(eff)
	scribble(eff2)
	if !reflect.DeepEqual(deepCopy(t, n8n.DefaultValues), before) {
		t.Fatal("Effective's result aliases the template defaults")
	}

	// Odoo: the filled-in required default and the user's password.
	odoo := cat["odoo"]
	checked, err = odoo.ValueSpecs.Check(map[string]any{"odooPassword": "pw"})
	if err != nil {
		t.Fatal(err)
	}
	eff, err = valuespec.Effective(odoo.DefaultValues, checked.Values)
	if err != nil {
		t.Fatal(err)
	}
	if eff["odooPassword"] != "pw" || eff["odooEmail"] != "user@example.com" || eff["loadDemoData"] != false {
		t.Fatalf("effective = %#v", eff)
	}

	if _, err := valuespec.Effective(nil, map[string]any{"a": 1.0, "a.b": 1.0}); err == nil || fieldOf(t, err) != "values.a" {
		t.Fatalf("conflicting keys: %v", err)
	}
}
