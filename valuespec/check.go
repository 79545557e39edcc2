package valuespec

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/woowtech/woow-paas/errs"
)

// Limits on what a user may submit. They keep one request from storing or
// rendering an arbitrarily large document; a real form never comes close.
const (
	// MaxKeys is the most keys one submission may carry.
	MaxKeys = 200
	// MaxKeyLen is the longest key (dot path or nested object key), in bytes.
	// Nested keys are Kubernetes names such as annotation keys (at most
	// 253+1+63 bytes), hence a little more than that.
	MaxKeyLen = 512
	// MaxStringLen is the longest string value, in bytes.
	MaxStringLen = 8 << 10
	// MaxDepth is how deeply objects and arrays may nest inside one value
	// (only possible with empty specs).
	MaxDepth = 16
	// MaxSize bounds the JSON size of a whole submission, in bytes
	// (approximately: the encoding's punctuation is estimated).
	MaxSize = 256 << 10
)

// InitPrefix starts the keys of set-up inputs: values a post-deploy
// initialisation reads (n8n's owner account), never passed to Helm.
const InitPrefix = "_init."

// initRoot is the first segment of every set-up key. A bare "_init" key is
// refused: it would be neither a set-up input nor an honest Helm value.
const initRoot = "_init"

// IsInit reports whether key is a set-up input rather than a Helm value.
func IsInit(key string) bool { return strings.HasPrefix(key, InitPrefix) }

// ValidKey reports whether key is a dot path of [A-Za-z0-9_-] segments, such
// as "auth.username" or "_init.owner_email".
func ValidKey(key string) bool {
	if key == "" || len(key) > MaxKeyLen {
		return false
	}
	for seg := range strings.SplitSeq(key, ".") {
		if seg == "" {
			return false
		}
		for i := 0; i < len(seg); i++ {
			c := seg[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
				return false
			}
		}
	}
	return true
}

// Checked is a user's submitted values, validated, normalised and split.
type Checked struct {
	// Values are the Helm values the user set, by dot path and without
	// "_init." keys: what the service stores as its user values and what
	// Effective merges onto the template defaults.
	Values map[string]any
	// Init are the set-up inputs, keyed by their full "_init." key. They are
	// handed to the post-deploy initialisation and never to Helm.
	Init map[string]any
	// Secret lists, sorted, the keys of Values and Init whose spec type is
	// password: callers store these encrypted and never return them.
	Secret []string
}

