package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"

	"github.com/woowtech/woow-paas/errs"
)

// MaxPasswordBytes bounds the input of password hashing, so a client cannot
// make the server hash megabytes. ValidatePassword enforces the same limit
// with a user-facing error.
const MaxPasswordBytes = 1024

// Params are the argon2id cost parameters. They are written into every
// encoded hash, so changing them affects new hashes only; old hashes keep
// verifying and Hasher.NeedsRehash says when to upgrade them.
type Params struct {
	// Memory is the memory cost in KiB.
	Memory uint32
	// Iterations is the number of passes over the memory.
	Iterations uint32
	// Parallelism is the number of lanes (threads).
	Parallelism uint8
	// SaltLength and KeyLength are in bytes.
	SaltLength uint32
	KeyLength  uint32
}

// DefaultParams are the production parameters, the second recommended
// option of RFC 9106 (64 MiB, three passes, four lanes): about 0.1 s on two
// cores. A Hasher bounds how many hashes run at once, which bounds the
// memory logins can take.
func DefaultParams() Params {
	return Params{Memory: 64 * 1024, Iterations: 3, Parallelism: 4, SaltLength: 16, KeyLength: 32}
}

// Bounds on parameters read from an encoded hash: a corrupted or planted hash
// must not make one login allocate gigabytes or loop for minutes.
const (
	maxMemory     = 1 << 20 // KiB, 1 GiB
	maxIterations = 64
	minSaltLength = 8
	maxSaltLength = 64
	minKeyLength  = 16
	maxKeyLength  = 64
)

func (p Params) validate() error {
	switch {
	case p.Parallelism < 1:
		return errors.New("parallelism must be at least 1")
	case p.Memory < 8*uint32(p.Parallelism) || p.Memory > maxMemory:
		return fmt.Errorf("memory %d KiB out of range [%d, %d]", p.Memory, 8*uint32(p.Parallelism), maxMemory)
	case p.Iterations < 1 || p.Iterations > maxIterations:
		return fmt.Errorf("iterations %d out of range [1, %d]", p.Iterations, maxIterations)
	case p.SaltLength < minSaltLength || p.SaltLength > maxSaltLength:
		return fmt.Errorf("salt length %d out of range [%d, %d]", p.SaltLength, minSaltLength, maxSaltLength)
	case p.KeyLength < minKeyLength || p.KeyLength > maxKeyLength:
		return fmt.Errorf("key length %d out of range [%d, %d]", p.KeyLength, minKeyLength, maxKeyLength)
	}
	return nil
}

// Hasher hashes and checks passwords with argon2id. Make one with NewHasher
// and share it: the bound on concurrent hashes is the Hasher's, so a server
// has one. It is safe for concurrent use.
type Hasher struct {
	// params are those of new hashes. Check reads the parameters of each
	// hash from the hash itself.
	params Params
	// slots bounds how many argon2 computations run at once: each takes
	// Params.Memory, so a burst of logins queues instead of exhausting
	// memory.
	slots chan struct{}
}

// NewHasher returns a Hasher that makes hashes with p (DefaultParams in
// production; tests pass cheap ones) and runs at most concurrent hashes at
// once (<= 0: GOMAXPROCS, at least 2). Parameters are checked when hashing:
// invalid ones make Hash fail.
func NewHasher(p Params, concurrent int) *Hasher {
	if concurrent <= 0 {
		concurrent = max(2, runtime.GOMAXPROCS(0))
	}
	return &Hasher{params: p, slots: make(chan struct{}, concurrent)}
}

// Params are the parameters of the hashes h makes.
func (h *Hasher) Params() Params { return h.params }

func (h *Hasher) idKey(p Params, pw string, salt []byte) []byte {
	h.slots <- struct{}{}
	defer func() { <-h.slots }()
	return argon2.IDKey([]byte(pw), salt, p.Iterations, p.Memory, p.Parallelism, p.KeyLength)
}

