package secretbox

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

func TestLoadKeyFromEnv(t *testing.T) {
	raw := make([]byte, KeySize)
	for i := range raw {
		raw[i] = byte(i * 7)
	}
	passphrase := "correct horse battery staple and more words"
	tests := []struct {
		name string
		env  string
		want []byte // nil: derived from a passphrase, checked separately
	}{
		{"hex", hex.EncodeToString(raw), raw},
		{"HEX", strings.ToUpper(hex.EncodeToString(raw)), raw},
		{"hex with newline", hex.EncodeToString(raw) + "\n", raw},
		{"base64", base64.StdEncoding.EncodeToString(raw), raw},
		{"base64 raw", base64.RawStdEncoding.EncodeToString(raw), raw},
		{"base64url", base64.URLEncoding.EncodeToString(raw), raw},
		{"base64url raw", base64.RawURLEncoding.EncodeToString(raw), raw},
		{"passphrase", passphrase, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			key, err := LoadKey(tt.env, dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(key) != KeySize {
				t.Fatalf("key is %d bytes", len(key))
			}
			if tt.want != nil && !bytes.Equal(key, tt.want) {
				t.Errorf("key = %x, want %x", key, tt.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("LoadKey with an env key wrote %d files to the data dir", len(entries))
			}
		})
	}

	k1, _ := LoadKey(passphrase, "")
	k2, _ := LoadKey(passphrase, "")
	k3, _ := LoadKey(passphrase+"!", "")
	if !bytes.Equal(k1, k2) || bytes.Equal(k1, k3) || bytes.Equal(k1, []byte(passphrase)[:KeySize]) {
		t.Error("passphrase derivation is not deterministic, not sensitive to the passphrase, or the identity")
	}
}

func TestLoadKeyFromEnvRejected(t *testing.T) {
	for _, env := range []string{
		"short",
		strings.Repeat("a", MinPassphraseLength-1),
		base64.StdEncoding.EncodeToString(make([]byte, 16)), // 24 chars
		strings.Repeat("é", MinPassphraseLength-1),          // bytes enough, characters not
	} {
		if k, err := LoadKey(env, t.TempDir()); err == nil {
			t.Errorf("LoadKey(%q) = %x, want an error", env, k)
		}
	}
	// 64 characters that are not hex are a (long enough) passphrase.
	if _, err := LoadKey(strings.Repeat("z", 64), ""); err != nil {
		t.Errorf("64-char non-hex passphrase: %v", err)
	}
}

func TestLoadKeyCreatesFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "nested")
	key, err := LoadKey("", dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(key) != KeySize || bytes.Equal(key, make([]byte, KeySize)) {
		t.Fatalf("key = %x", key)
	}
	path := filepath.Join(dir, KeyFileName)
	onDisk, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(onDisk, key) {
		t.Fatalf("file holds %x (%v), want the returned key %x", onDisk, err, key)
	}
	if runtime.GOOS != "windows" {
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
			t.Errorf("key file mode %04o, want 0600", fi.Mode().Perm())
		}
		if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
			t.Errorf("data dir mode %04o, want 0700", fi.Mode().Perm())
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("data dir holds %d entries, want only %s (temp file left behind?)", len(entries), KeyFileName)
	}

	again, err := LoadKey("", dir)
	if err != nil || !bytes.Equal(again, key) {
		t.Errorf("second LoadKey = %x, %v; want the same key %x", again, err, key)
	}
	other, _ := LoadKey("", t.TempDir())
	if bytes.Equal(other, key) {
		t.Error("two data dirs got the same key")
	}
}

func TestLoadKeyConcurrentCreate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	const n = 16
	keys := make([][]byte, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			keys[i], errs[i] = LoadKey("", dir)
		})
	}
	close(start)
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("LoadKey %d: %v", i, errs[i])
		}
		if !bytes.Equal(keys[i], keys[0]) {
			t.Fatalf("concurrent LoadKey calls returned different keys: %x vs %x", keys[i], keys[0])
		}
	}
}

func TestLoadKeyRejectsWidePermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	for _, mode := range []os.FileMode{0o644, 0o640, 0o604, 0o660, 0o666} {
		dir := t.TempDir()
		path := filepath.Join(dir, KeyFileName)
		if err := os.WriteFile(path, make([]byte, KeySize), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		_, err := LoadKey("", dir)
		if err == nil || !strings.Contains(err.Error(), "chmod 600") {
			t.Errorf("mode %04o: error = %v, want one telling to chmod 600", mode, err)
		}
	}
	// Narrower than 0600 is fine.
	dir := t.TempDir()
	path := filepath.Join(dir, KeyFileName)
	want := bytes.Repeat([]byte{9}, KeySize)
	os.WriteFile(path, want, 0o400)
	if key, err := LoadKey("", dir); err != nil || !bytes.Equal(key, want) {
		t.Errorf("mode 0400: LoadKey = %x, %v; want %x", key, err, want)
	}
}

func TestLoadKeyRejectsBadFiles(t *testing.T) {
	key := bytes.Repeat([]byte{3}, KeySize)
	for name, content := range map[string][]byte{
		"empty":    {},
		"short":    key[:31],
		"long":     append(bytes.Clone(key), 0),
		"hex text": []byte(hex.EncodeToString(key)),
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, KeyFileName)
			if err := os.WriteFile(path, content, 0o600); err != nil {
				t.Fatal(err)
			}
			if k, err := LoadKey("", dir); err == nil {
				t.Errorf("LoadKey = %x, want an error", k)
			}
			// The bad file is left alone for the operator, not replaced.
			if got, _ := os.ReadFile(path); !bytes.Equal(got, content) {
				t.Error("LoadKey modified the bad key file")
			}
		})
	}

	t.Run("directory", func(t *testing.T) {
		dir := t.TempDir()
		os.Mkdir(filepath.Join(dir, KeyFileName), 0o700)
		if _, err := LoadKey("", dir); err == nil {
			t.Error("LoadKey with a directory at the key path succeeded")
		}
	})
	t.Run("no env, no data dir", func(t *testing.T) {
		if _, err := LoadKey("", ""); err == nil {
			t.Error("LoadKey(\"\", \"\") succeeded")
		}
	})
}

// The key LoadKey returns is what New takes.
func TestLoadKeyThenBox(t *testing.T) {
	dir := t.TempDir()
	k1, _ := LoadKey("", dir)
	b1, err := New(k1)
	if err != nil {
		t.Fatal(err)
	}
	ct, _ := b1.Seal([]byte("tunnel token"), []byte("tunnel:1"))
	k2, _ := LoadKey("", dir) // e.g. after a restart
	b2, _ := New(k2)
	if pt, err := b2.Open(ct, []byte("tunnel:1")); err != nil || string(pt) != "tunnel token" {
		t.Errorf("Open after reloading the key = %q, %v", pt, err)
	}
}
