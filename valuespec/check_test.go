package valuespec_test

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/valuespec"
)

func TestCheckCatalogue(t *testing.T) {
	cat, _ := catalogue(t)
	n8nOK := map[string]any{"_init.owner_email": "me@example.com", "_init.owner_password": "Secr3tPass"}
	with := func(base map[string]any, kv ...any) map[string]any {
		m := map[string]any{}
		for k, v := range base {
			m[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			if kv[i+1] == nil {
				delete(m, kv[i].(string))
			} else {
				m[kv[i].(string)] = kv[i+1]
			}
		}
		return m
	}
	cases := []struct {
		name   string
		slug   string
		values map[string]any
		// wantField is the Field of the expected error ("" for success);
		// wantMsg a substring of its message.
		wantField, wantMsg string
		// On success: the expected split and secrets.
		wantValues, wantInit map[string]any
		wantSecret           []string
	}{
		{
			name: "n8n minimal", slug: "n8n", values: n8nOK,
			wantValues: map[string]any{}, wantInit: n8nOK,
			wantSecret: []string{"_init.owner_password"},
		},
		{
			name: "n8n with options", slug: "n8n",
			values:     with(n8nOK, "config.database.type", "postgres", "main.config.N8N_LOG_LEVEL", "debug"),
			wantValues: map[string]any{"config.database.type": "postgres", "main.config.N8N_LOG_LEVEL": "debug"},
			wantInit:   n8nOK, wantSecret: []string{"_init.owner_password"},
		},
		{
			name: "n8n missing owner password", slug: "n8n",
			values:    with(n8nOK, "_init.owner_password", nil),
			wantField: "values._init.owner_password", wantMsg: "required",
		},
		{
			name: "n8n nothing at all", slug: "n8n", values: nil,
			wantField: "values._init.owner_email", wantMsg: "required",
		},
		{
			name: "n8n blank owner password", slug: "n8n",
			values:    with(n8nOK, "_init.owner_password", "   "),
			wantField: "values._init.owner_password", wantMsg: "required",
		},
		{
			name: "n8n password as number", slug: "n8n",
			values:    with(n8nOK, "_init.owner_password", 12345678.0),
			wantField: "values._init.owner_password", wantMsg: "must be a string, not a number",
		},
		{
			name: "n8n weak owner password", slug: "n8n",
			values:    with(n8nOK, "_init.owner_password", "weak"),
			wantField: "values._init.owner_password", wantMsg: "must be at least 8 characters",
		},
		{
			name: "n8n owner password without a digit", slug: "n8n",
			values:    with(n8nOK, "_init.owner_password", "SecretPass"),
			wantField: "values._init.owner_password", wantMsg: "must contain upper- and lower-case letters and a digit",
		},
		{
			name: "n8n owner password without upper case", slug: "n8n",
			values:    with(n8nOK, "_init.owner_password", "secr3tpass"),
			wantField: "values._init.owner_password", wantMsg: "upper- and lower-case",
		},
		{
			name: "n8n owner password, digit first", slug: "n8n",
			values:     with(n8nOK, "_init.owner_password", "9xY-long-enough"),
			wantValues: map[string]any{}, wantInit: with(n8nOK, "_init.owner_password", "9xY-long-enough"),
			wantSecret: []string{"_init.owner_password"},
		},
		{
			name: "n8n timezone not an option", slug: "n8n",
			values:    with(n8nOK, "main.config.GENERIC_TIMEZONE", "Mars/Olympus"),
			wantField: "values.main.config.GENERIC_TIMEZONE", wantMsg: `"Asia/Taipei"`,
		},
		{
			name: "n8n value not in specs though in chart defaults", slug: "n8n",
			values:    with(n8nOK, "main.config.N8N_PUBLIC_API_ENABLED", "false"),
			wantField: "values.main.config.N8N_PUBLIC_API_ENABLED", wantMsg: "unknown",
		},
		{
			name: "n8n undeclared init key", slug: "n8n",
			values:    with(n8nOK, "_init.owner_name", "Me"),
			wantField: "values._init.owner_name", wantMsg: "unknown",
		},
		{
			name: "odoo with password, default email filled in", slug: "odoo",
			values:     map[string]any{"odooPassword": "hunter2!", "loadDemoData": true},
			wantValues: map[string]any{"odooPassword": "hunter2!", "loadDemoData": true, "odooEmail": "user@example.com"},
			wantInit:   map[string]any{}, wantSecret: []string{"odooPassword"},
		},
		{
			name: "odoo required password missing", slug: "odoo",
			values:    map[string]any{"odooEmail": "a@b.c"},
			wantField: "values.odooPassword", wantMsg: "required",
		},
		{
			name: "odoo demo data as string", slug: "odoo",
			values:    map[string]any{"odooPassword": "pw", "loadDemoData": "yes"},
			wantField: "values.loadDemoData", wantMsg: "must be true or false, not text",
		},
		{
			name: "odoo demo data as string true", slug: "odoo",
			values:    map[string]any{"odooPassword": "pw", "loadDemoData": "true"},
			wantField: "values.loadDemoData", wantMsg: "must be true or false",
		},
		{
			name: "odoo email null", slug: "odoo",
			values:    map[string]any{"odooPassword": "pw", "odooEmail": nil},
			wantField: "values.odooEmail", wantMsg: "not null",
		},
		{
			name: "odoo blank required email with default", slug: "odoo",
			values:    map[string]any{"odooPassword": "pw", "odooEmail": ""},
			wantField: "values.odooEmail", wantMsg: "required",
		},
		{
			name: "redis replication", slug: "redis",
			values:     map[string]any{"architecture": "replication"},
			wantValues: map[string]any{"architecture": "replication"}, wantInit: map[string]any{}, wantSecret: []string{},
		},
		{
			name: "redis nothing: optional defaults are not injected", slug: "redis",
			values:     map[string]any{},
			wantValues: map[string]any{}, wantInit: map[string]any{}, wantSecret: []string{},
		},
		{
			name: "redis cluster not an option", slug: "redis",
			values:    map[string]any{"architecture": "cluster"},
			wantField: "values.architecture", wantMsg: `must be one of "standalone", "replication"`,
		},
		{
			name: "redis unknown key", slug: "redis",
			values:    map[string]any{"architecture": "standalone", "master.resources.limits.cpu": "4"},
			wantField: "values.master.resources.limits.cpu", wantMsg: "unknown",
		},
		{
			name: "redis nested object for a select", slug: "redis",
			values:    map[string]any{"architecture": map[string]any{"x": "standalone"}},
			wantField: "values.architecture", wantMsg: "must be one of",
		},
		{
			name: "postgresql required defaults filled", slug: "postgresql",
			values:     map[string]any{"auth.username": "alice"},
			wantValues: map[string]any{"auth.username": "alice", "auth.database": "woowdb"},
			wantInit:   map[string]any{}, wantSecret: []string{},
		},
		{
			name: "postgresql key is not a dot path", slug: "postgresql",
			values:    map[string]any{"auth..username": "alice"},
			wantField: "values.auth..username", wantMsg: "not a valid key",
		},
		{
			name: "postgresql key with a space", slug: "postgresql",
			values:    map[string]any{"auth.user name": "alice"},
			wantField: "values.auth.user name", wantMsg: "not a valid key",
		},
		{
			name: "postgresql string too long", slug: "postgresql",
			values:    map[string]any{"auth.username": strings.Repeat("a", valuespec.MaxStringLen+1)},
			wantField: "values.auth.username", wantMsg: "too long",
		},
		{
			name: "postgresql invalid UTF-8", slug: "postgresql",
			values:    map[string]any{"auth.username": "a\xffb"},
			wantField: "values.auth.username", wantMsg: "UTF-8",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			specs := cat[c.slug].ValueSpecs
			got, err := specs.Check(c.values)
			if c.wantField != "" {
				if err == nil {
					t.Fatalf("accepted: %+v", got)
				}
				if f := fieldOf(t, err); f != c.wantField {
					t.Fatalf("field %q, want %q (%v)", f, c.wantField, err)
				}
				if !strings.Contains(err.Error(), c.wantMsg) {
					t.Fatalf("error %q does not say %q", err, c.wantMsg)
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if !reflect.DeepEqual(got.Values, c.wantValues) {
				t.Errorf("Values = %#v, want %#v", got.Values, c.wantValues)
			}
			if !reflect.DeepEqual(got.Init, c.wantInit) {
				t.Errorf("Init = %#v, want %#v", got.Init, c.wantInit)
			}
			if !reflect.DeepEqual(got.Secret, c.wantSecret) {
				t.Errorf("Secret = %#v, want %#v", got.Secret, c.wantSecret)
			}
		})
	}
}

// numberSpecs is a spec set with a number, for what the catalogue lacks.
var numberSpecs = valuespec.Specs{
	Required: []valuespec.Spec{{Key: "replicas", Label: "Replicas", Type: valuespec.Number, Default: 1}},
	Optional: []valuespec.Spec{
		{Key: "ratio", Label: "Ratio", Type: valuespec.Number, Default: 0.5},
		{Key: "auth.password", Label: "Password", Type: valuespec.Password},
	},
}

func TestCheckNumbers(t *testing.T) {
	ok := []struct {
		name string
		in   any
		want any
	}{
		{"float64 integral", 3.0, int64(3)},
		{"int", 3, int64(3)},
		{"uint8", uint8(3), int64(3)},
		{"int64", int64(-7), int64(-7)},
		{"json.Number integral", json.Number("1000000"), int64(1000000)},
		{"json.Number with fraction", json.Number("2.5"), 2.5},
		{"json.Number integral with exponent", json.Number("1e3"), int64(1000)},
		{"json.Number 1.0", json.Number("1.0"), int64(1)},
		{"float fraction", 0.25, 0.25},
		{"2^53 is still int64", float64(1 << 53), int64(1 << 53)},
		{"beyond 2^53 is float64", float64(1 << 54), float64(1 << 54)},
		{"int64 beyond 2^53 is float64", int64(1<<53 + 2), float64(1<<53 + 2)},
		{"huge json.Number", json.Number("1e300"), 1e300},
	}
	for _, c := range ok {
		t.Run(c.name, func(t *testing.T) {
			got, err := numberSpecs.Check(map[string]any{"replicas": c.in})
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if v := got.Values["replicas"]; v != c.want {
				t.Fatalf("replicas = %#v (%T), want %#v (%T)", v, v, c.want, c.want)
			}
		})
	}
	bad := []struct {
		name string
		in   any
		msg  string
	}{
		{"string digits", "3", "must be a number, not text"},
		{"NaN", math.NaN(), "finite"},
		{"Inf", math.Inf(-1), "finite"},
		{"json.Number overflow", json.Number("1e400"), "finite"},
		{"json.Number garbage", json.Number("0x10"), "must be a number"},
		{"bool", true, "must be a number"},
		{"list", []any{1.0}, "not a list"},
		{"null", nil, "not null"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			got, err := numberSpecs.Check(map[string]any{"replicas": c.in})
			if err == nil {
				t.Fatalf("accepted: %+v", got)
			}
			if f := fieldOf(t, err); f != "values.replicas" {
				t.Fatalf("field %q", f)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("error %q does not say %q", err, c.msg)
			}
		})
	}
	// A required number with an int default is filled, normalised.
	got, err := numberSpecs.Check(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Values, map[string]any{"replicas": int64(1)}) {
		t.Fatalf("Values = %#v", got.Values)
	}
}

func TestCheckEmptySpecs(t *testing.T) {
	var empty valuespec.Specs
	in := map[string]any{
		"image.tag":           "1.2.3",
		"replicaCount":        json.Number("2"),
		"ingress.annotations": map[string]any{"kubernetes.io/ingress.class": "nginx", "n": json.Number("1.5")},
		"extraEnv":            []any{map[string]any{"name": "A", "value": "b"}},
		"podLabels":           nil,
		"_init.anything":      "x",
	}
	got, err := empty.Check(in)
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	wantValues := map[string]any{
		"image.tag":           "1.2.3",
		"replicaCount":        int64(2),
		"ingress.annotations": map[string]any{"kubernetes.io/ingress.class": "nginx", "n": 1.5},
		"extraEnv":            []any{map[string]any{"name": "A", "value": "b"}},
		"podLabels":           nil,
	}
	if !reflect.DeepEqual(got.Values, wantValues) {
		t.Fatalf("Values = %#v", got.Values)
	}
	if !reflect.DeepEqual(got.Init, map[string]any{"_init.anything": "x"}) || len(got.Secret) != 0 {
		t.Fatalf("Init = %#v, Secret = %#v", got.Init, got.Secret)
	}
	// The result is a copy: changing it leaves the input alone.
	scribble(got.Values)
	if in["ingress.annotations"].(map[string]any)["kubernetes.io/ingress.class"] != "nginx" {
		t.Fatal("Check's result aliases its input")
	}

	deep := any("leaf")
	for range valuespec.MaxDepth + 1 {
		deep = []any{deep}
	}
	many := map[string]any{}
	for i := range valuespec.MaxKeys + 1 {
		many["k"+strings.Repeat("x", i)] = 1.0
	}
	big := map[string]any{}
	for i := range 40 {
		big["k"+strings.Repeat("x", i)] = strings.Repeat("a", valuespec.MaxStringLen)
	}
	bad := []struct {
		name      string
		in        map[string]any
		field     string
		msg       string
		withSpecs bool
	}{
		{"bad key", map[string]any{"a b": 1.0}, "values.a b", "not a valid key", false},
		{"empty key", map[string]any{"": 1.0}, "values.", "not a valid key", false},
		{"trailing dot", map[string]any{"a.": 1.0}, "values.a.", "not a valid key", false},
		{"key too long", map[string]any{strings.Repeat("a", valuespec.MaxKeyLen+1): 1.0}, "values." + strings.Repeat("a", valuespec.MaxKeyLen+1), "too long for a key", false},
		{"bare _init", map[string]any{"_init": map[string]any{}}, "values._init", "reserved", false},
		{"leaf and parent", map[string]any{"a": 1.0, "a.b": 2.0}, "values.a", `"a.b"`, false},
		{"object and parent", map[string]any{"a": map[string]any{"c": 1.0}, "a.b": 2.0}, "values.a", "inside it", false},
		{"too deep", map[string]any{"a": deep}, "values.a", "nested too deeply", false},
		{"too many keys", many, "values", "too many", false},
		{"too large", big, "values", "too large", false},
		{"nested long string", map[string]any{"a": []any{strings.Repeat("a", valuespec.MaxStringLen+1)}}, "values.a", "at [0]: too long", false},
		{"nested NaN", map[string]any{"a": map[string]any{"b": math.NaN()}}, "values.a", "finite", false},
		{"not JSON", map[string]any{"a": struct{}{}}, "values.a", "not a JSON value", false},
		{"nested object with specs", map[string]any{"replicas": map[string]any{"a": 1.0}}, "values.replicas", "not an object", true},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			specs := empty
			if c.withSpecs {
				specs = numberSpecs
			}
			got, err := specs.Check(c.in)
			if err == nil {
				t.Fatalf("accepted: %+v", got)
			}
			if f := fieldOf(t, err); f != c.field {
				t.Fatalf("field %q, want %q (%v)", f, c.field, err)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("error %q does not say %q", err, c.msg)
			}
		})
	}
}

func TestCheckDeterministicError(t *testing.T) {
	cat, _ := catalogue(t)
	in := map[string]any{"zzz": 1.0, "aaa": 1.0, "mmm": 1.0}
	for range 20 {
		_, err := cat["redis"].ValueSpecs.Check(in)
		if f := fieldOf(t, err); f != "values.aaa" {
			t.Fatalf("field %q, want the first key in order", f)
		}
	}
}

func TestCheckBrokenSpecDefaultIsInternal(t *testing.T) {
	specs := valuespec.Specs{Required: []valuespec.Spec{{Key: "n", Label: "N", Type: valuespec.Number, Default: "one"}}}
	_, err := specs.Check(nil)
	if errs.CodeOf(err) != errs.Internal {
		t.Fatalf("error %v: want INTERNAL, the template is at fault", err)
	}
}
