package valuespec_test

import (
	"encoding/base64"
	"reflect"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/valuespec"
)

func TestRedactorText(t *testing.T) {
	const long = `hunter2"is\back`
	r := valuespec.NewRedactor(long, "abc", "", "hunter2")
	for _, tc := range []struct{ in, want string }{
		{"password " + long + " refused", "password <redacted> refused"},
		{"glued" + long + "glued", "glued<redacted>glued"},
		// A password inside another is blanked with it, not first.
		{"old hunter2, new " + long, "old <redacted>, new <redacted>"},
		{"b64 " + base64.StdEncoding.EncodeToString([]byte(long)), "b64 <redacted>"},
		{"raw " + base64.RawStdEncoding.EncodeToString([]byte(long)) + ".", "raw <redacted>."},
		{"url " + base64.URLEncoding.EncodeToString([]byte(long)), "url <redacted>"},
		{`go "hunter2\"is\\back"`, `go "<redacted>"`},
		{`json {"p":"hunter2\"is\\back"}`, `json {"p":"<redacted>"}`},
		{"yaml 'hunter2\"is\\back'", "yaml '<redacted>'"},
		// Short passwords: whole words only.
		{"value: abc", "value: <redacted>"},
		{`"abc" and abc, (abc)`, `"<redacted>" and <redacted>, (<redacted>)`},
		{"abc", "<redacted>"},
		{"abcd xabc abc_ 1abc abcé", "abcd xabc abc_ 1abc abcé"},
		{"abc abc", "<redacted> <redacted>"},
		{"b64 YWJj.", "b64 <redacted>."},
		{"b64 xYWJj", "b64 xYWJj"},
		{"", ""},
	} {
		if got := r.Text(tc.in); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := r.Embedded("value: abc, " + long); got != "value: abc, <redacted>" {
		t.Errorf("Embedded blanked a short password or missed a long one: %q", got)
	}
}

func TestRedactorValue(t *testing.T) {
	r := valuespec.NewRedactor("hunter2-hunter2", "ab")
	for in, want := range map[string]string{
		"ab":                      valuespec.Redacted,
		"YWI=":                    valuespec.Redacted,
		"abc":                     "abc",
		"x ab y":                  "x ab y",
		"hunter2-hunter2":         valuespec.Redacted,
		"db://u:hunter2-hunter2@": "db://u:<redacted>@",
		"":                        "",
	} {
		if got := r.Value(in); got != want {
			t.Errorf("Value(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRedactorEmpty(t *testing.T) {
	var nilR *valuespec.Redactor
	for _, r := range []*valuespec.Redactor{nilR, {}, valuespec.NewRedactor(), valuespec.NewRedactor("")} {
		if !r.Empty() || r.Text("a b") != "a b" || r.Value("") != "" || r.Embedded("x") != "x" {
			t.Errorf("%#v is not empty or changes text", r)
		}
	}
	if valuespec.NewRedactor("x").Empty() {
		t.Error("a one-byte password makes an empty Redactor")
	}
}

func TestPasswords(t *testing.T) {
	specs := valuespec.Specs{
		Required: []valuespec.Spec{
			{Key: "auth.password", Label: "Password", Type: valuespec.Password},
			{Key: "auth.username", Label: "User", Type: valuespec.Text},
		},
		Optional: []valuespec.Spec{
			{Key: "redis.auth.password", Label: "Redis", Type: valuespec.Password},
			{Key: "pin", Label: "PIN", Type: valuespec.Password},
			{Key: "legacy", Label: "Legacy", Type: valuespec.Password, Default: "spec-default"},
			{Key: "_init.owner_password", Label: "Owner", Type: valuespec.Password},
			{Key: "missing.deep", Label: "Missing", Type: valuespec.Password},
		},
	}
	nested := map[string]any{
		"auth":          map[string]any{"password": "p1", "username": "admin"},
		"redis":         map[string]any{"auth": map[string]any{"password": "p2"}},
		"pin":           float64(1234),
		"_init":         map[string]any{"owner_password": "never a Helm value"},
		"missing":       "not a map",
		"unrelatedPass": "x",
	}
	got := specs.Passwords(nested)
	if want := []string{"p1", "p2", "1234", "spec-default"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Passwords = %q, want %q", got, want)
	}
	if got := (valuespec.Specs{}).Passwords(nested); len(got) != 0 {
		t.Errorf("empty specs: %q", got)
	}
	if strings.Contains(strings.Join(got, " "), "admin") {
		t.Error("a text value counted as a password")
	}
}
