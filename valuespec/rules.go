package valuespec

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"unicode/utf8"
)

// Limits on the rules a template may state.
const (
	// MaxPatternLen is the longest Pattern, in characters. RE2 matches in
	// linear time whatever the pattern, so this bounds only its size.
	MaxPatternLen = 500
	// MaxPatternMessageLen is the longest PatternMessage, in characters.
	MaxPatternMessageLen = 200
)

// ValidateRules checks the spec's own rules, as a template is saved: they
// apply to the spec's type (lengths and a pattern to text and password,
// min and max to number), lengths are not negative and at most
// MaxStringLen, a minimum is not above its maximum, a pattern compiles as
// RE2, is at most MaxPatternLen characters and has a message, and a default
// obeys the rules. The error is in words, for a BAD_USER_INPUT message.
func (s Spec) ValidateRules() error {
	textual := s.Type == Text || s.Type == Password
	if !textual && (s.MinLength != nil || s.MaxLength != nil) {
		return fmt.Errorf("minLength and maxLength apply to text and password specs, not %s", s.Type)
	}
	if !textual && (s.Pattern != "" || s.PatternMessage != "") {
		return fmt.Errorf("pattern applies to text and password specs, not %s", s.Type)
	}
	if s.Type != Number && (s.Min != nil || s.Max != nil) {
		return fmt.Errorf("min and max apply to number specs, not %s", s.Type)
	}
	for _, l := range []struct {
		name string
		v    *int
	}{{"minLength", s.MinLength}, {"maxLength", s.MaxLength}} {
		if l.v != nil && (*l.v < 0 || *l.v > MaxStringLen) {
			return fmt.Errorf("%s %d must be between 0 and %d", l.name, *l.v, MaxStringLen)
		}
	}
	if s.MinLength != nil && s.MaxLength != nil && *s.MinLength > *s.MaxLength {
		return fmt.Errorf("minLength %d is greater than maxLength %d", *s.MinLength, *s.MaxLength)
	}
	for _, b := range []struct {
		name string
		v    *float64
	}{{"min", s.Min}, {"max", s.Max}} {
		if b.v != nil && (math.IsNaN(*b.v) || math.IsInf(*b.v, 0)) {
			return fmt.Errorf("%s must be a finite number", b.name)
		}
	}
	if s.Min != nil && s.Max != nil && *s.Min > *s.Max {
		return fmt.Errorf("min %s is greater than max %s", formatNumber(*s.Min), formatNumber(*s.Max))
	}
	if s.Pattern != "" || s.PatternMessage != "" {
		if s.Pattern == "" {
			return errors.New("patternMessage is set without a pattern")
		}
		if n := utf8.RuneCountInString(s.Pattern); n > MaxPatternLen {
			return fmt.Errorf("pattern is too long: %d characters, at most %d", n, MaxPatternLen)
		}
		if _, err := compilePattern(s.Pattern); err != nil {
			return fmt.Errorf("pattern %q is not a valid regular expression (RE2 syntax): %v", s.Pattern, err)
		}
		if s.PatternMessage == "" {
			return fmt.Errorf("pattern %q needs a patternMessage: the words a user reads when a value does not match", s.Pattern)
		}
		if n := utf8.RuneCountInString(s.PatternMessage); n > MaxPatternMessageLen {
			return fmt.Errorf("patternMessage is too long: %d characters, at most %d", n, MaxPatternMessageLen)
		}
	}
	if s.Default != nil {
		v, err := typed(s, s.Default)
		if err == nil {
			err = s.obeys(v)
		}
		if err != nil {
			return fmt.Errorf("default %v: %v", s.Default, err)
		}
	}
	return nil
}

// compilePattern compiles a spec's pattern so that it must match the whole
// value, as HTML's pattern attribute does (the web form sets it there).
func compilePattern(p string) (*regexp.Regexp, error) {
	if _, err := regexp.Compile(p); err != nil {
		return nil, err // the error quotes the pattern as written
	}
	return regexp.Compile(`^(?:` + p + `)$`)
}

// obeys checks a value already of the spec's type (see typed) against the
// spec's rules. The error is the user-facing message. An empty text obeys
// every rule, as in HTML forms: whether it may be empty is the business of
// required, which says so in its own words.
func (s Spec) obeys(v any) error {
	switch s.Type {
	case Text, Password:
		str, _ := v.(string)
		if str == "" {
			return nil
		}
		n := utf8.RuneCountInString(str)
		if s.MinLength != nil && n < *s.MinLength {
			return fmt.Errorf("must be at least %s", characters(*s.MinLength))
		}
		if s.MaxLength != nil && n > *s.MaxLength {
			return fmt.Errorf("must be at most %s", characters(*s.MaxLength))
		}
		if s.Pattern != "" {
			re, err := compilePattern(s.Pattern)
			if err != nil {
				return fmt.Errorf("cannot be checked: the template's pattern is invalid")
			}
			if !re.MatchString(str) {
				if s.PatternMessage == "" {
					return errors.New("does not have the expected form")
				}
				return errors.New(s.PatternMessage)
			}
		}
	case Number:
		f, ok := toFloat(v)
		if !ok {
			return nil
		}
		if s.Min != nil && f < *s.Min {
			return fmt.Errorf("must be at least %s", formatNumber(*s.Min))
		}
		if s.Max != nil && f > *s.Max {
			return fmt.Errorf("must be at most %s", formatNumber(*s.Max))
		}
	}
	return nil
}

// characters is "1 character" or "n characters".
func characters(n int) string {
	if n == 1 {
		return "1 character"
	}
	return strconv.Itoa(n) + " characters"
}

// formatNumber writes a bound as a person would: 3, 0.5, 1000000.
func formatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// toFloat reads a number normalised by number (int64 or float64).
func toFloat(v any) (float64, bool) {
	switch v := v.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}
