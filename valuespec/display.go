package valuespec

import (
	"reflect"
	"slices"
)

// MaskedValue stands in for a password wherever values are shown. It is the
// same for every password, empty or not, so it reveals nothing.
const MaskedValue = "••••••••"

// Masked returns a deep copy of flat values with every password-typed key's
// value replaced by MaskedValue, for showing a service's values to a user.
// An environment (type Env) keeps its entries, the secret ones' values
// masked. Only the specs say what a password is: with empty specs nothing
// is masked, so templates that take secrets must list them.
func (s Specs) Masked(values map[string]any) map[string]any {
	idx := s.index()
	out := make(map[string]any, len(values))
	for k, v := range values {
		switch idx[k].spec.Type {
		case Password:
			out[k] = MaskedValue
		case Env:
			out[k] = maskEnv(v)
		default:
			out[k] = clone(v)
		}
	}
	return out
}

// ChangeKind says how a key differs between two value sets.
type ChangeKind string

const (
	Added   ChangeKind = "added"
	Removed ChangeKind = "removed"
	Changed ChangeKind = "changed"
)

// Change is one key that differs between two flat value sets. Kind is
// needed besides Old and New because null is a value a key can hold.
type Change struct {
	Key  string
	Kind ChangeKind
	// Old and New are the values before and after (nil when the key was
	// added or removed), deep copies, and always nil for a secret.
	Old, New any
	// Secret marks a password key: it is reported as added, removed or
	// changed, but its values are never included.
	Secret bool
}

// Diff lists the keys added, removed or changed from old to new, sorted by
// key, for showing what an upgrade or a rollback changes. Numbers compare by
// value, so 3 decoded from stored JSON (float64) equals 3 from Check
// (int64). Password values are compared as given: pass both plaintexts (or
// the same ciphertext for an unchanged one), and they are still never
// included in the result.
func (s Specs) Diff(old, new map[string]any) []Change {
	idx := s.index()
	keys := sortedKeys(old)
	for k := range new {
		if _, ok := old[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	changes := []Change{}
	for _, k := range keys {
		ov, inOld := old[k]
		nv, inNew := new[k]
		c := Change{Key: k, Secret: idx[k].spec.Type == Password}
		switch {
		case !inOld:
			c.Kind, c.New = Added, clone(nv)
		case !inNew:
			c.Kind, c.Old = Removed, clone(ov)
		case !equal(ov, nv):
			c.Kind, c.Old, c.New = Changed, clone(ov), clone(nv)
		default:
			continue
		}
		if c.Secret {
			c.Old, c.New = nil, nil
		}
		if idx[k].spec.Type == Env {
			// Shown with its secret entries masked; a change to a
			// secret value alone shows as a change between masks.
			if c.Old != nil {
				c.Old = maskEnv(c.Old)
			}
			if c.New != nil {
				c.New = maskEnv(c.New)
			}
		}
		changes = append(changes, c)
	}
	return changes
}

// equal compares two JSON values, numbers by their normalised value.
func equal(a, b any) bool {
	if na, ok, err := number(a); ok && err == nil {
		nb, ok, err := number(b)
		return ok && err == nil && na == nb
	}
	switch a := a.(type) {
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, av := range a {
			bv, ok := b[k]
			if !ok || !equal(av, bv) {
				return false
			}
		}
		return true
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !equal(a[i], b[i]) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}
