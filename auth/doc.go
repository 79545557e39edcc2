// Package auth holds the building blocks of logging in: password hashing,
// session tokens, the login rate limiter, the session cookie and CSRF
// protection. It has no storage: callers keep users and sessions (hashed
// tokens only) wherever they like.
package auth
