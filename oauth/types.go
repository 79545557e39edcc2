package oauth

import (
	"time"

	"github.com/woowtech/woow-paas/policy"
)

// Consent is an authorization request as the consent page shows it.
type Consent struct {
	ClientID   string
	ClientName string
	Scopes     []policy.Scope
	// RedirectHost is where the browser goes next (host[:port]).
	RedirectHost string
	// RegisteredRedirect: the client registered this exact URI (false for
	// the Home Assistant client, whose host is the user's own).
	RegisteredRedirect bool
}

// Grant is a user's consent to a client.
type Grant struct {
	ClientID   string
	ClientName string
	Scopes     []string
	GrantedAt  time.Time
	LastUsedAt *time.Time
}

// DeviceRequest is a device authorization as the device page shows it.
type DeviceRequest struct {
	ClientName string
	Scopes     []policy.Scope
}
