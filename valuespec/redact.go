package valuespec

import (
	"encoding/base64"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Redacted stands in for a password's value in text shown to users:
// manifests, deploy log lines, error messages, server logs. Unlike
// MaskedValue (a form field's placeholder), it marks a cut in free text.
const Redacted = "<redacted>"

// MinRedactLen is the length, in bytes, from which a password is blanked
// wherever it occurs, even inside a longer word. A shorter password (and
// every encoding of it) is blanked only where it stands alone: a whole
// value in a manifest, a whole word in a message. Blanking every "abc"
// inside other words would garble the text and, by where the cuts fall,
// point at the password all the same; a password that short protects
// nothing anyway (templates should set a minimum length).
const MinRedactLen = 4

// Redactor blanks known password values in text. It looks for each
// password as written and as charts and error messages commonly encode it:
// base64 (standard, unpadded and URL-safe, as Secrets and b64enc write
// it) and escaped inside a JSON, Go (Helm's quote) or single-quoted YAML
// string. Other transformations a chart may apply (URL-encoding, hashing,
// embedding in a longer base64 string) are not recognised: charts should
// keep passwords in Secrets, which manifests redact whole.
//
// The zero Redactor and a nil *Redactor blank nothing.
type Redactor struct {
	// anywhere are the forms of passwords of at least MinRedactLen
	// bytes, longest first (a password may contain another).
	anywhere []string
	// alone are the forms of shorter passwords, longest first.
	alone []string
	// whole is every form, for values compared as a whole.
	whole map[string]bool
}

// NewRedactor returns a Redactor for passwords. Empty strings are ignored
// (there is nothing to blank) and repeats are harmless.
func NewRedactor(passwords ...string) *Redactor {
	r := &Redactor{whole: map[string]bool{}}
	for _, p := range passwords {
		if p == "" {
			continue
		}
		for _, f := range forms(p) {
			if r.whole[f] {
				continue
			}
			r.whole[f] = true
			if len(p) >= MinRedactLen {
				r.anywhere = append(r.anywhere, f)
			} else {
				r.alone = append(r.alone, f)
			}
		}
	}
	longestFirst := func(a, b string) int { return len(b) - len(a) }
	slices.SortStableFunc(r.anywhere, longestFirst)
	slices.SortStableFunc(r.alone, longestFirst)
	return r
}

// forms are the ways text may carry p: as it is, base64-encoded, and
// escaped inside quoted strings.
func forms(p string) []string {
	b := []byte(p)
	out := []string{p,
		base64.StdEncoding.EncodeToString(b),
		base64.RawStdEncoding.EncodeToString(b),
		base64.URLEncoding.EncodeToString(b),
		base64.RawURLEncoding.EncodeToString(b),
		strings.ReplaceAll(p, "'", "''"),
	}
	if q := strconv.Quote(p); len(q) >= 2 {
		out = append(out, q[1:len(q)-1])
	}
	var js strings.Builder
	enc := json.NewEncoder(&js)
	enc.SetEscapeHTML(false)
	if enc.Encode(p) == nil {
		if s := strings.TrimSuffix(js.String(), "\n"); len(s) >= 2 {
			out = append(out, s[1:len(s)-1])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Empty reports whether r knows no password.
func (r *Redactor) Empty() bool { return r == nil || len(r.whole) == 0 }

// Text blanks the passwords in free text (a log line, an error message):
// long ones wherever they occur, short ones where they are a whole word
// (not next to a letter, digit or underscore).
func (r *Redactor) Text(s string) string {
	s = r.Embedded(s)
	if r == nil {
		return s
	}
	for _, f := range r.alone {
		s = replaceWords(s, f)
	}
	return s
}

// Embedded blanks the passwords of at least MinRedactLen bytes wherever
// they occur, and leaves shorter ones alone.
func (r *Redactor) Embedded(s string) string {
	if r == nil {
		return s
	}
	for _, f := range r.anywhere {
		s = strings.ReplaceAll(s, f, Redacted)
	}
	return s
}

// Value blanks one whole value (a YAML scalar of a manifest): Redacted if
// it is a password, whatever its length, else as Embedded.
func (r *Redactor) Value(s string) string {
	if r == nil {
		return s
	}
	if r.whole[s] {
		return Redacted
	}
	return r.Embedded(s)
}

// replaceWords replaces the occurrences of word in s that are not next to
// a letter, digit or underscore of s.
func replaceWords(s, word string) string {
	var b strings.Builder
	done := 0 // s[:done] is in b
	for i := 0; ; {
		j := strings.Index(s[i:], word)
		if j < 0 {
			break
		}
		j += i
		end := j + len(word)
		before, _ := utf8.DecodeLastRuneInString(s[:j])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (j == 0 || !isWord(before)) && (end == len(s) || !isWord(after)) {
			b.WriteString(s[done:j])
			b.WriteString(Redacted)
			done, i = end, end
			continue
		}
		_, size := utf8.DecodeRuneInString(s[j:])
		i = j + size
	}
	b.WriteString(s[done:])
	return b.String()
}

// isWord reports whether r is part of a word.
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Passwords returns the values that nested (unflattened) Helm values hold
// at the specs' password keys (and their environments' secret entries), with the password specs' own defaults: the
// password values text rendered from these values may contain. Scalars
// other than strings are returned as they render; set-up ("_init.") keys
// are never Helm values and are skipped.
func (s Specs) Passwords(nested map[string]any) []string {
	var out []string
	for _, sp := range append(slices.Clone(s.Required), s.Optional...) {
		if sp.Type == Env && !IsInit(sp.Key) {
			out = append(out, envSecrets(lookupPath(nested, sp.Key))...)
			continue
		}
		if sp.Type != Password {
			continue
		}
		if v, ok := scalarText(sp.Default); ok {
			out = append(out, v)
		}
		if IsInit(sp.Key) {
			continue
		}
		if v, ok := scalarText(lookupPath(nested, sp.Key)); ok {
			out = append(out, v)
		}
	}
	return out
}

// lookupPath reads a nested value by dot path (nil if absent).
func lookupPath(values map[string]any, path string) any {
	var cur any = values
	for seg := range strings.SplitSeq(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[seg]
	}
	return cur
}

// scalarText is how a scalar renders in a template ({{ .Values.x }}).
func scalarText(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, v != ""
	case bool:
		return strconv.FormatBool(v), true
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), true
	case int64:
		return strconv.FormatInt(v, 10), true
	case int:
		return strconv.Itoa(v), true
	case json.Number:
		return v.String(), true
	}
	return "", false
}
