package valuespec

import (
	"fmt"
	"slices"
)

// Limits on an environment (a value of type Env). Kubernetes allows more;
// a form a person fills in needs far fewer, and the whole submission is
// still bounded by MaxSize.
const (
	// MaxEnvVars is the most variables one environment may hold.
	MaxEnvVars = 100
	// MaxEnvNameLen is the longest variable name, in bytes.
	MaxEnvNameLen = 128
)

// Field names of one environment entry.
const (
	envName   = "name"
	envValue  = "value"
	envSecret = "secret"
)

// validEnvName reports whether name is a C identifier ([A-Za-z_][A-Za-z0-9_]*):
// a name every shell and runtime reads, and a valid key of a Kubernetes
// Secret's data, where the chart puts secret entries.
func validEnvName(name string) bool {
	if name == "" || len(name) > MaxEnvNameLen || '0' <= name[0] && name[0] <= '9' {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// envList checks an environment: a list (at most MaxEnvVars) of objects
// with a name (validEnvName, unique), a string value and an optional
// boolean secret; no other field. A secret entry must have a value. It
// returns a normalised copy whose entries always carry all three fields.
// The error is the user-facing message.
func envList(v any) (any, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, wrongType("a list of variables", v)
	}
	if len(list) > MaxEnvVars {
		return nil, fmt.Errorf("too many variables: %d, at most %d", len(list), MaxEnvVars)
	}
	out := make([]any, len(list))
	seen := map[string]bool{}
	for i, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("variable %d must be an object with a name and a value, not %s", i+1, jsonTypeName(e))
		}
		for k := range m {
			if k != envName && k != envValue && k != envSecret {
				return nil, fmt.Errorf("variable %d: unknown field %s: a variable has a name, a value and secret", i+1, quoteKey(k))
			}
		}
		name, ok := m[envName].(string)
		if !ok {
			return nil, fmt.Errorf("variable %d needs a name", i+1)
		}
		if !validEnvName(name) {
			return nil, fmt.Errorf("variable %d: %s is not a valid name: use letters, digits and _, not starting with a digit, at most %d characters", i+1, quoteKey(name), MaxEnvNameLen)
		}
		if seen[name] {
			return nil, fmt.Errorf("variable %s is given twice", name)
		}
		seen[name] = true
		value, ok := m[envValue].(string)
		if !ok && m[envValue] != nil {
			return nil, fmt.Errorf("variable %s: the value must be text, not %s", name, jsonTypeName(m[envValue]))
		}
		if err := checkString(value); err != nil {
			return nil, fmt.Errorf("variable %s: the value is %w", name, err)
		}
		secret, ok := m[envSecret].(bool)
		if !ok && m[envSecret] != nil {
			return nil, fmt.Errorf("variable %s: secret must be true or false, not %s", name, jsonTypeName(m[envSecret]))
		}
		if secret && value == "" {
			return nil, fmt.Errorf("variable %s is secret but has no value", name)
		}
		if secret && value == MaskedValue {
			// A mask sent back for a secret the service does not hold.
			return nil, fmt.Errorf("variable %s: enter the secret value", name)
		}
		out[i] = map[string]any{envName: name, envValue: value, envSecret: secret}
	}
	return out, nil
}

// HasSecret reports whether v, an environment, has a secret entry.
func HasSecret(v any) bool { return len(envSecrets(v)) > 0 }

// envSecrets are the values of v's secret entries (v an environment;
// nothing for anything else).
func envSecrets(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, e := range list {
		if m, ok := e.(map[string]any); ok && m[envSecret] == true {
			if s, ok := m[envValue].(string); ok && s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// SecretTexts are the secrets a sealed value holds: a password's text, or
// the values of an environment's secret entries.
func SecretTexts(v any) []string {
	if s, ok := v.(string); ok {
		if s == "" {
			return nil
		}
		return []string{s}
	}
	return envSecrets(v)
}

// maskEnv returns a copy of an environment with each secret entry's value
// replaced by MaskedValue. Anything that is not a list of entries is
// masked whole: it cannot be told what in it is secret.
func maskEnv(v any) any {
	list, ok := v.([]any)
	if !ok {
		return MaskedValue
	}
	out := make([]any, len(list))
	for i, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			return MaskedValue
		}
		c := clone(m).(map[string]any)
		if c[envSecret] != false {
			// Secret, or not plainly marked otherwise.
			c[envValue] = MaskedValue
		}
		out[i] = c
	}
	return out
}

// KeepSecrets returns a copy of the environment next in which each secret
// entry whose value is MaskedValue (a form sending back what Masked
// showed) takes the value of the secret entry of the same name in old.
// An entry with no such old secret keeps MaskedValue, which Check refuses.
func KeepSecrets(next, old any) any {
	list, ok := next.([]any)
	if !ok {
		return next
	}
	prev := map[string]string{}
	oldList, _ := old.([]any)
	for _, e := range oldList {
		if m, ok := e.(map[string]any); ok && m[envSecret] == true {
			if s, ok := m[envValue].(string); ok {
				prev[fmt.Sprint(m[envName])] = s
			}
		}
	}
	out := slices.Clone(list)
	for i, e := range out {
		m, ok := e.(map[string]any)
		if !ok || m[envSecret] != true || m[envValue] != MaskedValue {
			continue
		}
		name, _ := m[envName].(string)
		if v, ok := prev[name]; ok {
			c := clone(m).(map[string]any)
			c[envValue] = v
			out[i] = c
		}
	}
	return out
}

// HasMasked reports whether v holds MaskedValue anywhere (a snapshot's
// masked password, or an environment's masked secret entry).
func HasMasked(v any) bool {
	switch v := v.(type) {
	case string:
		return v == MaskedValue
	case []any:
		return slices.ContainsFunc(v, HasMasked)
	case map[string]any:
		for _, e := range v {
			if HasMasked(e) {
				return true
			}
		}
	}
	return false
}
