package resolvers

import (
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
