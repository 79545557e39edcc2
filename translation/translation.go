// Package translation is the catalogue's text in languages other than
// English: which locales a template or value spec may be translated into,
// the shape of a template's translation, and the rule its text follows.
// English is the base: the untranslated fields are English, and a
// translation's empty field falls back to them (the web app decides).
package translation

import (
	"fmt"
	"unicode/utf8"

	"github.com/woowtech/woow-paas/names"
)

// Locales are the BCP 47 tags a translation may be in. English is not
// one of them: it is the base text. (accounts.Locales, the languages of the
// web app, are these and English.)
var Locales = []string{"zh-TW"}

// Valid reports whether locale is one of Locales, spelt exactly.
func Valid(locale string) bool {
	for _, l := range Locales {
		if l == locale {
			return true
		}
	}
	return false
}

// CheckLocale checks one translation's locale: known, and not translated
// twice (seen holds those already met and gains this one).
func CheckLocale(locale string, seen map[string]bool) error {
	if !Valid(locale) {
		return fmt.Errorf("translation locale %q: a translation is in one of %q", locale, Locales)
	}
	if seen[locale] {
		return fmt.Errorf("translation locale %q is given twice", locale)
	}
	seen[locale] = true
	return nil
}

// CheckText checks a catalogue text (a translation or the English it
// translates): at most max characters (0: no limit), and nothing that would
// hide or disguise text on screen (names.Unsafe; line breaks only when
// multiline). name says which field in the message.
func CheckText(name, s string, max int, multiline bool) error {
	if n := utf8.RuneCountInString(s); max > 0 && n > max {
		return fmt.Errorf("%s is too long: %d characters, at most %d", name, n, max)
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s must be valid UTF-8", name)
	}
	for _, r := range s {
		if names.Unsafe(r, multiline) {
			return fmt.Errorf("%s cannot contain control characters (such as NUL) or text direction overrides", name)
		}
	}
	return nil
}

// Template is a template's description and full description in one
// locale. Stored in AppTemplate.translations, one per locale.
type Template struct {
	Locale          string `json:"locale"`
	Description     string `json:"description,omitempty"`
	FullDescription string `json:"full_description,omitempty"`
}
