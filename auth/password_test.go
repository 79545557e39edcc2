package auth

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/errs"
)

// cheapParams make hashing fast enough for tests (package authtest has the
// same for other packages; it cannot be imported here).
func cheapParams() Params {
	return Params{Memory: 64, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}
}

// testHasher hashes with cheapParams.
func testHasher() *Hasher { return NewHasher(cheapParams(), 0) }

func TestHashCheckRoundtrip(t *testing.T) {
	for _, pw := range []string{"correct horse battery staple", "", "ünïcødé 密码", strings.Repeat("x", MaxPasswordBytes)} {
		enc, err := testHasher().Hash(pw)
		if err != nil {
			t.Fatalf("Hash(%.10q): %v", pw, err)
		}
		if ok, err := testHasher().Check(enc, pw); !ok || err != nil {
			t.Errorf("Check(right password %.10q) = %v, %v; want true, nil", pw, ok, err)
		}
		if ok, err := testHasher().Check(enc, pw+"x"); ok || err != nil {
			t.Errorf("Check(wrong password) = %v, %v; want false, nil", ok, err)
		}
	}
}

func TestHashFormat(t *testing.T) {
	enc, err := testHasher().Hash("pw")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`^\$argon2id\$v=19\$m=64,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)
	if !re.MatchString(enc) {
		t.Errorf("Hash = %q, does not match %v", enc, re)
	}
	enc2, _ := testHasher().Hash("pw")
	if enc == enc2 {
		t.Error("two hashes of the same password are equal: salt not random")
	}
}

func TestDefaultParams(t *testing.T) {
	h := NewHasher(DefaultParams(), 0)
	if h.Params() != DefaultParams() {
		t.Errorf("Params() = %+v, want DefaultParams", h.Params())
	}
	enc, err := h.Hash("pw-default")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(enc, "$argon2id$v=19$m=65536,t=3,p=4$") {
		t.Errorf("Hash = %q, want DefaultParams", enc)
	}
	if ok, err := h.Check(enc, "pw-default"); !ok || err != nil {
		t.Errorf("Check = %v, %v", ok, err)
	}
	if ok, _ := h.Check(enc, "pw-Default"); ok {
		t.Error("Check accepted a wrong password")
	}
}

// TestHasherBoundsConcurrency: a Hasher runs at most its limit of hashes at
// once (the rest wait for a slot), and the limit is its own: another
// Hasher is not held up.
func TestHasherBoundsConcurrency(t *testing.T) {
	h := NewHasher(cheapParams(), 2)
	if cap(h.slots) != 2 {
		t.Fatalf("%d slots, want 2", cap(h.slots))
	}
	if d := NewHasher(cheapParams(), 0); cap(d.slots) < 2 {
		t.Errorf("default limit %d, want at least 2", cap(d.slots))
	}
	// Two hashes in progress (their slots taken here).
	h.slots <- struct{}{}
	h.slots <- struct{}{}
	done := make(chan error, 1)
	go func() {
		_, err := h.Hash("waits")
		done <- err
	}()
	// Another hasher's slots are its own.
	if _, err := testHasher().Hash("other"); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		t.Fatalf("a third hash ran while two were in progress (err %v)", err)
	case <-time.After(100 * time.Millisecond):
	}
	<-h.slots // one finishes
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the waiting hash did not run once a slot was free")
	}
	if n := len(h.slots); n != 1 {
		t.Errorf("%d slots taken after the hash, want 1 (its own given back)", n)
	}
}

// Parameters come from the encoded hash, not from the Hasher, so they can
// change without invalidating stored hashes.
func TestCheckReadsParamsFromHash(t *testing.T) {
	old := NewHasher(Params{Memory: 128, Iterations: 2, Parallelism: 2, SaltLength: 8, KeyLength: 16}, 0)
	enc, err := old.Hash("secret")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(enc, "$argon2id$v=19$m=128,t=2,p=2$") {
		t.Fatalf("Hash = %q", enc)
	}
	if ok, err := testHasher().Check(enc, "secret"); !ok || err != nil {
		t.Errorf("Check with other Hasher params = %v, %v; want true, nil", ok, err)
	}
	if !testHasher().NeedsRehash(enc) {
		t.Error("NeedsRehash = false for a hash with other params")
	}
	if old.NeedsRehash(enc) {
		t.Error("NeedsRehash = true for a hash with the hasher's own params")
	}
	if !testHasher().NeedsRehash("garbage") {
		t.Error("NeedsRehash(garbage) = false")
	}
}

func TestCheckTampered(t *testing.T) {
	enc, err := testHasher().Hash("secret")
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Split(enc, "$") // "", argon2id, v=19, m=64,t=1,p=1, salt, hash
	join := func(parts ...string) string { return strings.Join(parts, "$") }
	flip := func(s string) string { // change the first character, keeping it base64
		if s[0] == 'A' {
			return "B" + s[1:]
		}
		return "A" + s[1:]
	}
	tests := []struct {
		name      string
		encoded   string
		wantError bool // malformed; otherwise well-formed but must not match
	}{
		{"hash changed", join(f[0], f[1], f[2], f[3], f[4], flip(f[5])), false},
		{"salt changed", join(f[0], f[1], f[2], f[3], flip(f[4]), f[5]), false},
		{"memory changed", join(f[0], f[1], f[2], "m=72,t=1,p=1", f[4], f[5]), false},
		{"iterations changed", join(f[0], f[1], f[2], "m=64,t=2,p=1", f[4], f[5]), false},
		{"parallelism changed", join(f[0], f[1], f[2], "m=64,t=1,p=2", f[4], f[5]), false},
		{"hash truncated", join(f[0], f[1], f[2], f[3], f[4], f[5][:20]), true},
		{"argon2i", join(f[0], "argon2i", f[2], f[3], f[4], f[5]), true},
		{"bcrypt", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy", true},
		{"version 16", join(f[0], f[1], "v=16", f[3], f[4], f[5]), true},
		{"params reordered", join(f[0], f[1], f[2], "t=1,m=64,p=1", f[4], f[5]), true},
		{"extra param", join(f[0], f[1], f[2], "m=64,t=1,p=1,keyid=x", f[4], f[5]), true},
		{"leading zero", join(f[0], f[1], f[2], "m=064,t=1,p=1", f[4], f[5]), true},
		{"plus sign", join(f[0], f[1], f[2], "m=+64,t=1,p=1", f[4], f[5]), true},
		{"huge memory", join(f[0], f[1], f[2], "m=4294967295,t=1,p=1", f[4], f[5]), true},
		{"huge iterations", join(f[0], f[1], f[2], "m=64,t=100000,p=1", f[4], f[5]), true},
		{"zero parallelism", join(f[0], f[1], f[2], "m=64,t=1,p=0", f[4], f[5]), true},
		{"parallelism over 255", join(f[0], f[1], f[2], "m=4096,t=1,p=256", f[4], f[5]), true},
		{"padded base64", join(f[0], f[1], f[2], f[3], f[4]+"==", f[5]), true},
		{"not base64", join(f[0], f[1], f[2], f[3], "!!!!", f[5]), true},
		{"short salt", join(f[0], f[1], f[2], f[3], "AAAA", f[5]), true},
		{"extra field", enc + "$x", true},
		{"missing leading $", enc[1:], true},
		{"empty", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := testHasher().Check(tt.encoded, "secret")
			if ok {
				t.Fatalf("Check(%q) = true for a tampered hash", tt.encoded)
			}
			if (err != nil) != tt.wantError {
				t.Fatalf("Check(%q) error = %v, want error %v", tt.encoded, err, tt.wantError)
			}
		})
	}
}

func TestPasswordTooLong(t *testing.T) {
	long := strings.Repeat("a", MaxPasswordBytes+1)
	_, err := testHasher().Hash(long)
	var e *errs.Error
	if !errors.As(err, &e) || e.Code != errs.Invalid || e.Field != "password" {
		t.Errorf("Hash(too long) error = %v, want BAD_USER_INPUT on password", err)
	}
	enc, _ := testHasher().Hash(long[:MaxPasswordBytes])
	if ok, err := testHasher().Check(enc, long); ok || err != nil {
		t.Errorf("Check(too long) = %v, %v; want false, nil", ok, err)
	}
}

func TestInvalidHasherParams(t *testing.T) {
	h := NewHasher(Params{Memory: 64, Iterations: 1}, 0) // no parallelism, salt, key length
	if _, err := h.Hash("pw"); err == nil {
		t.Error("Hash with invalid params succeeded")
	}
}

// DummyCheck must cost about as much as a real Check, or a missing user
// answers faster than a wrong password.
func TestDummyCheckTakesTime(t *testing.T) {
	h := NewHasher(Params{Memory: 16 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}, 0)
	enc, err := h.Hash("pw")
	if err != nil {
		t.Fatal(err)
	}
	minOf := func(f func()) time.Duration {
		best := time.Hour
		for range 3 {
			start := time.Now()
			f()
			best = min(best, time.Since(start))
		}
		return best
	}
	check := minOf(func() { h.Check(enc, "wrong") })
	dummy := minOf(func() { h.DummyCheck("wrong") })
	if dummy < check/3 {
		t.Errorf("DummyCheck took %v, Check %v: DummyCheck is too fast to hide unknown users", dummy, check)
	}
}
