package valuespec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/woowtech/woow-paas/translation"
)

// Limits on a spec's words, in characters: the English base fields and
// their translations alike.
const (
	MaxLabelLen       = 200
	MaxPlaceholderLen = 200
	MaxDescriptionLen = 1000
)

// Translation is a spec's words in one locale (translation.Locales). An
// empty field is not translated: the English one is shown.
type Translation struct {
	Locale         string
	Label          string
	Description    string
	Placeholder    string
	PatternMessage string
}

// translationText is a Translation as stored, under its locale.
type translationText struct {
	Label          string `json:"label,omitempty"`
	Description    string `json:"description,omitempty"`
	Placeholder    string `json:"placeholder,omitempty"`
	PatternMessage string `json:"pattern_message,omitempty"`
}

// Translations are a spec's translations, one per locale. A list in Go and
// GraphQL; stored (and written in templates.json) as a JSON object from
// locale to words, where a locale cannot appear twice.
type Translations []Translation

// MarshalJSON writes the object from locale to words.
func (ts Translations) MarshalJSON() ([]byte, error) {
	m := make(map[string]translationText, len(ts))
	for _, t := range ts {
		m[t.Locale] = translationText{t.Label, t.Description, t.Placeholder, t.PatternMessage}
	}
	return json.Marshal(m)
}

// UnmarshalJSON reads the object from locale to words, in locale order.
// Unknown keys are refused, so that a misspelt key in templates.json is
// an error rather than a missing translation.
func (ts *Translations) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var m map[string]translationText
	if err := dec.Decode(&m); err != nil {
		return err
	}
	out := make(Translations, 0, len(m))
	for locale, t := range m {
		out = append(out, Translation{locale, t.Label, t.Description, t.Placeholder, t.PatternMessage})
	}
	slices.SortFunc(out, func(a, b Translation) int { return strings.Compare(a.Locale, b.Locale) })
	*ts = out
	return nil
}

// ValidateText checks the spec's words, as a template is saved: the label,
// placeholder, description and pattern message, English and translated,
// are within their limits and hold no control characters or text
// direction overrides (only a description may have line breaks); each
// translation is in a known locale, given once, and translates a pattern
// message only when the spec has a pattern. The error is in words, for a
// BAD_USER_INPUT message.
func (s Spec) ValidateText() error {
	if err := checkWords("", s.Label, s.Description, s.Placeholder, s.PatternMessage); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, t := range s.Translations {
		if err := translation.CheckLocale(t.Locale, seen); err != nil {
			return err
		}
		if t.PatternMessage != "" && s.Pattern == "" {
			return fmt.Errorf("translation %s: patternMessage is set without a pattern", t.Locale)
		}
		if err := checkWords("translation "+t.Locale+": ", t.Label, t.Description, t.Placeholder, t.PatternMessage); err != nil {
			return err
		}
	}
	return nil
}

// checkWords checks one language's words; prefix says where they are. The
// error is the first problem.
func checkWords(prefix, label, description, placeholder, patternMessage string) error {
	for _, err := range []error{
		translation.CheckText(prefix+"label", label, MaxLabelLen, false),
		translation.CheckText(prefix+"description", description, MaxDescriptionLen, true),
		translation.CheckText(prefix+"placeholder", placeholder, MaxPlaceholderLen, false),
		translation.CheckText(prefix+"patternMessage", patternMessage, MaxPatternMessageLen, false),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}
