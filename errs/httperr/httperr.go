// Package httperr is the HTTP face of package errs: the one table from an
// error code to an HTTP status, and the one writer of the JSON error body
// that plain HTTP handlers (the GraphQL endpoint's refusals, CSRF, session
// middleware) answer with. GraphQL responses carry their errors in the
// body with status 200; gqlserver's presenter shows those.
package httperr

import (
	"encoding/json"
	"net/http"

	"github.com/woowtech/woow-paas/errs"
)

// Codes of requests refused at the HTTP edge, before any domain code runs:
// the request is not one the API takes. Like errs' codes, they are what
// clients read in extensions.code.
const (
	// BadRequest: not a request we accept (a body that is not a GraphQL
	// JSON request, a malformed URL query, an unsupported upgrade).
	BadRequest errs.Code = "BAD_REQUEST"
	// PayloadTooLarge: the body is over the endpoint's limit.
	PayloadTooLarge errs.Code = "PAYLOAD_TOO_LARGE"
	// MethodNotAllowed: an HTTP method the endpoint does not take (the
	// response carries an Allow header).
	MethodNotAllowed errs.Code = "METHOD_NOT_ALLOWED"
	// UnsupportedMediaType: a body that is not application/json.
	UnsupportedMediaType errs.Code = "UNSUPPORTED_MEDIA_TYPE"
)

// Status is the HTTP status of a response that fails with code: 500 for
// Internal and for any code without a status of its own.
func Status(code errs.Code) int {
	switch code {
	case errs.Invalid, BadRequest:
		return http.StatusBadRequest
	case errs.Unauthenticated:
		return http.StatusUnauthorized
	case errs.Forbidden:
		return http.StatusForbidden
	case errs.NotFound:
		return http.StatusNotFound
	case MethodNotAllowed:
		return http.StatusMethodNotAllowed
	case errs.Conflict:
		return http.StatusConflict
	case PayloadTooLarge:
		return http.StatusRequestEntityTooLarge
	case UnsupportedMediaType:
		return http.StatusUnsupportedMediaType
	case errs.TooManyRequests:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// body is the shape of a GraphQL response with errors and no data, which
// every client of ours already parses:
//
//	{"errors":[{"message":"...","extensions":{"code":"...","field":"..."}}]}
type body struct {
	Errors []message `json:"errors"`
}

type message struct {
	Message    string     `json:"message"`
	Extensions extensions `json:"extensions"`
}

type extensions struct {
	Code  errs.Code `json:"code"`
	Field string    `json:"field,omitempty"`
}

// Write answers a request with err alone: the status of its code and a
// JSON error body showing what errs.Public lets a client see (an error
// that is not a domain error is "internal error", 500: log it first).
// Nothing may have been written to w yet.
func Write(w http.ResponseWriter, err error) {
	e := errs.Public(err)
	if e == nil { // a caller's mistake: still an answer
		e = errs.Public(errs.E(errs.Internal, "httperr.Write(nil)"))
	}
	b, jerr := json.Marshal(body{Errors: []message{{
		Message:    e.Message,
		Extensions: extensions{Code: e.Code, Field: e.Field},
	}}})
	if jerr != nil { // strings only: cannot happen
		panic(jerr)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(Status(e.Code))
	// The client's problem if it went away; nothing is left to tell it.
	_, _ = w.Write(append(b, '\n'))
}
