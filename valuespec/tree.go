package valuespec

import (
	"strings"

	"github.com/woowtech/woow-paas/errs"
)

// Unflatten turns dot-path keys into nested maps: {"a.b": 1, "c": 2} becomes
// {"a": {"b": 1}, "c": 2}. Values are deep-copied, so the result shares
// nothing with flat.
//
// A key that is not a dot path, or that is both a value and the parent of
// another key ("a": 1 with "a.b": 2), is a BAD_USER_INPUT error naming it.
// That holds even when the value of "a" is an object that "a.b" could be
// merged into: which of the two should win would be a guess.
func Unflatten(flat map[string]any) (map[string]any, error) {
	keys := sortedKeys(flat)
	for _, k := range keys {
		if !ValidKey(k) {
			return nil, errs.InvalidField(field(k), "%s is not a valid key: use a dot path of letters, digits, _ and - (like auth.username)", quoteKey(k))
		}
	}
	if parent, child, ok := prefixConflict(keys); ok {
		return nil, errs.InvalidField(field(parent), "%q cannot be set together with %q, which is inside it", parent, child)
	}
	out := map[string]any{}
	for _, k := range keys {
		// No key is a prefix of another, so every map on the way down is
		// one made here, never a user's value.
		node, rest := out, k
		for {
			seg, tail, more := strings.Cut(rest, ".")
			if !more {
				node[seg] = clone(flat[k])
				break
			}
			next, ok := node[seg].(map[string]any)
			if !ok {
				next = map[string]any{}
				node[seg] = next
			}
			node, rest = next, tail
		}
	}
	return out, nil
}

// Merge deep-merges override onto base, as Helm coalesces user values onto
// chart defaults: where both hold an object the two merge recursively;
// anything else in override (a string, a list, null) replaces what base
// holds. Neither input is modified and the result shares no map or list with
// them, so callers may change it freely. The result is never nil.
func Merge(base, override map[string]any) map[string]any {
	out := clone(base).(map[string]any)
	if out == nil {
		out = map[string]any{}
	}
	mergeInto(out, override)
	return out
}

// mergeInto merges src into dst, which the caller owns.
func mergeInto(dst, src map[string]any) {
	for k, sv := range src {
		sm, sIsMap := sv.(map[string]any)
		dm, dIsMap := dst[k].(map[string]any)
		if sIsMap && dIsMap {
			mergeInto(dm, sm)
			continue
		}
		dst[k] = clone(sv)
	}
}

// Effective is the values a chart is installed with: the template's default
// values deep-merged with the user's (flat, checked) values, unflattened.
// Set-up ("_init.") keys are skipped: they are never Helm values, even if a
// caller passes them by mistake. The error is Unflatten's, which cannot
// happen for Checked.Values.
func Effective(defaults, userValues map[string]any) (map[string]any, error) {
	helm := make(map[string]any, len(userValues))
	for k, v := range userValues {
		if !IsInit(k) {
			helm[k] = v
		}
	}
	nested, err := Unflatten(helm)
	if err != nil {
		return nil, err
	}
	return Merge(defaults, nested), nil
}

// clone deep-copies the maps and lists of a JSON value; scalars are
// immutable and returned as they are. A nil map stays a nil map.
func clone(v any) any {
	switch v := v.(type) {
	case map[string]any:
		if v == nil {
			return v
		}
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[k] = clone(e)
		}
		return m
	case []any:
		if v == nil {
			return v
		}
		a := make([]any, len(v))
		for i, e := range v {
			a[i] = clone(e)
		}
		return a
	}
	return v
}
