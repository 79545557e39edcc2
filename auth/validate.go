package auth

import (
	"net/mail"
	"net/netip"
	"strings"
	"unicode/utf8"

	"github.com/woowtech/woow-paas/errs"
)

// Email and password limits.
const (
	MaxEmailLength    = 254 // bytes, RFC 5321 path limit
	maxLocalPart      = 64  // bytes, RFC 5321
	MinPasswordLength = 8   // characters
)

// NormalizeEmail trims and lowercases s and checks it is a bare address
// (no display name, no angle brackets, no quoted local part), at most
// MaxEmailLength bytes. Errors are BAD_USER_INPUT on "email".
//
// Lowercasing the local part is not strictly RFC-correct, but no provider we
// care about distinguishes case there, and it keeps one account per mailbox.
func NormalizeEmail(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "":
		return "", errs.InvalidField("email", "is required")
	case len(s) > MaxEmailLength:
		return "", errs.InvalidField("email", "must be at most %d characters", MaxEmailLength)
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Name != "" || addr.Address != s {
		return "", errs.InvalidField("email", "must be a valid email address")
	}
	local, domain, _ := strings.Cut(s, "@")
	if len(local) > maxLocalPart || strings.HasPrefix(domain, "[") {
		return "", errs.InvalidField("email", "must be a valid email address")
	}
	return s, nil
}

// ValidatePassword checks a new password: at least MinPasswordLength
// characters and at most MaxPasswordBytes bytes. Errors are BAD_USER_INPUT on
// "password".
func ValidatePassword(pw string) error {
	switch {
	case utf8.RuneCountInString(pw) < MinPasswordLength:
		return errs.InvalidField("password", "must be at least %d characters", MinPasswordLength)
	case len(pw) > MaxPasswordBytes:
		return errs.InvalidField("password", "must be at most %d bytes", MaxPasswordBytes)
	case !utf8.ValidString(pw):
		return errs.InvalidField("password", "must be valid UTF-8")
	}
	return nil
}

// AddressKey is the key under which limits count a client address: the
// address itself for IPv4, its /64 network for IPv6 (one host usually has
// a whole /64, and would otherwise get a fresh limit per address).
// Anything that does not parse is its own key.
func AddressKey(ip string) string {
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	addr = addr.Unmap()
	if addr.Is4() {
		return addr.String()
	}
	p, err := addr.Prefix(64)
	if err != nil {
		return ip
	}
	return p.String()
}