// Check validates flat dot-path values a user submitted against the specs
// and returns them normalised. A nil map is the same as an empty one.
//
// Every refusal is an *errs.Error with code BAD_USER_INPUT and Field
// "values.<key>" (or "values" for the submission as a whole), so a form can
// show the message next to the field. Keys are checked in sorted order and
// required keys in spec order, so the same input always gives the same error.
//
// The rules:
//   - A key must be a dot path of [A-Za-z0-9_-] segments, and no key may be
//     a prefix of another ("a" and "a.b"): Helm could not hold both, and
//     refusing here means Effective never fails on checked values.
//   - With specs, every key must be a spec's key (unknown keys are refused,
//     not dropped, so a typo never deploys silently) and its value must have
//     the spec's JSON type: text and password take a string, number a finite
//     JSON number, boolean a bool, select a string among the options. A
//     number given as a string ("3") is the wrong type: the form knows the
//     type and sends a number, and guessing would make "0x10" or "1e400"
//     questions this package should not answer. null is the wrong type too:
//     to leave a value unset, leave the key out.
//   - A required key that is missing is refused, unless its spec has a
//     default, which is then filled in. A required text or password that is
//     blank counts as missing and is refused even if it has a default: the
//     user cleared the field on purpose.
//   - Defaults of optional specs are not filled in: they are already in the
//     template's default values, and the user values record only what the
//     user chose, so that upgrades show an honest diff and later template
//     defaults still apply.
//   - With empty specs any well-formed key is allowed with any JSON value
//     (objects, arrays, null: the chart's own values, for templates that
//     list no specs), bounded by MaxDepth and MaxSize. There is no spec to
//     say what is a password, so nothing is secret.
//   - A spec's optional rules (see Spec) then apply: "must be at least 8
//     characters", "must be at most 10", or the pattern's own message. An
//     empty text is not held to them (required says whether it may be
//     empty). Lengths count characters, not bytes.
//   - Limits for everyone: MaxKeys keys, MaxStringLen bytes per string,
//     valid UTF-8, MaxSize in total.
//
// Numbers are normalised to one Go representation per numeric value,
// whatever the input type (float64, any int type, json.Number): an integral
// value of magnitude at most 2^53 becomes int64, anything else float64.
// int64 renders in chart templates as written (float64 1000000 would render
// as 1e+06), and 2^53 is where float64, and so a browser, stops counting
// exactly. Values stored as JSON and decoded again come back as float64;
// Diff compares numbers by value, and checking them again restores int64.
func (s Specs) Check(values map[string]any) (Checked, error) {
	out := Checked{Values: map[string]any{}, Init: map[string]any{}, Secret: []string{}}
	if len(values) > MaxKeys {
		return Checked{}, errs.InvalidField("values", "too many values: %d, at most %d", len(values), MaxKeys)
	}
	idx := s.index()
	keys := sortedKeys(values)
	size := 2 // {}
	for _, k := range keys {
		if len(k) > MaxKeyLen {
			return Checked{}, errs.InvalidField(field(k), "%s is too long for a key: at most %d bytes", quoteKey(k), MaxKeyLen)
		}
		if !ValidKey(k) {
			return Checked{}, errs.InvalidField(field(k), "%s is not a valid key: use a dot path of letters, digits, _ and - (like auth.username)", quoteKey(k))
		}
		if k == initRoot {
			return Checked{}, errs.InvalidField(field(k), "%q is reserved: name a set-up input like _init.name", k)
		}
		var (
			v   any
			err error
		)
		e, known := idx[k]
		switch {
		case known:
			v, err = typed(e.spec, values[k])
			if err == nil && e.required && blank(e.spec, v) {
				err = fmt.Errorf("%s is required", e.spec.Label)
			}
			if err == nil {
				err = e.spec.obeys(v)
			}
		case s.Empty():
			v, err = jsonValue(values[k], 0)
		default:
			return Checked{}, errs.InvalidField(field(k), "unknown value %q: this app does not take it", k)
		}
		if err != nil {
			return Checked{}, errs.InvalidField(field(k), "%v", err)
		}
		if size += len(k) + 4 + jsonSize(v); size > MaxSize {
			return Checked{}, errs.InvalidField("values", "values too large: at most %d KiB in all", MaxSize>>10)
		}
		out.put(k, v, known && (e.spec.Type == Password || e.spec.Type == Env && HasSecret(v)))
	}
	for _, sp := range s.Required {
		if _, ok := values[sp.Key]; ok {
			continue
		}
		if sp.Default == nil {
			return Checked{}, errs.InvalidField(field(sp.Key), "%s is required", sp.Label)
		}
		v, err := typed(sp, sp.Default)
		if err == nil {
			err = sp.obeys(v)
		}
		if err != nil {
			// The template is broken, not the input: catalog validation
			// should have refused it.
			return Checked{}, errs.E(errs.Internal, "value spec %q: default: %v", sp.Key, err)
		}
		out.put(sp.Key, v, sp.Type == Password)
	}
	// Checked after filling in defaults: a default conflicts with a
	// submitted key if the specs themselves nest ("a" and "a.b").
	all := append(sortedKeys(out.Values), sortedKeys(out.Init)...)
	slices.Sort(all)
	if parent, child, ok := prefixConflict(all); ok {
		return Checked{}, errs.InvalidField(field(parent), "%q cannot be set together with %q, which is inside it", parent, child)
	}
	slices.Sort(out.Secret)
	return out, nil
}

func (c *Checked) put(key string, v any, secret bool) {
	if IsInit(key) {
		c.Init[key] = v
	} else {
		c.Values[key] = v
	}
	if secret {
		c.Secret = append(c.Secret, key)
	}
}

// entry is a spec found by key.
type entry struct {
	spec     Spec
	required bool
}

// index maps keys to their specs. Should a key appear twice (catalog
// validation refuses that), the first wins, required before optional.
func (s Specs) index() map[string]entry {
	idx := make(map[string]entry, len(s.Required)+len(s.Optional))
	for _, sp := range s.Required {
		if _, dup := idx[sp.Key]; !dup {
			idx[sp.Key] = entry{sp, true}
		}
	}
	for _, sp := range s.Optional {
		if _, dup := idx[sp.Key]; !dup {
			idx[sp.Key] = entry{sp, false}
		}
	}
	return idx
}

// typed checks v against the spec's type and returns it normalised. The
// error is the user-facing message.
func typed(sp Spec, v any) (any, error) {
	switch sp.Type {
	case Text, Password:
		str, ok := v.(string)
		if !ok {
			return nil, wrongType("a string", v)
		}
		return str, checkString(str)
	case Number:
		n, ok, err := number(v)
		if !ok {
			return nil, wrongType("a number", v)
		}
		return n, err
	case Boolean:
		b, ok := v.(bool)
		if !ok {
			return nil, wrongType("true or false", v)
		}
		return b, nil
	case Select:
		str, ok := v.(string)
		if !ok || !slices.Contains(sp.Options, str) {
			quoted := make([]string, len(sp.Options))
			for i, o := range sp.Options {
				quoted[i] = strconv.Quote(o)
			}
			return nil, fmt.Errorf("must be one of %s", strings.Join(quoted, ", "))
		}
		return str, nil
	case Env:
		return envList(v)
	}
	return nil, fmt.Errorf("cannot be set: its spec has the unknown type %q", sp.Type)
}

// blank reports whether a required text or password was left empty, or a
// required environment has no variable.
func blank(sp Spec, v any) bool {
	if l, ok := v.([]any); ok && sp.Type == Env {
		return len(l) == 0
	}
	str, ok := v.(string)
	return ok && (sp.Type == Text || sp.Type == Password) && strings.TrimSpace(str) == ""
}

