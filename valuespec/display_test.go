package valuespec_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/valuespec"
)

func toJSON(tb testing.TB, v any) string {
	tb.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

func TestMasked(t *testing.T) {
	cat, _ := catalogue(t)
	n8n := cat["n8n"].ValueSpecs
	in := map[string]any{"_init.owner_email": "me@example.com", "_init.owner_password": "TopSecret1", "config.database.type": "sqlite"}
	got := n8n.Masked(in)
	want := map[string]any{"_init.owner_email": "me@example.com", "_init.owner_password": valuespec.MaskedValue, "config.database.type": "sqlite"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v, want %#v", got, want)
	}
	if strings.Contains(toJSON(t, got), "TopSecret1") {
		t.Fatal("the password shows")
	}
	if in["_init.owner_password"] != "TopSecret1" {
		t.Fatal("Masked changed its input")
	}
	// An empty password is masked too: its being empty is not shown.
	if got := cat["odoo"].ValueSpecs.Masked(map[string]any{"odooPassword": ""}); got["odooPassword"] != valuespec.MaskedValue {
		t.Fatalf("empty password: %#v", got)
	}
	// With empty specs nothing is known to be secret; values are copied.
	var empty valuespec.Specs
	nested := map[string]any{"a": map[string]any{"b": "c"}}
	m := empty.Masked(nested)
	scribble(m)
	if nested["a"].(map[string]any)["b"] != "c" {
		t.Fatal("Masked's result aliases its input")
	}
}

func TestDiff(t *testing.T) {
	cat, _ := catalogue(t)
	odoo := cat["odoo"].ValueSpecs
	cases := []struct {
		name     string
		old, new map[string]any
		want     []valuespec.Change
	}{
		{"nothing", nil, nil, []valuespec.Change{}},
		{"same", map[string]any{"odooEmail": "a@b.c", "odooPassword": "pw"}, map[string]any{"odooEmail": "a@b.c", "odooPassword": "pw"}, []valuespec.Change{}},
		{"changes, sorted by key",
			map[string]any{"odooEmail": "a@b.c", "odooPassword": "old-pw", "loadDemoData": false},
			map[string]any{"odooEmail": "x@y.z", "odooPassword": "new-pw", "zz": 1.0},
			[]valuespec.Change{
				{Key: "loadDemoData", Kind: valuespec.Removed, Old: false},
				{Key: "odooEmail", Kind: valuespec.Changed, Old: "a@b.c", New: "x@y.z"},
				{Key: "odooPassword", Kind: valuespec.Changed, Secret: true},
				{Key: "zz", Kind: valuespec.Added, New: 1.0},
			}},
		{"password added and removed show no value",
			map[string]any{"odooPassword": "pw"}, map[string]any{},
			[]valuespec.Change{{Key: "odooPassword", Kind: valuespec.Removed, Secret: true}}},
		{"password added", map[string]any{}, map[string]any{"odooPassword": "pw"},
			[]valuespec.Change{{Key: "odooPassword", Kind: valuespec.Added, Secret: true}}},
		{"numbers by value: stored float64 equals checked int64",
			map[string]any{"n": 3.0, "m": map[string]any{"x": []any{1.0}}}, map[string]any{"n": int64(3), "m": map[string]any{"x": []any{int64(1)}}},
			[]valuespec.Change{}},
		{"null is a value",
			map[string]any{"a": nil}, map[string]any{"a": 0.0},
			[]valuespec.Change{{Key: "a", Kind: valuespec.Changed, Old: nil, New: 0.0}}},
		{"type change", map[string]any{"a": "1"}, map[string]any{"a": 1.0},
			[]valuespec.Change{{Key: "a", Kind: valuespec.Changed, Old: "1", New: 1.0}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := odoo.Diff(c.old, c.new)
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %#v\nwant %#v", got, c.want)
			}
			if s := toJSON(t, got); strings.Contains(s, "pw") {
				t.Fatalf("a password shows: %s", s)
			}
		})
	}
}
