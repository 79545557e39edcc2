package auth

import (
	"errors"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/errs"
)

func wantFieldError(t *testing.T, err error, field string) {
	t.Helper()
	var e *errs.Error
	if !errors.As(err, &e) || e.Code != errs.Invalid || e.Field != field || e.Message == "" {
		t.Errorf("error = %v, want BAD_USER_INPUT on %q", err, field)
	}
}

func TestNormalizeEmail(t *testing.T) {
	local64 := strings.Repeat("a", 64)
	at254 := local64 + "@" + strings.Repeat("b", 185) + ".com" // 64+1+185+4 = 254
	tests := []struct {
		in, want string // want "" means an error
	}{
		{"user@example.com", "user@example.com"},
		{"  User@Example.COM \n", "user@example.com"},
		{"first.last+tag@sub.example.co", "first.last+tag@sub.example.co"},
		{"admin@localhost", "admin@localhost"},
		{"ÜSER@example.com", "üser@example.com"},
		{at254, at254},
		{"", ""},
		{"   ", ""},
		{"user", ""},
		{"user@", ""},
		{"@example.com", ""},
		{"Foo Bar <user@example.com>", ""},
		{"<user@example.com>", ""},
		{"user@example.com (comment)", ""},
		{`"a b"@example.com`, ""},
		{`"user"@example.com`, ""},
		{"a@b.com, c@d.com", ""},
		{"a..b@example.com", ""},
		{"user@[127.0.0.1]", ""},
		{"us er@example.com", ""},
		{"user@example.com\r\nBcc: x@y.z", ""},
		{"a" + at254, ""},               // 255 bytes
		{local64 + "a@example.com", ""}, // local part of 65
		{strings.Repeat("x", 10000) + "@example.com", ""},
	}
	for _, tt := range tests {
		got, err := NormalizeEmail(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("NormalizeEmail(%.40q) = %q, want an error", tt.in, got)
				continue
			}
			wantFieldError(t, err, "email")
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("NormalizeEmail(%.40q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestValidatePassword(t *testing.T) {
	tests := []struct {
		name string
		pw   string
		ok   bool
	}{
		{"empty", "", false},
		{"7 chars", "1234567", false},
		{"8 chars", "12345678", true},
		{"8 runes, 16 bytes", "ääääääää", true},
		{"7 runes, 14 bytes", "äääääää", false},
		{"1024 bytes", strings.Repeat("x", 1024), true},
		{"1025 bytes", strings.Repeat("x", 1025), false},
		{"513 two-byte runes", strings.Repeat("ä", 513), false},
		{"invalid utf-8", "abcdefgh\xff", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidatePassword(tt.pw)
			if tt.ok {
				if err != nil {
					t.Errorf("ValidatePassword = %v, want nil", err)
				}
				return
			}
			wantFieldError(t, err, "password")
		})
	}
}
