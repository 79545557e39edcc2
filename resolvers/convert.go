package resolvers

import (
	"github.com/woowtech/woow-paas/oauth"
	"github.com/woowtech/woow-paas/workspaces"
)

// deref is the value of an optional argument, or its zero value.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// answer names the invitation an acceptInvitation or declineInvitation
// input gives.
func answer(id *int, token *string) workspaces.Answer {
	return workspaces.Answer{ID: deref(id), Token: deref(token)}
}

// authorizeRequest is the consent page's input as package oauth takes it.
func authorizeRequest(clientID, redirectURI string, scope, state, challenge, method *string) oauth.AuthorizeRequest {
	return oauth.AuthorizeRequest{ClientID: clientID, RedirectURI: redirectURI, Scope: deref(scope),
		State: deref(state), CodeChallenge: deref(challenge), CodeChallengeMethod: deref(method)}
}

// optional is nil for "".
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
