package valuespec_test

import (
	"math"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/valuespec"
)

func TestCheckRules(t *testing.T) {
	specs := valuespec.Specs{
		Required: []valuespec.Spec{
			{Key: "pw", Label: "Password", Type: valuespec.Password, MinLength: new(8), MaxLength: new(12),
				Pattern: `.*[0-9].*`, PatternMessage: "must contain a digit"},
		},
		Optional: []valuespec.Spec{
			{Key: "name", Label: "Name", Type: valuespec.Text, MinLength: new(1), MaxLength: new(3)},
			{Key: "code", Label: "Code", Type: valuespec.Text, Pattern: `[a-z]+`, PatternMessage: "must be lower-case letters"},
			{Key: "replicas", Label: "Replicas", Type: valuespec.Number, Min: new(1.0), Max: new(10.0)},
			{Key: "ratio", Label: "Ratio", Type: valuespec.Number, Min: new(0.5)},
		},
	}
	ok := "abcdefg1"
	cases := []struct {
		name      string
		values    map[string]any
		wantField string
		wantMsg   string
	}{
		{"all within", map[string]any{"pw": ok, "name": "abc", "code": "xyz", "replicas": 10.0, "ratio": 0.5}, "", ""},
		{"too short", map[string]any{"pw": "abc1"}, "values.pw", "must be at least 8 characters"},
		{"too long", map[string]any{"pw": "abcdefghijk12"}, "values.pw", "must be at most 12 characters"},
		{"pattern", map[string]any{"pw": "abcdefgh"}, "values.pw", "must contain a digit"},
		{"blank required is required, not short", map[string]any{"pw": "  "}, "values.pw", "Password is required"},
		{"runes, not bytes: 8 Chinese characters and a digit", map[string]any{"pw": "密碼密碼密碼密1"}, "", ""},
		{"runes, not bytes: too long in runes only", map[string]any{"pw": ok, "name": "密碼密碼"}, "values.name", "must be at most 3 characters"},
		{"one character", map[string]any{"pw": ok, "name": "ab"}, "", ""},
		{"empty optional text obeys", map[string]any{"pw": ok, "name": ""}, "", ""},
		{"pattern matches the whole value", map[string]any{"pw": ok, "code": "abc1"}, "values.code", "must be lower-case letters"},
		{"pattern across lines does not match", map[string]any{"pw": ok, "code": "abc\ndef"}, "values.code", "must be lower-case letters"},
		{"number below min", map[string]any{"pw": ok, "replicas": 0.0}, "values.replicas", "must be at least 1"},
		{"number above max", map[string]any{"pw": ok, "replicas": 11}, "values.replicas", "must be at most 10"},
		{"fraction below min", map[string]any{"pw": ok, "ratio": 0.25}, "values.ratio", "must be at least 0.5"},
		{"wrong type before rules", map[string]any{"pw": ok, "replicas": "5"}, "values.replicas", "must be a number"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := specs.Check(c.values)
			if c.wantField == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted %v", c.values)
			}
			if f := fieldOf(t, err); f != c.wantField {
				t.Errorf("field %q, want %q", f, c.wantField)
			}
			if !strings.Contains(err.Error(), c.wantMsg) {
				t.Errorf("error %q does not say %q", err, c.wantMsg)
			}
		})
	}
}

func TestCheckRulesSingular(t *testing.T) {
	s := valuespec.Specs{Required: []valuespec.Spec{{Key: "a", Label: "A", Type: valuespec.Text, MinLength: new(2), MaxLength: new(1)}}}
	// Not a valid spec (min above max), but the wording is what is tested.
	_, err := s.Check(map[string]any{"a": "ab"})
	if err == nil || !strings.Contains(err.Error(), "must be at most 1 character") || strings.Contains(err.Error(), "characters") {
		t.Fatalf("error %v, want \"must be at most 1 character\"", err)
	}
}

