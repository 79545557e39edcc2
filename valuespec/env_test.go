package valuespec_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/valuespec"
)

func envVar(name, value string, secret bool) map[string]any {
	return map[string]any{"name": name, "value": value, "secret": secret}
}

// TestCheckEnv checks the Container app's environment against the seeded
// specs: what is refused, in words naming the key, and that a secret
// entry makes the whole key secret (sealed by deploy).
func TestCheckEnv(t *testing.T) {
	cat, _ := catalogue(t)
	specs := cat["container-app"].ValueSpecs
	many := make([]any, valuespec.MaxEnvVars+1)
	for i := range many {
		many[i] = envVar(fmt.Sprintf("V%d", i), "x", false)
	}
	for _, c := range []struct {
		name string
		env  any
		msg  string // "" for success
	}{
		{"plain", []any{envVar("MODE", "prod", false)}, ""},
		{"secret", []any{envVar("MODE", "prod", false), envVar("TOKEN", "s3cret-value", true)}, ""},
		{"secret left out", []any{map[string]any{"name": "A_1", "value": "1"}}, ""},
		{"empty list", []any{}, ""},
		{"not a list", "MODE=prod", "must be a list of variables, not text"},
		{"entry not an object", []any{"MODE=prod"}, "variable 1 must be an object"},
		{"no name", []any{map[string]any{"value": "x"}}, "variable 1 needs a name"},
		{"name with a dash", []any{envVar("MY-VAR", "x", false)}, `"MY-VAR" is not a valid name`},
		{"name starting with a digit", []any{envVar("1A", "x", false)}, "is not a valid name"},
		{"name too long", []any{envVar(strings.Repeat("A", valuespec.MaxEnvNameLen+1), "x", false)}, "is not a valid name"},
		{"twice", []any{envVar("A", "1", false), envVar("A", "2", false)}, "variable A is given twice"},
		{"unknown field", []any{map[string]any{"name": "A", "value": "1", "valueFrom": "x"}}, `unknown field "valueFrom"`},
		{"number value", []any{map[string]any{"name": "A", "value": 1}}, "the value must be text, not a number"},
		{"secret not a bool", []any{map[string]any{"name": "A", "value": "1", "secret": "yes"}}, "secret must be true or false"},
		{"empty secret", []any{envVar("A", "", true)}, "variable A is secret but has no value"},
		{"masked secret", []any{envVar("A", valuespec.MaskedValue, true)}, "variable A: enter the secret value"},
		{"value too long", []any{envVar("A", strings.Repeat("x", valuespec.MaxStringLen+1), false)}, "too long"},
		{"too many", many, "too many variables: 101, at most 100"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := specs.Check(map[string]any{"image": "nginx:1.27", "env": c.env})
			if c.msg != "" {
				if err == nil {
					t.Fatalf("accepted %v", c.env)
				}
				if f := fieldOf(t, err); f != "values.env" || !strings.Contains(err.Error(), c.msg) {
					t.Fatalf("error %q on %s, want %q on values.env", err, f, c.msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			secret := valuespec.HasSecret(c.env)
			if wantSecret := []string{}; secret {
				if !reflect.DeepEqual(got.Secret, []string{"env"}) {
					t.Errorf("Secret = %v, want [env]", got.Secret)
				}
			} else if !reflect.DeepEqual(got.Secret, wantSecret) {
				t.Errorf("Secret = %v, want none", got.Secret)
			}
			// Normalised: every entry has its three fields.
			for _, e := range got.Values["env"].([]any) {
				if m := e.(map[string]any); len(m) != 3 {
					t.Errorf("entry %v not normalised", m)
				}
			}
		})
	}
}

// TestEnvMaskedAndKept: shown values mask the secret entries only; a form
// sending the mask back keeps the stored secret, by name; the redactor's
// inputs hold the secret values and not the plain ones.
func TestEnvMaskedAndKept(t *testing.T) {
	cat, _ := catalogue(t)
	specs := cat["container-app"].ValueSpecs
	stored := []any{envVar("MODE", "prod", false), envVar("TOKEN", "s3cret-value", true)}
	shown := specs.Masked(map[string]any{"env": stored, "image": "nginx"})
	want := []any{envVar("MODE", "prod", false), envVar("TOKEN", valuespec.MaskedValue, true)}
	if !reflect.DeepEqual(shown["env"], want) {
		t.Errorf("Masked env = %v, want %v", shown["env"], want)
	}
	if fmt.Sprint(shown) == fmt.Sprint(map[string]any{"env": stored, "image": "nginx"}) || strings.Contains(fmt.Sprint(shown), "s3cret") {
		t.Errorf("Masked shows the secret: %v", shown)
	}
	if fmt.Sprint(stored) != fmt.Sprint([]any{envVar("MODE", "prod", false), envVar("TOKEN", "s3cret-value", true)}) {
		t.Errorf("Masked changed its input: %v", stored)
	}

	// The form sends the mask back with a new plain variable.
	next := append(want, envVar("NEW", "1", false))
	kept := valuespec.KeepSecrets(next, stored)
	if got := fmt.Sprint(kept); !strings.Contains(got, "s3cret-value") || strings.Contains(got, valuespec.MaskedValue) {
		t.Errorf("KeepSecrets = %v", kept)
	}
	if _, err := specs.Check(map[string]any{"image": "nginx", "env": kept}); err != nil {
		t.Errorf("kept environment refused: %v", err)
	}
	// A mask for a secret the service never had stays a mask: refused.
	renamed := []any{envVar("OTHER", valuespec.MaskedValue, true)}
	if _, err := specs.Check(map[string]any{"image": "nginx", "env": valuespec.KeepSecrets(renamed, stored)}); err == nil {
		t.Error("a mask with no stored secret was accepted")
	}

	if got := valuespec.SecretTexts(stored); !reflect.DeepEqual(got, []string{"s3cret-value"}) {
		t.Errorf("SecretTexts = %v", got)
	}
	if got := specs.Passwords(map[string]any{"env": stored}); !reflect.DeepEqual(got, []string{"s3cret-value"}) {
		t.Errorf("Passwords = %v", got)
	}
	// A diff shows the entries, the secret ones masked.
	changes := specs.Diff(map[string]any{"env": stored}, map[string]any{"env": kept})
	if len(changes) != 1 || strings.Contains(fmt.Sprint(changes), "s3cret") {
		t.Errorf("Diff = %+v", changes)
	}
	if !valuespec.HasMasked(want) || valuespec.HasMasked(stored) {
		t.Error("HasMasked")
	}
}
