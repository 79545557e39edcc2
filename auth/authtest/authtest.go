// Package authtest gives tests of other packages a cheap password hasher:
// the production parameters take 64 MiB and a tenth of a second a hash,
// which tests that register many accounts cannot afford. Never use it
// outside tests.
package authtest

import "github.com/woowtech/woow-paas/auth"

// Params are cheap argon2id parameters (64 KiB, one pass, one lane) with
// the production salt and key lengths.
func Params() auth.Params {
	return auth.Params{Memory: 64, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}
}

// Hasher returns a new hasher with Params.
func Hasher() *auth.Hasher { return auth.NewHasher(Params(), 0) }