func TestValidateRules(t *testing.T) {
	text := func(mut func(*valuespec.Spec)) valuespec.Spec {
		s := valuespec.Spec{Key: "k", Label: "K", Type: valuespec.Text}
		mut(&s)
		return s
	}
	num := func(mut func(*valuespec.Spec)) valuespec.Spec {
		s := valuespec.Spec{Key: "k", Label: "K", Type: valuespec.Number}
		mut(&s)
		return s
	}
	cases := []struct {
		name string
		spec valuespec.Spec
		want string // "" for valid
	}{
		{"no rules", text(func(*valuespec.Spec) {}), ""},
		{"text lengths and pattern", text(func(s *valuespec.Spec) {
			s.MinLength, s.MaxLength, s.Pattern, s.PatternMessage = new(0), new(8), `[a-z]*`, "lower case"
		}), ""},
		{"equal lengths", text(func(s *valuespec.Spec) { s.MinLength, s.MaxLength = new(4), new(4) }), ""},
		{"password rules", valuespec.Spec{Key: "p", Label: "P", Type: valuespec.Password, MinLength: new(8), Pattern: `.*\d.*`, PatternMessage: "a digit"}, ""},
		{"number bounds", num(func(s *valuespec.Spec) { s.Min, s.Max = new(-1.5), new(3.0) }), ""},
		{"number default within", num(func(s *valuespec.Spec) { s.Min, s.Default = new(1.0), 2 }), ""},
		{"negative minLength", text(func(s *valuespec.Spec) { s.MinLength = new(-1) }), "minLength -1 must be between 0 and 8192"},
		{"huge maxLength", text(func(s *valuespec.Spec) { s.MaxLength = new(1 << 20) }), "maxLength 1048576 must be between 0"},
		{"min length above max", text(func(s *valuespec.Spec) { s.MinLength, s.MaxLength = new(9), new(8) }), "minLength 9 is greater than maxLength 8"},
		{"min above max", num(func(s *valuespec.Spec) { s.Min, s.Max = new(3.0), new(2.0) }), "min 3 is greater than max 2"},
		{"infinite max", num(func(s *valuespec.Spec) { s.Max = new(math.Inf(1)) }), "max must be a finite number"},
		{"lengths on a number", num(func(s *valuespec.Spec) { s.MinLength = new(1) }), "apply to text and password specs, not number"},
		{"pattern on a select", valuespec.Spec{Key: "s", Label: "S", Type: valuespec.Select, Options: []string{"a"}, Default: "a", Pattern: "a", PatternMessage: "m"}, "pattern applies to text and password specs, not select"},
		{"min on text", text(func(s *valuespec.Spec) { s.Min = new(1.0) }), "min and max apply to number specs, not text"},
		{"max on boolean", valuespec.Spec{Key: "b", Label: "B", Type: valuespec.Boolean, Max: new(1.0)}, "not boolean"},
		{"pattern without message", text(func(s *valuespec.Spec) { s.Pattern = `[a-z]+` }), `pattern "[a-z]+" needs a patternMessage`},
		{"message without pattern", text(func(s *valuespec.Spec) { s.PatternMessage = "x" }), "patternMessage is set without a pattern"},
		{"pattern does not compile", text(func(s *valuespec.Spec) { s.Pattern, s.PatternMessage = `[a-z`, "m" }), "not a valid regular expression (RE2 syntax)"},
		{"lookahead is not RE2", text(func(s *valuespec.Spec) { s.Pattern, s.PatternMessage = `(?=.*\d).*`, "m" }), "not a valid regular expression"},
		{"pattern that would close the anchoring group", text(func(s *valuespec.Spec) { s.Pattern, s.PatternMessage = `a)|(b`, "m" }), "not a valid regular expression"},
		{"pattern too long", text(func(s *valuespec.Spec) { s.Pattern, s.PatternMessage = strings.Repeat("a", 501), "m" }), "pattern is too long: 501 characters, at most 500"},
		{"pattern of 500 characters", text(func(s *valuespec.Spec) { s.Pattern, s.PatternMessage = strings.Repeat("a", 500), "m" }), ""},
		{"text default too short", text(func(s *valuespec.Spec) { s.MinLength, s.Default = new(5), "abc" }), "default abc: must be at least 5 characters"},
		{"text default off pattern", text(func(s *valuespec.Spec) { s.Pattern, s.PatternMessage, s.Default = `[a-z]+`, "lower case only", "ABC" }), "default ABC: lower case only"},
		{"number default above max", num(func(s *valuespec.Spec) { s.Max, s.Default = new(3.0), 4.0 }), "default 4: must be at most 3"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.spec.ValidateRules()
			if c.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want %q", err, c.want)
			}
		})
	}
}
