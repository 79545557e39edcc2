// Package secretbox encrypts secrets at rest (tunnel tokens, API keys) with
// a master key, and derives separate subkeys from it for other purposes.
//
// A sealed message is a version byte, then a random nonce, then the AEAD
// ciphertext. Version 1 is XChaCha20-Poly1305 under a key derived from the
// master key; its 24-byte nonces are safe to choose at random. A new
// algorithm or key gets a new version byte, and Open keeps reading the old
// ones.
package secretbox

import (
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"
)

// KeySize is the size of the master key.
const KeySize = 32

const versionXChaCha = 1

// HKDF info strings. Key prefixes its purpose with keyInfoPrefix, so no
// purpose can yield the sealing key.
const (
	sealInfo      = "woow-paas secretbox v1 xchacha20poly1305"
	keyInfoPrefix = "woow-paas key "
)

var (
	// ErrOpen is returned by Open for a message that was tampered with,
	// sealed under another key or with other associated data; the cases
	// are deliberately indistinguishable.
	ErrOpen = errors.New("secretbox: message authentication failed")
	// ErrVersion is returned by Open for a message of an unknown version,
	// e.g. sealed by a newer release.
	ErrVersion = errors.New("secretbox: unsupported message version")
)

// Box seals and opens secrets under one master key. It is safe for
// concurrent use.
type Box struct {
	master []byte
	aead   cipher.AEAD
}

// New returns a Box for a KeySize-byte master key, as LoadKey returns.
func New(masterKey []byte) (*Box, error) {
	if len(masterKey) != KeySize {
		return nil, fmt.Errorf("secretbox: key is %d bytes, want %d", len(masterKey), KeySize)
	}
	master := append([]byte(nil), masterKey...)
	aead, err := chacha20poly1305.NewX(derive(master, sealInfo))
	if err != nil {
		return nil, err
	}
	return &Box{master: master, aead: aead}, nil
}

// Seal encrypts plaintext. associatedData is authenticated but not stored:
// pass what the secret belongs to (e.g. "tunnel:42:token") and Open must be
// given the same, so a ciphertext copied to another record does not open.
// It may be nil.
func (b *Box) Seal(plaintext, associatedData []byte) ([]byte, error) {
	ns := b.aead.NonceSize()
	out := make([]byte, 1+ns, 1+ns+len(plaintext)+b.aead.Overhead())
	out[0] = versionXChaCha
	rand.Read(out[1:]) // never fails since Go 1.24
	return b.aead.Seal(out, out[1:], plaintext, adFor(versionXChaCha, associatedData)), nil
}

// Open decrypts a message from Seal given the same associated data. It
// returns ErrOpen if the message is not authentic and ErrVersion if it has an
// unknown version.
func (b *Box) Open(ciphertext, associatedData []byte) ([]byte, error) {
	if len(ciphertext) == 0 {
		return nil, ErrOpen
	}
	if ciphertext[0] != versionXChaCha {
		return nil, ErrVersion
	}
	ns := b.aead.NonceSize()
	if len(ciphertext) < 1+ns+b.aead.Overhead() {
		return nil, ErrOpen
	}
	pt, err := b.aead.Open(nil, ciphertext[1:1+ns], ciphertext[1+ns:], adFor(ciphertext[0], associatedData))
	if err != nil {
		return nil, ErrOpen
	}
	return pt, nil
}

// adFor binds the version byte into the authenticated data, so a message
// cannot be replayed under another version's rules.
func adFor(version byte, ad []byte) []byte {
	return append([]byte{version}, ad...)
}

// Key returns a 32-byte subkey of the master key for purpose, e.g.
// "cookie-signing". Different purposes give independent keys, none of which
// reveals the master key or the key Seal uses. purpose must not be empty.
func (b *Box) Key(purpose string) []byte {
	if purpose == "" {
		panic("secretbox: Key with empty purpose")
	}
	return derive(b.master, keyInfoPrefix+purpose)
}

// derive is HKDF-SHA256 from the master key with info naming the use.
func derive(master []byte, info string) []byte {
	k, err := hkdf.Key(sha256.New, master, nil, info, KeySize)
	if err != nil {
		panic("secretbox: hkdf: " + err.Error()) // only for absurd lengths
	}
	return k
}
