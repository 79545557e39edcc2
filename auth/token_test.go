package auth

import (
	"encoding/base64"
	"regexp"
	"testing"
)

func TestNewToken(t *testing.T) {
	hexRE := regexp.MustCompile(`^[0-9a-f]{64}$`)
	seen := make(map[string]bool)
	for range 1000 {
		tok, hash := NewToken()
		raw, err := base64.RawURLEncoding.DecodeString(tok)
		if err != nil || len(raw) != 32 {
			t.Fatalf("token %q: %d bytes, err %v; want 32 bytes of unpadded base64url", tok, len(raw), err)
		}
		if !hexRE.MatchString(hash) {
			t.Fatalf("hash %q is not 64 lowercase hex digits", hash)
		}
		if hash != HashToken(tok) {
			t.Fatalf("NewToken hash %q != HashToken(token) %q", hash, HashToken(tok))
		}
		if !WellFormedToken(tok) {
			t.Fatalf("WellFormedToken(%q) = false", tok)
		}
		if seen[tok] {
			t.Fatalf("token %q repeated", tok)
		}
		seen[tok] = true
	}
}

func TestHashTokenKnownAnswer(t *testing.T) {
	// SHA-256("abc"), FIPS 180-2 test vector.
	const want = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
	if got := HashToken("abc"); got != want {
		t.Errorf("HashToken(abc) = %s, want %s", got, want)
	}
	if HashToken("abc") != HashToken("abc") {
		t.Error("HashToken is not stable")
	}
}

func TestWellFormedToken(t *testing.T) {
	tok, _ := NewToken()
	for _, s := range []string{"", tok[:42], tok + "A", tok[:42] + "=", tok[:42] + "+", tok[:42] + "/", tok[:42] + " "} {
		if WellFormedToken(s) {
			t.Errorf("WellFormedToken(%q) = true", s)
		}
	}
}
