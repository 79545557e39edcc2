package httperr_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/errs/httperr"
)

// TestStatus is the table: every code a plain HTTP response may carry and
// its status.
func TestStatus(t *testing.T) {
	for _, tt := range []struct {
		code errs.Code
		want int
	}{
		{errs.Invalid, http.StatusBadRequest},
		{httperr.BadRequest, http.StatusBadRequest},
		{errs.Unauthenticated, http.StatusUnauthorized},
		{errs.Forbidden, http.StatusForbidden},
		{errs.NotFound, http.StatusNotFound},
		{httperr.MethodNotAllowed, http.StatusMethodNotAllowed},
		{errs.Conflict, http.StatusConflict},
		{httperr.PayloadTooLarge, http.StatusRequestEntityTooLarge},
		{httperr.UnsupportedMediaType, http.StatusUnsupportedMediaType},
		{errs.TooManyRequests, http.StatusTooManyRequests},
		{errs.Internal, http.StatusInternalServerError},
		{"SOMETHING_ELSE", http.StatusInternalServerError},
		{"", http.StatusInternalServerError},
	} {
		t.Run(string(tt.code), func(t *testing.T) {
			if got := httperr.Status(tt.code); got != tt.want {
				t.Errorf("Status(%q) = %d, want %d", tt.code, got, tt.want)
			}
		})
	}
}

// TestWrite: the status, headers and exact body of each kind of error.
// Outside clients parse this body: change it only on purpose.
func TestWrite(t *testing.T) {
	for _, tt := range []struct {
		name   string
		err    error
		status int
		body   string
	}{
		{
			name:   "domain error",
			err:    errs.E(errs.Forbidden, "cross-origin request refused"),
			status: 403,
			body:   `{"errors":[{"message":"cross-origin request refused","extensions":{"code":"FORBIDDEN"}}]}` + "\n",
		},
		{
			name:   "edge code",
			err:    errs.E(httperr.UnsupportedMediaType, "Content-Type must be application/json"),
			status: 415,
			body:   `{"errors":[{"message":"Content-Type must be application/json","extensions":{"code":"UNSUPPORTED_MEDIA_TYPE"}}]}` + "\n",
		},
		{
			name:   "wrapped, with a field",
			err:    fmt.Errorf("registering: %w", errs.InvalidField("email", "an account with this email already exists")),
			status: 400,
			body:   `{"errors":[{"message":"an account with this email already exists","extensions":{"code":"BAD_USER_INPUT","field":"email"}}]}` + "\n",
		},
		{
			name:   "foreign error: details hidden",
			err:    errors.New("pq: connection refused to 10.0.0.5"),
			status: 500,
			body:   `{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}` + "\n",
		},
		{
			name:   "internal domain error: message hidden",
			err:    errs.E(errs.Internal, "the key file is unreadable"),
			status: 500,
			body:   `{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}` + "\n",
		},
		{
			name:   "nil",
			err:    nil,
			status: 500,
			body:   `{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}` + "\n",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			httperr.Write(w, tt.err)
			if w.Code != tt.status {
				t.Errorf("status %d, want %d", w.Code, tt.status)
			}
			if got := w.Body.String(); got != tt.body {
				t.Errorf("body\n%s\nwant\n%s", got, tt.body)
			}
			if ct := w.Header().Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			if n := w.Header().Get("X-Content-Type-Options"); n != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", n)
			}
		})
	}
}
