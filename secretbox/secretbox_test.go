package secretbox

import (
	"bytes"
	"errors"
	"testing"
)

func mustBox(t *testing.T, seed byte) *Box {
	t.Helper()
	key := bytes.Repeat([]byte{seed}, KeySize)
	b, err := New(key)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSealOpenRoundtrip(t *testing.T) {
	b := mustBox(t, 1)
	for _, tt := range []struct {
		name    string
		pt, ad  []byte
		wantLen int
	}{
		{"token with ad", []byte("tunnel-token-123"), []byte("tunnel:42:token"), 1 + 24 + 16 + 16},
		{"nil ad", []byte("api key"), nil, 1 + 24 + 7 + 16},
		{"empty plaintext", []byte{}, []byte("x"), 1 + 24 + 16},
		{"large", bytes.Repeat([]byte{0xAB}, 1<<16), nil, 1 + 24 + 1<<16 + 16},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ct, err := b.Seal(tt.pt, tt.ad)
			if err != nil {
				t.Fatal(err)
			}
			if len(ct) != tt.wantLen || ct[0] != 1 {
				t.Fatalf("sealed: %d bytes, version %d; want %d bytes, version 1", len(ct), ct[0], tt.wantLen)
			}
			if len(tt.pt) > 0 && bytes.Contains(ct, tt.pt) {
				t.Fatal("ciphertext contains the plaintext")
			}
			pt, err := b.Open(ct, tt.ad)
			if err != nil || !bytes.Equal(pt, tt.pt) {
				t.Fatalf("Open = %q, %v; want %q", pt, err, tt.pt)
			}
		})
	}
}

func TestSealRandomNonce(t *testing.T) {
	b := mustBox(t, 1)
	c1, _ := b.Seal([]byte("same"), nil)
	c2, _ := b.Seal([]byte("same"), nil)
	if bytes.Equal(c1, c2) {
		t.Error("two seals of the same plaintext are equal")
	}
}

func TestOpenTampered(t *testing.T) {
	b := mustBox(t, 1)
	ad := []byte("tunnel:42:token")
	ct, err := b.Seal([]byte("secret"), ad)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ct {
		for _, bit := range []byte{0x01, 0x80} {
			bad := bytes.Clone(ct)
			bad[i] ^= bit
			_, err := b.Open(bad, ad)
			want := ErrOpen
			if i == 0 {
				want = ErrVersion
			}
			if !errors.Is(err, want) {
				t.Errorf("byte %d ^ %#x: Open error = %v, want %v", i, bit, err, want)
			}
		}
	}
	for _, n := range []int{0, 1, 25, 1 + 24 + 15, len(ct) - 1} {
		if _, err := b.Open(ct[:n], ad); !errors.Is(err, ErrOpen) {
			t.Errorf("truncated to %d: Open error = %v, want ErrOpen", n, err)
		}
	}
	if _, err := b.Open(append(bytes.Clone(ct), 0), ad); !errors.Is(err, ErrOpen) {
		t.Errorf("extended: Open error = %v, want ErrOpen", err)
	}
}

func TestOpenWrongAssociatedData(t *testing.T) {
	b := mustBox(t, 1)
	ct, _ := b.Seal([]byte("secret"), []byte("tunnel:42:token"))
	for _, ad := range [][]byte{nil, []byte("tunnel:43:token"), []byte("tunnel:42:toke")} {
		if _, err := b.Open(ct, ad); !errors.Is(err, ErrOpen) {
			t.Errorf("ad %q: Open error = %v, want ErrOpen", ad, err)
		}
	}
}

func TestOpenWrongKey(t *testing.T) {
	ct, _ := mustBox(t, 1).Seal([]byte("secret"), nil)
	if _, err := mustBox(t, 2).Open(ct, nil); !errors.Is(err, ErrOpen) {
		t.Errorf("Open under another key: %v, want ErrOpen", err)
	}
	// Same key bytes, new Box: opens.
	if pt, err := mustBox(t, 1).Open(ct, nil); err != nil || string(pt) != "secret" {
		t.Errorf("Open under the same key in a new Box = %q, %v", pt, err)
	}
}

func TestNewKeySize(t *testing.T) {
	for _, n := range []int{0, 16, 31, 33, 64} {
		if _, err := New(make([]byte, n)); err == nil {
			t.Errorf("New with %d-byte key succeeded", n)
		}
	}
}

// New copies the key: changing the caller's slice afterwards changes nothing.
func TestNewCopiesKey(t *testing.T) {
	key := bytes.Repeat([]byte{7}, KeySize)
	b, _ := New(key)
	k1 := b.Key("x")
	key[0] = 8
	if !bytes.Equal(k1, b.Key("x")) {
		t.Error("Box depends on the caller's key slice")
	}
}

func TestKeyDerivation(t *testing.T) {
	master := bytes.Repeat([]byte{1}, KeySize)
	b := mustBox(t, 1)
	a1, a2, c := b.Key("cookie-signing"), mustBox(t, 1).Key("cookie-signing"), b.Key("csrf")
	if len(a1) != 32 {
		t.Fatalf("Key length %d, want 32", len(a1))
	}
	if !bytes.Equal(a1, a2) {
		t.Error("Key is not deterministic")
	}
	if bytes.Equal(a1, c) || bytes.Equal(a1, master) {
		t.Error("subkeys for different purposes (or the master key) are equal")
	}
	if bytes.Equal(a1, mustBox(t, 2).Key("cookie-signing")) {
		t.Error("subkeys of different master keys are equal")
	}
	// No purpose yields the sealing key.
	sealKey := derive(master, sealInfo)
	for _, purpose := range []string{"secretbox", sealInfo, "v1 xchacha20poly1305"} {
		if bytes.Equal(b.Key(purpose), sealKey) {
			t.Errorf("Key(%q) is the sealing key", purpose)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("Key(\"\") did not panic")
		}
	}()
	b.Key("")
}
