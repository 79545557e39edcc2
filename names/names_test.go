package names

import (
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/errs"
)

func TestRules(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		check          func(field, label, s string, max int) (string, error)
		ok             bool
	}{
		{"trimmed", "  Acme  ", "Acme", Required, true},
		{"CJK counts characters", strings.Repeat("家", 10), strings.Repeat("家", 10), Required, true},
		{"accents and emoji kept", "Ünïcode 🏠", "Ünïcode 🏠", Required, true},
		{"accents and CJK kept", "Ünïcode 中文", "Ünïcode 中文", Required, true},
		{"C1 next line at an end is space, trimmed", "Acme\u0085", "Acme", Required, true},
		{"right-to-left letters kept", "בית", "בית", Required, true},
		{"empty", "   ", "", Required, false},
		{"too long", strings.Repeat("x", 11), "", Required, false},
		{"NUL", "Ac\x00me", "", Required, false},
		{"escape", "Ac\x1bme", "", Required, false},
		{"C1", "Ac\u0085me", "", Required, false},
		{"right-to-left override", "\u202eRTL", "", Required, false},
		{"isolate", "a\u2067b", "", Required, false},
		{"line break in a name", "a\nb", "", Required, false},
		{"optional empty", "", "", Optional, true},
		{"text keeps line breaks", "a\nb\tc", "a\nb\tc", Text, true},
		{"text refuses NUL", "a\x00", "", Text, false},
		{"text refuses overrides", "a\u202db", "", Text, false},
	} {
		got, err := tc.check("name", "name", tc.in, 10)
		if tc.ok && (err != nil || got != tc.want) {
			t.Errorf("%s: %q, %v; want %q", tc.name, got, err, tc.want)
		}
		if !tc.ok && (!errs.Is(err, errs.Invalid) || errs.Public(err).Field != "name") {
			t.Errorf("%s: %v, want BAD_USER_INPUT on name", tc.name, err)
		}
	}
}