// Hash returns the PHC string of pw:
// $argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash> (unpadded standard base64).
// A password over MaxPasswordBytes is a BAD_USER_INPUT error on "password".
func (h *Hasher) Hash(pw string) (string, error) {
	if len(pw) > MaxPasswordBytes {
		return "", errs.InvalidField("password", "must be at most %d bytes", MaxPasswordBytes)
	}
	p := h.params
	if err := p.validate(); err != nil {
		return "", fmt.Errorf("auth: invalid argon2 params: %w", err)
	}
	salt := make([]byte, p.SaltLength)
	rand.Read(salt) // never fails since Go 1.24
	key := h.idKey(p, pw, salt)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Iterations, p.Parallelism, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Check reports whether pw matches the encoded hash, comparing in constant
// time. A wrong or over-long password is (false, nil); an error means the
// stored hash is malformed or uses an unsupported algorithm, which is an
// internal error, not the user's.
func (h *Hasher) Check(encoded, pw string) (bool, error) {
	p, salt, want, err := decodeHash(encoded)
	if err != nil {
		return false, err
	}
	if len(pw) > MaxPasswordBytes {
		return false, nil
	}
	got := h.idKey(p, pw, salt)
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// DummyCheck spends the time of a Check against a hash made with h's
// parameters and always fails. Call it when the user is not found, so
// response times do not tell which emails have accounts.
func (h *Hasher) DummyCheck(pw string) {
	p := h.params
	if len(pw) > MaxPasswordBytes || p.validate() != nil {
		return // Check returns early on these too
	}
	// The salt's value does not matter: nothing is compared with a real hash.
	got := h.idKey(p, pw, make([]byte, p.SaltLength))
	subtle.ConstantTimeCompare(got, make([]byte, len(got)))
}

// NeedsRehash reports whether encoded was made with other parameters than
// h's (or cannot be parsed), so a successful login should store a new hash.
func (h *Hasher) NeedsRehash(encoded string) bool {
	p, salt, key, err := decodeHash(encoded)
	if err != nil {
		return true
	}
	p.SaltLength, p.KeyLength = uint32(len(salt)), uint32(len(key))
	return p != h.params
}

// decodeHash parses $argon2id$v=19$m=<m>,t=<t>,p=<p>$<salt>$<hash>, strictly
// and within the bounds of Params.validate.
func decodeHash(encoded string) (p Params, salt, key []byte, err error) {
	bad := func(what string) (Params, []byte, []byte, error) {
		return Params{}, nil, nil, fmt.Errorf("auth: malformed password hash: %s", what)
	}
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" {
		return bad("want 5 fields")
	}
	if parts[1] != "argon2id" {
		return bad("unsupported algorithm")
	}
	if parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return bad("unsupported version")
	}
	kv := strings.Split(parts[3], ",")
	if len(kv) != 3 {
		return bad("want m, t and p")
	}
	var vals [3]uint64
	for i, name := range []string{"m=", "t=", "p="} {
		s, ok := strings.CutPrefix(kv[i], name)
		if !ok {
			return bad("want m, t and p")
		}
		// ParseUint accepts "+1" and leading zeros; PHC does not.
		if s == "" || (s[0] == '0' && len(s) > 1) || s[0] == '+' {
			return bad("invalid parameter")
		}
		vals[i], err = strconv.ParseUint(s, 10, 32)
		if err != nil {
			return bad("invalid parameter")
		}
	}
	if vals[2] > 255 {
		return bad("parallelism out of range")
	}
	b64 := base64.RawStdEncoding.Strict()
	if salt, err = b64.DecodeString(parts[4]); err != nil {
		return bad("salt is not base64")
	}
	if key, err = b64.DecodeString(parts[5]); err != nil {
		return bad("hash is not base64")
	}
	p = Params{
		Memory: uint32(vals[0]), Iterations: uint32(vals[1]), Parallelism: uint8(vals[2]),
		SaltLength: uint32(len(salt)), KeyLength: uint32(len(key)),
	}
	if err := p.validate(); err != nil {
		return bad(err.Error())
	}
	return p, salt, key, nil
}