func checkString(s string) error {
	if len(s) > MaxStringLen {
		return fmt.Errorf("too long: at most %d KiB", MaxStringLen>>10)
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("is not valid UTF-8 text")
	}
	return nil
}

// jsonValue checks that v is a JSON value (as encoding/json decodes one)
// within the limits and returns a normalised deep copy.
func jsonValue(v any, depth int) (any, error) {
	switch v := v.(type) {
	case nil, bool:
		return v, nil
	case string:
		return v, checkString(v)
	case map[string]any:
		if depth >= MaxDepth {
			return nil, fmt.Errorf("nested too deeply: at most %d levels", MaxDepth)
		}
		m := make(map[string]any, len(v))
		for k, e := range v {
			if len(k) > MaxKeyLen {
				return nil, fmt.Errorf("has a key longer than %d bytes", MaxKeyLen)
			}
			if !utf8.ValidString(k) {
				return nil, fmt.Errorf("has a key that is not valid UTF-8")
			}
			c, err := jsonValue(e, depth+1)
			if err != nil {
				return nil, fmt.Errorf("at %q: %w", k, err)
			}
			m[k] = c
		}
		return m, nil
	case []any:
		if depth >= MaxDepth {
			return nil, fmt.Errorf("nested too deeply: at most %d levels", MaxDepth)
		}
		a := make([]any, len(v))
		for i, e := range v {
			c, err := jsonValue(e, depth+1)
			if err != nil {
				return nil, fmt.Errorf("at [%d]: %w", i, err)
			}
			a[i] = c
		}
		return a, nil
	}
	n, ok, err := number(v)
	if !ok {
		return nil, fmt.Errorf("is not a JSON value (%T)", v)
	}
	return n, err
}

// jsonSize estimates the JSON encoding's length of a checked value.
func jsonSize(v any) int {
	switch v := v.(type) {
	case string:
		return len(v) + 2
	case map[string]any:
		n := 2
		for k, e := range v {
			n += len(k) + 4 + jsonSize(e)
		}
		return n
	case []any:
		n := 2
		for _, e := range v {
			n += 1 + jsonSize(e)
		}
		return n
	}
	return 8 // numbers, booleans, null: a rough average
}

// maxExact is 2^53, beyond which float64 no longer holds every integer.
const maxExact = 1 << 53

// number normalises a Go or JSON number: ok says whether v is a number at
// all, err whether it is one a user may set (finite, in range).
func number(v any) (n any, ok bool, err error) {
	var f float64
	switch v := v.(type) {
	case float64:
		f = v
	case float32:
		f = float64(v)
	case int:
		return integer(int64(v)), true, nil
	case int8:
		return integer(int64(v)), true, nil
	case int16:
		return integer(int64(v)), true, nil
	case int32:
		return integer(int64(v)), true, nil
	case int64:
		return integer(v), true, nil
	case uint:
		return unsigned(uint64(v)), true, nil
	case uint8:
		return unsigned(uint64(v)), true, nil
	case uint16:
		return unsigned(uint64(v)), true, nil
	case uint32:
		return unsigned(uint64(v)), true, nil
	case uint64:
		return unsigned(v), true, nil
	case json.Number:
		p, perr := strconv.ParseFloat(string(v), 64)
		if perr != nil && !isRangeErr(perr) {
			return nil, false, nil // not a number: a caller bug, reported as the wrong type
		}
		f = p
	default:
		return nil, false, nil
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, true, fmt.Errorf("must be a finite number")
	}
	if f == math.Trunc(f) && math.Abs(f) <= maxExact {
		return int64(f), true, nil
	}
	return f, true, nil
}

func integer(i int64) any {
	if i > maxExact || i < -maxExact {
		return float64(i)
	}
	return i
}

func unsigned(u uint64) any {
	if u > maxExact {
		return float64(u)
	}
	return int64(u)
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// wrongType is the message for a value of the wrong JSON type.
func wrongType(want string, got any) error {
	return fmt.Errorf("must be %s, not %s", want, jsonTypeName(got))
}

func jsonTypeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "text"
	case bool:
		return "true or false"
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	if _, ok, _ := number(v); ok {
		return "a number"
	}
	return fmt.Sprintf("a %T", v)
}

// field names a key for errs.Error.Field, in full even when the message
// shortens it: the field is how a client finds the input it concerns.
func field(key string) string { return "values." + key }

// quoteKey quotes a key for a message, shortened if long.
func quoteKey(key string) string {
	if len(key) > 64 {
		return strconv.Quote(strings.ToValidUTF8(key[:64], "")) + "…"
	}
	return strconv.Quote(key)
}

// prefixConflict finds a key that is also the parent of another key ("a"
// and "a.b"). keys need not be sorted, but the answer is deterministic when
// they are.
func prefixConflict(keys []string) (parent, child string, found bool) {
	set := make(map[string]bool, len(keys))
	for _, k := range keys {
		set[k] = true
	}
	for _, k := range keys {
		for i := 0; i < len(k); i++ {
			if k[i] == '.' && set[k[:i]] {
				return k[:i], k, true
			}
		}
	}
	return "", "", false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
