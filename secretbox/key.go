package secretbox

import (
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// KeyFileName is the name of the key file in the data directory.
const KeyFileName = "secret.key"

// MinPassphraseLength is the shortest WOOW_SECRET_KEY accepted as a
// passphrase.
const MinPassphraseLength = 32

// LoadKey returns the master key.
//
// When secretFromEnv (WOOW_SECRET_KEY) is set it is, in this order of
// precedence, 64 hex characters, base64 (standard or URL, padded or not) of
// 32 bytes, or a passphrase of at least MinPassphraseLength characters from
// which the key is derived with HKDF-SHA256. HKDF does not slow down
// guessing, so a passphrase must be long and random, not memorable.
//
// Otherwise the key is the 32 raw bytes of <dataDir>/secret.key. The file is
// created with random bytes and mode 0600 when missing (and dataDir with
// 0700), atomically: processes starting together all end up with the key of
// whichever created it first. An existing file that group or others may
// access, or of the wrong size, is an error, not something to repair.
//
// When WOOW_SECRET_KEY is set, an existing key file is ignored: switching
// between the two makes secrets sealed under the other key unreadable.
func LoadKey(secretFromEnv, dataDir string) ([]byte, error) {
	if s := strings.TrimSpace(secretFromEnv); s != "" {
		return parseEnvKey(s)
	}
	if dataDir == "" {
		return nil, errors.New("secretbox: WOOW_SECRET_KEY is not set and there is no data directory for " + KeyFileName)
	}
	path := filepath.Join(dataDir, KeyFileName)
	key, err := readKeyFile(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return key, err
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("secretbox: create data directory: %w", err)
	}
	if err := createKeyFile(path); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, err
	}
	// Read back what is there, ours or a concurrent winner's.
	return readKeyFile(path)
}

func parseEnvKey(s string) ([]byte, error) {
	if len(s) == 2*KeySize {
		if k, err := hex.DecodeString(s); err == nil {
			return k, nil
		}
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if k, err := enc.DecodeString(s); err == nil && len(k) == KeySize {
			return k, nil
		}
	}
	if len([]rune(s)) >= MinPassphraseLength {
		return hkdf.Key(sha256.New, []byte(s), []byte("woow-paas WOOW_SECRET_KEY passphrase v1"), "woow-paas master key", KeySize)
	}
	return nil, fmt.Errorf("secretbox: WOOW_SECRET_KEY must be 64 hex characters, base64 of %d bytes, or a passphrase of at least %d characters (generate one with: openssl rand -hex 32)", KeySize, MinPassphraseLength)
}

// readKeyFile reads and checks the key file; a missing file is fs.ErrNotExist.
func readKeyFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, fmt.Errorf("secretbox: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("secretbox: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("secretbox: key file %s is not a regular file", path)
	}
	// Windows has no Unix permission bits to check.
	if perm := fi.Mode().Perm(); perm&0o077 != 0 && runtime.GOOS != "windows" {
		return nil, fmt.Errorf("secretbox: key file %s has mode %04o, which lets other users read it; run: chmod 600 %s", path, perm, path)
	}
	// Read one byte more than needed to tell a long file from a right one.
	key, err := io.ReadAll(io.LimitReader(f, KeySize+1))
	if err != nil {
		return nil, fmt.Errorf("secretbox: read key file: %w", err)
	}
	if len(key) != KeySize {
		return nil, fmt.Errorf("secretbox: key file %s has %s bytes, want exactly %d (it is raw bytes, not text)", path, sizeString(len(key)), KeySize)
	}
	return key, nil
}

func sizeString(n int) string {
	if n > KeySize {
		return fmt.Sprintf("more than %d", KeySize)
	}
	return fmt.Sprint(n)
}

// createKeyFile writes a new random key to path without ever exposing a
// partial file: it writes a temporary file and hard-links it into place,
// which fails with fs.ErrExist if path exists (O_EXCL semantics, unlike
// rename, which would replace a concurrent process's key).
func createKeyFile(path string) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".secret.key-*") // mode 0600
	if err != nil {
		return fmt.Errorf("secretbox: create key file: %w", err)
	}
	defer os.Remove(tmp.Name())
	key := make([]byte, KeySize)
	rand.Read(key) // never fails since Go 1.24
	if _, err := tmp.Write(key); err != nil {
		tmp.Close()
		return fmt.Errorf("secretbox: write key file: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("secretbox: write key file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("secretbox: write key file: %w", err)
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return err
		}
		// No hard links on this file system: fall back to O_EXCL on the
		// final name. A concurrent reader could then see a short file and
		// fail with a clear error rather than use a wrong key.
		if err := writeExcl(path, key); err != nil {
			return err
		}
	}
	syncDir(dir)
	return nil
}

func writeExcl(path string, key []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return err
		}
		return fmt.Errorf("secretbox: create key file: %w", err)
	}
	if _, err := f.Write(key); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("secretbox: write key file: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("secretbox: write key file: %w", err)
	}
	return f.Close()
}

// syncDir makes the new directory entry durable; best effort, as some
// systems cannot fsync directories.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
