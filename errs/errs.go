// Package errs is the one domain error type of Woow PaaS.
//
// Domain packages return *Error with a Code; the edges (GraphQL, REST, OAuth)
// map the code once to what their clients understand and hide the message of
// anything that is not a domain error. Following benbjohnson/wtf.
package errs

import (
	"context"
	"errors"
	"fmt"
)

// Code classifies a domain error. The values are the GraphQL extensions.code
// strings, so the GraphQL edge can pass them through unchanged.
type Code string

const (
	Unauthenticated Code = "UNAUTHENTICATED"
	Forbidden       Code = "FORBIDDEN"
	NotFound        Code = "NOT_FOUND"
	Invalid         Code = "BAD_USER_INPUT"
	Conflict        Code = "CONFLICT"
	TooManyRequests Code = "TOO_MANY_REQUESTS"
	Internal        Code = "INTERNAL"
)

// InternalMessage is all a client learns of an error that is not a domain
// error, or whose code is Internal: the details are logged, never shown.
const InternalMessage = "internal error"

// Public is what a client may see of err: the first *Error in its chain
// when that has a code other than Internal, else an Internal error saying
// only InternalMessage (nil for nil). Every edge shows errors through it.
func Public(err error) *Error {
	if err == nil {
		return nil
	}
	if e, ok := errors.AsType[*Error](err); ok && e != nil && e.Code != Internal && e.Code != "" {
		return e
	}
	return &Error{Code: Internal, Message: InternalMessage}
}

// Error is a domain error: a code, a message safe to show to the user and,
// for input errors, the input field it concerns.
type Error struct {
	Code    Code
	Message string
	// Field names the offending input field ("email", "values.auth.username")
	// so clients can show the message next to it.
	Field string
	// Reason is a machine-readable refinement of Code that clients act on
	// (FORBIDDEN for "insufficient_scope": ask the user for more scopes).
	Reason string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Code, e.Message, e.Field)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// E builds an error with a formatted message.
func E(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// InvalidField is a BAD_USER_INPUT error about one input field.
func InvalidField(field, format string, args ...any) *Error {
	return &Error{Code: Invalid, Field: field, Message: fmt.Sprintf(format, args...)}
}

// InsufficientScope is FORBIDDEN with the reason insufficient_scope: an
// OAuth token lacks scope for what it asked.
func InsufficientScope(scope string) *Error {
	return &Error{Code: Forbidden, Reason: "insufficient_scope",
		Message: fmt.Sprintf("this token lacks the %q scope", scope)}
}

// CodeOf returns the code of the first *Error in err's chain, Internal for any
// other non-nil error and "" for nil.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// Is reports whether err carries the given code.
func Is(err error, code Code) bool { return CodeOf(err) == code }

// ClientGone reports whether err is ctx's own cancellation: for a
// request's context, the client went away (closed the tab, navigated,
// dropped the connection) and the work stopped. That is not the server's
// fault: the edges log it at DEBUG, never at ERROR. An error that merely
// wraps context.Canceled while ctx is live (a job cancelled inside) is
// not the client's doing and stays an error.
func ClientGone(ctx context.Context, err error) bool {
	return errors.Is(err, context.Canceled) && ctx.Err() != nil
}
