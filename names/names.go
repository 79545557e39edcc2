// Package names is the one rule for the text people give things: names,
// titles and descriptions. Text is trimmed and counted in characters (not
// bytes, so CJK names get their full length), ordinary Unicode is kept,
// and what would hide or disguise text on screen is refused: control
// characters (NUL included) and the bidirectional embeddings, overrides
// and isolates (U+202E turns "RTL" into "LTR" on screen). Multi-line text
// (descriptions, prompts) may hold line breaks and tabs.
package names

import (
	"strings"
	"unicode/utf8"

	"github.com/woowtech/woow-paas/errs"
)

// Required checks a one-line name of 1 to max characters; label says
// what it is in messages ("name", "title").
func Required(field, label, s string, max int) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errs.InvalidField(field, "enter a %s", label)
	}
	return check(field, label, s, max, false)
}

// Optional checks a one-line text of 0 to max characters.
func Optional(field, label, s string, max int) (string, error) {
	return check(field, label, strings.TrimSpace(s), max, false)
}

// Text checks a multi-line text of 0 to max characters.
func Text(field, label, s string, max int) (string, error) {
	return check(field, label, strings.TrimSpace(s), max, true)
}

func check(field, label, s string, max int, multiline bool) (string, error) {
	if utf8.RuneCountInString(s) > max {
		return "", errs.InvalidField(field, "a %s has at most %d characters", label, max)
	}
	if !utf8.ValidString(s) {
		return "", errs.InvalidField(field, "a %s must be valid UTF-8", label)
	}
	for _, r := range s {
		if Unsafe(r, multiline) {
			return "", errs.InvalidField(field, "a %s cannot contain control characters (such as NUL) or text direction overrides", label)
		}
	}
	return s, nil
}

// Unsafe reports whether r may not appear in a name (or, with
// multiline, in a multi-line text).
func Unsafe(r rune, multiline bool) bool {
	switch {
	case multiline && (r == '\n' || r == '\r' || r == '\t'):
		return false
	case r < 0x20, r >= 0x7f && r < 0xa0: // C0, DEL, C1
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // embeddings, overrides, isolates
		return true
	case r == 0x2028 || r == 0x2029: // line and paragraph separators
		return !multiline
	}
	return false
}
